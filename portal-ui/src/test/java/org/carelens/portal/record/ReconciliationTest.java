package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.carelens.portal.Rendered;
import org.carelens.portal.gateway.ItemDifference;
import org.carelens.portal.gateway.MedicationEntry;
import org.carelens.portal.gateway.MedicationSection;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  private static final MedicationEntry CHANGED =
      Items.medicine(
          "Amlodipine 5mg tablets",
          "ACTIVE",
          "One tablet once a day",
          LocalDate.of(2026, 11, 1),
          List.of(Items.GP, Items.PHARMACY, Items.ACUTE),
          List.of(
              new ItemDifference(
                  "dosageText",
                  List.of(
                      new ItemDifference.SourceValue("gp", "One tablet once a day"),
                      new ItemDifference.SourceValue("acute", "Two tablets once a day")))));

  private static final MedicationEntry OLD_ACUTE =
      Items.medicine(
          "Amoxicillin 250mg capsules",
          "COMPLETED",
          "Two capsules three times a day",
          LocalDate.of(2025, 1, 29),
          List.of(Items.GP),
          List.of());

  @Test
  void each_source_holds_its_own_dose_and_a_difference_is_marked_in_words() {
    List<Reconciliation.Value> gp = Reconciliation.values(CHANGED, "gp").orElseThrow();
    List<Reconciliation.Value> acute = Reconciliation.values(CHANGED, "acute").orElseThrow();

    assertThat(Reconciliation.words(gp.getFirst()))
        .isEqualTo("≠ Dose: One tablet once a day (differs)");
    assertThat(Reconciliation.words(acute.getFirst()))
        .isEqualTo("≠ Dose: Two tablets once a day (differs)");
    assertThat(Reconciliation.words(acute.get(1))).isEqualTo("Quantity: 28 tablet");
    assertThat(Reconciliation.values(OLD_ACUTE, "acute")).isEmpty();
  }

  @Test
  void a_source_without_a_value_for_a_differing_field_says_not_recorded() {
    // The pharmacy holds the medicine but sent no dose: its absence is a value, not a gap to fill.
    List<Reconciliation.Value> pharmacy = Reconciliation.values(CHANGED, "pharmacy").orElseThrow();

    assertThat(Reconciliation.words(pharmacy.getFirst()))
        .isEqualTo("≠ Dose: not recorded (differs)");
  }

  @Test
  void filters_show_current_and_last_12_months_by_default_and_stopped_on_request() {
    List<MedicationEntry> all = List.of(CHANGED, OLD_ACUTE);

    assertThat(Reconciliation.rows(all, Reconciliation.Filter.RECENT, TODAY))
        .containsExactly(CHANGED);
    assertThat(Reconciliation.rows(all, Reconciliation.Filter.STOPPED, TODAY))
        .containsExactly(OLD_ACUTE);
    assertThat(Reconciliation.rows(all, Reconciliation.Filter.ALL, TODAY)).hasSize(2);
  }

  @Test
  void columns_go_gp_then_pharmacy_then_hospital() {
    assertThat(Reconciliation.sources(List.of(CHANGED)))
        .containsExactly(Items.GP, Items.PHARMACY, Items.ACUTE);
  }

  @Test
  void the_panel_highlights_the_difference_beside_each_source_and_lists_allergies_beside() {
    ReconciliationPanel panel =
        new ReconciliationPanel(
            Optional.of(new MedicationSection(false, null, List.of(CHANGED), null, null)),
            Optional.empty(),
            List.of(),
            TODAY);

    assertThat(Rendered.text(panel, "reconciliation-table"))
        .contains("≠ Dose: Two tablets once a day (differs)", "Sources disagree");
    assertThat(Rendered.text(panel, "reconciliation-count"))
        .isEqualTo("1 medicine (current and last 12 months); sources disagree on 1");
    assertThat(Rendered.text(panel, "reconciliation-allergies")).contains("Allergies unavailable");
  }
}
