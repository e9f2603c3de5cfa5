package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.carelens.portal.Rendered;
import org.carelens.portal.gateway.ItemDifference;
import org.carelens.portal.gateway.ItemSource;
import org.carelens.portal.gateway.MedicationEntry;
import org.carelens.portal.gateway.MedicationSection;
import org.carelens.portal.gateway.MedicationValues;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  private static final ItemDifference DOSE =
      new ItemDifference(
          "dosageText",
          List.of(
              new ItemDifference.SourceValue("gp", "One tablet once a day"),
              new ItemDifference.SourceValue("acute", "Two tablets once a day")));

  /** As a gateway sends it: each source with its own values. */
  private static final MedicationEntry CHANGED =
      Items.medicine(
          "Amlodipine 5mg tablets",
          "ACTIVE",
          "One tablet once a day",
          LocalDate.of(2026, 11, 1),
          List.of(
              withValues(
                  Items.GP,
                  new MedicationValues(
                      "ACTIVE",
                      "REPEAT",
                      "One tablet once a day",
                      "28 tablet",
                      LocalDate.of(2020, 12, 3),
                      null,
                      LocalDate.of(2026, 11, 1),
                      null)),
              withValues(
                  Items.PHARMACY,
                  new MedicationValues(
                      "ACTIVE",
                      "REPEAT",
                      null,
                      "28 tablet",
                      LocalDate.of(2026, 9, 2),
                      null,
                      LocalDate.of(2026, 11, 3),
                      null)),
              withValues(
                  Items.ACUTE,
                  new MedicationValues(
                      "ACTIVE",
                      "UNKNOWN",
                      "Two tablets once a day",
                      null,
                      LocalDate.of(2026, 10, 20),
                      null,
                      null,
                      null))),
          List.of(DOSE));

  /** Stopped on discharge: the hospital's own status, end date and reason. */
  private static final MedicationEntry STOPPED_ON_DISCHARGE =
      Items.medicine(
          "Naproxen 500mg tablets",
          "DISCONTINUED",
          "One tablet twice a day",
          LocalDate.of(2026, 10, 1),
          List.of(
              withValues(
                  Items.ACUTE,
                  new MedicationValues(
                      "DISCONTINUED",
                      "UNKNOWN",
                      "One tablet twice a day",
                      null,
                      LocalDate.of(2026, 3, 1),
                      LocalDate.of(2026, 10, 20),
                      null,
                      "Acute kidney injury"))),
          List.of());

  /** From a gateway that sends no per-source values. */
  private static final MedicationEntry CHANGED_WITHOUT_VALUES =
      Items.medicine(
          "Amlodipine 5mg tablets",
          "ACTIVE",
          "One tablet once a day",
          LocalDate.of(2026, 11, 1),
          List.of(Items.GP, Items.PHARMACY, Items.ACUTE),
          List.of(DOSE));

  private static final MedicationEntry OLD_ACUTE =
      Items.medicine(
          "Amoxicillin 250mg capsules",
          "COMPLETED",
          "Two capsules three times a day",
          LocalDate.of(2025, 1, 29),
          List.of(Items.GP),
          List.of());

  @Test
  void the_gp_column_shows_its_type_dose_and_last_issue_from_its_own_values() {
    assertThat(words(CHANGED, "gp"))
        .containsExactly(
            "Type: Repeat", "≠ Dose: One tablet once a day (differs)", "Last issued: 01-Nov-2026");
  }

  @Test
  void the_pharmacy_column_shows_its_last_dispensing_and_quantity_and_the_differing_dose() {
    // The pharmacy records no dose: its absence is a value beside the differing doses, never the
    // GP's dose borrowed.
    assertThat(words(CHANGED, "pharmacy"))
        .containsExactly(
            "Last dispensed: 03-Nov-2026", "Quantity: 28 tablet", "≠ Dose: not recorded (differs)");
  }

  @Test
  void the_hospital_column_shows_when_it_started_the_medicine_and_its_changed_dose() {
    assertThat(words(CHANGED, "acute"))
        .containsExactly("Started: 20-Oct-2026", "≠ Dose: Two tablets once a day (differs)");
    // The hospital records no quantity: not "28 tablet" from the merged line.
    assertThat(String.join(" ", words(CHANGED, "acute"))).doesNotContain("Quantity");
  }

  @Test
  void a_medicine_stopped_at_a_source_says_when_and_why_in_that_sources_column() {
    assertThat(words(STOPPED_ON_DISCHARGE, "acute"))
        .containsExactly(
            "Started: 01-Mar-2026",
            "Dose: One tablet twice a day",
            "Stopped: 20-Oct-2026",
            "Status: Discontinued (Acute kidney injury)");
    assertThat(Reconciliation.values(STOPPED_ON_DISCHARGE, "gp")).isEmpty();
  }

  @Test
  void a_column_field_the_source_does_not_record_says_not_recorded() {
    MedicationEntry noIssue =
        Items.medicine(
            "Ramipril 2.5mg capsules",
            "ACTIVE",
            "One capsule once a day",
            LocalDate.of(2026, 11, 1),
            List.of(
                withValues(
                    Items.GP,
                    new MedicationValues(
                        "ACTIVE",
                        "ACUTE",
                        "One capsule once a day",
                        null,
                        LocalDate.of(2026, 11, 1),
                        null,
                        null,
                        null))),
            List.of());

    assertThat(words(noIssue, "gp"))
        .containsExactly(
            "Type: Acute", "Dose: One capsule once a day", "Last issued: not recorded");
  }

  @Test
  void without_per_source_values_only_the_shown_source_gets_the_merged_type_and_last_issue() {
    // The first source is the one whose values the merged line shows.
    assertThat(words(CHANGED_WITHOUT_VALUES, "gp"))
        .containsExactly(
            "Type: Repeat", "≠ Dose: One tablet once a day (differs)", "Last issued: 01-Nov-2026");
    // Another source's own values are not known beyond the differences: nothing is borrowed from
    // the merged line (its quantity may be one the pharmacy does not record).
    assertThat(words(CHANGED_WITHOUT_VALUES, "pharmacy"))
        .containsExactly("≠ Dose: not recorded (differs)");
    assertThat(words(CHANGED_WITHOUT_VALUES, "acute"))
        .containsExactly("≠ Dose: Two tablets once a day (differs)");
  }

  @Test
  void without_per_source_values_a_source_without_differences_says_it_holds_the_medicine() {
    MedicationEntry agreed =
        Items.medicine(
            "Amlodipine 5mg tablets",
            "ACTIVE",
            "One tablet once a day",
            LocalDate.of(2026, 11, 1),
            List.of(Items.GP, Items.ACUTE),
            List.of());
    ReconciliationPanel panel =
        new ReconciliationPanel(
            Optional.of(new MedicationSection(false, null, List.of(agreed), null, null)),
            Optional.empty(),
            List.of(),
            TODAY);

    assertThat(Reconciliation.values(agreed, "acute")).contains(List.of());
    assertThat(Rendered.text(panel, "reconciliation-table"))
        .contains("Type: Repeat", "Holds this medicine; no difference from the other sources");
  }

  @Test
  void filters_show_current_and_last_12_months_by_default_and_stopped_on_request() {
    List<MedicationEntry> all = List.of(CHANGED, OLD_ACUTE, STOPPED_ON_DISCHARGE);

    assertThat(Reconciliation.rows(all, Reconciliation.Filter.RECENT, TODAY))
        .containsExactly(CHANGED, STOPPED_ON_DISCHARGE);
    assertThat(Reconciliation.rows(all, Reconciliation.Filter.STOPPED, TODAY))
        .containsExactly(OLD_ACUTE, STOPPED_ON_DISCHARGE);
    assertThat(Reconciliation.rows(all, Reconciliation.Filter.ALL, TODAY)).hasSize(3);
  }

  @Test
  void a_medicine_stopped_at_one_source_only_is_listed_under_stopped() {
    MedicationEntry stoppedAtPharmacy =
        Items.medicine(
            "Amlodipine 5mg tablets",
            "ACTIVE",
            "One tablet once a day",
            LocalDate.of(2026, 11, 1),
            List.of(
                withValues(
                    Items.PHARMACY,
                    new MedicationValues(
                        "COMPLETED", "REPEAT", null, "28 tablet", null, null, null, null))),
            List.of());

    assertThat(Reconciliation.matches(stoppedAtPharmacy, Reconciliation.Filter.STOPPED, TODAY))
        .isTrue();
  }

  @Test
  void columns_go_gp_then_pharmacy_then_hospital() {
    assertThat(Reconciliation.sources(List.of(CHANGED)))
        .extracting(ItemSource::id)
        .containsExactly("gp", "pharmacy", "acute");
    assertThat(Reconciliation.Column.of("gp2")).isEqualTo(Reconciliation.Column.GP);
    assertThat(Reconciliation.Column.of("community-pharmacy"))
        .isEqualTo(Reconciliation.Column.PHARMACY);
    assertThat(Reconciliation.Column.of("mental-health")).isEqualTo(Reconciliation.Column.OTHER);
  }

  @Test
  void the_panel_shows_each_sources_own_values_and_highlights_the_difference() {
    ReconciliationPanel panel =
        new ReconciliationPanel(
            Optional.of(new MedicationSection(false, null, List.of(CHANGED), null, null)),
            Optional.empty(),
            List.of(),
            TODAY);

    assertThat(Rendered.text(panel, "reconciliation-table"))
        .contains(
            "Type: Repeat",
            "Last issued: 01-Nov-2026",
            "Last dispensed: 03-Nov-2026",
            "Started: 20-Oct-2026",
            "≠ Dose: Two tablets once a day (differs)",
            "Sources disagree");
    assertThat(Rendered.text(panel, "reconciliation-count"))
        .isEqualTo("1 medicine (current and last 12 months); sources disagree on 1");
    assertThat(Rendered.text(panel, "reconciliation-allergies")).contains("Allergies unavailable");
  }

  private static List<String> words(MedicationEntry m, String sourceId) {
    return Reconciliation.values(m, sourceId).orElseThrow().stream()
        .map(Reconciliation::words)
        .toList();
  }

  private static ItemSource withValues(ItemSource source, MedicationValues values) {
    return new ItemSource(source.id(), source.name(), source.itemId(), values);
  }
}
