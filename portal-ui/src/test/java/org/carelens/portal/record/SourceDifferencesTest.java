package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.carelens.portal.gateway.Concept;
import org.carelens.portal.gateway.EncounterEntry;
import org.carelens.portal.gateway.ItemDifference;
import org.carelens.portal.gateway.ItemSource;
import org.carelens.portal.gateway.MedicationEntry;
import org.junit.jupiter.api.Test;

class SourceDifferencesTest {

  static final ItemSource GP = new ItemSource("gp", "GP practice", "m1");
  static final ItemSource ACUTE = new ItemSource("acute", "Riverside hospital", "d4");

  @Test
  void each_differing_value_is_shown_beside_its_source_in_clinicians_words() {
    MedicationEntry metformin =
        metformin(
            new ItemDifference(
                "dosageText",
                List.of(
                    new ItemDifference.SourceValue("gp", "1 tablet twice a day"),
                    new ItemDifference.SourceValue("acute", "1 tablet once a day"))),
            new ItemDifference(
                "startDate",
                List.of(
                    new ItemDifference.SourceValue("gp", "2019-06-01"),
                    new ItemDifference.SourceValue("acute", "2026-10-15"))),
            new ItemDifference(
                "quantityText",
                List.of(
                    new ItemDifference.SourceValue("gp", "56 tablet"),
                    new ItemDifference.SourceValue("acute", null))));

    List<String> lines = SourceDifferences.lines(metformin);

    assertThat(lines)
        .containsExactly(
            "Dose: GP practice — 1 tablet twice a day; Riverside hospital — 1 tablet once a day",
            "Start: GP practice — 01-Jun-2019; Riverside hospital — 15-Oct-2026",
            "Quantity: GP practice — 56 tablet; Riverside hospital — not recorded");
  }

  @Test
  void a_status_difference_reads_as_words_and_an_unknown_source_keeps_its_id() {
    MedicationEntry metformin =
        metformin(
            new ItemDifference(
                "status",
                List.of(
                    new ItemDifference.SourceValue("gp", "ACTIVE"),
                    new ItemDifference.SourceValue("pharmacy", "DISCONTINUED"))));

    List<String> lines = SourceDifferences.lines(metformin);

    assertThat(lines).containsExactly("Status: GP practice — Active; pharmacy — Discontinued");
  }

  @Test
  void a_time_difference_reads_as_cui_date_times_in_uk_local_time() {
    EncounterEntry attendance =
        new EncounterEntry(
            "acute:e1",
            new Concept(null, null, "Emergency department visit"),
            "EMERGENCY_ATTENDANCE",
            LocalDate.of(2026, 7, 1),
            null,
            OffsetDateTime.parse("2026-07-01T23:50:00+01:00"),
            null,
            null,
            null,
            null,
            null,
            List.of(ACUTE, GP),
            true,
            List.of(
                new ItemDifference(
                    "startTime",
                    List.of(
                        new ItemDifference.SourceValue("acute", "2026-07-01T22:50:00Z"),
                        new ItemDifference.SourceValue("gp", null)))));

    assertThat(SourceDifferences.lines(attendance, ZoneId.of("Europe/London")))
        .containsExactly(
            "Start time: Riverside hospital — 01-Jul-2026 23:50; GP practice — not recorded");
  }

  @Test
  void an_item_whose_sources_agree_has_no_lines() {
    assertThat(SourceDifferences.lines(metformin())).isEmpty();
  }

  private static MedicationEntry metformin(ItemDifference... differences) {
    return new MedicationEntry(
        "gp:m1",
        new Concept("https://dmd.nhs.uk", "325278007", "Metformin 500mg tablets"),
        "ACTIVE",
        "REPEAT",
        "1 tablet twice a day",
        "56 tablet",
        null,
        null,
        null,
        null,
        List.of(GP, ACUTE),
        differences.length > 0,
        List.of(differences));
  }
}
