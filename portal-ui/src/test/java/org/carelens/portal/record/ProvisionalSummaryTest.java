package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.carelens.portal.Rendered;
import org.carelens.portal.gateway.AllergyEntry;
import org.carelens.portal.gateway.AllergySection;
import org.carelens.portal.gateway.ItemSection;
import org.carelens.portal.gateway.MedicationSection;
import org.carelens.portal.gateway.Sections;
import org.carelens.portal.gateway.SourceEvent;
import org.junit.jupiter.api.Test;

class ProvisionalSummaryTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @Test
  void tiles_fill_from_the_sources_that_have_answered_and_name_those_still_loading() {
    AllergyEntry penicillin =
        new AllergyEntry(
            "a1",
            Items.concept("Allergy to penicillin"),
            "ACTIVE",
            null,
            null,
            List.of("Urticaria"),
            "moderate",
            List.of(Items.GP),
            false,
            null);
    Sections gp =
        new Sections(
            new ItemSection<>(
                false,
                null,
                List.of(Items.alert("DNACPR", "DNACPR form", TODAY, Items.CARE_PLANS))),
            new AllergySection(false, null, "KNOWN", List.of(penicillin), null, null),
            new MedicationSection(false, null, List.of(), null, null),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    SourceEvent event = new SourceEvent("gp", "GP", "OK", 100, false, null, null, null, gp, null);
    SourceProgress progress =
        SourceProgress.expecting(
                new java.util.LinkedHashMap<>(java.util.Map.of("gp", "GP", "acute", "Hospital")))
            .arrived(event);

    SummaryTiles tiles =
        new SummaryTiles(
            RoleViews.summary(
                "clinician",
                null,
                ProvisionalSections.of(List.of(event)),
                progress.rows(),
                TODAY,
                CuiFormat.UK),
            true);

    assertThat(Rendered.text(tiles, "tile-allergies")).contains("Allergy to penicillin");
    assertThat(Rendered.text(tiles, "tile-care-plans")).contains("DNACPR form");
    assertThat(Rendered.text(tiles, "tile-allergies-incomplete"))
        .contains("Hospital: still loading");
    assertThat(tiles.getElement().getAttribute("data-state")).isEqualTo("loading");
  }
}
