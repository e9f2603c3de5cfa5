package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.carelens.portal.Rendered;
import org.carelens.portal.gateway.AllergyEntry;
import org.carelens.portal.gateway.AllergySection;
import org.carelens.portal.gateway.Concept;
import org.carelens.portal.gateway.ItemSource;
import org.carelens.portal.gateway.MedicationEntry;
import org.carelens.portal.gateway.MedicationSection;
import org.junit.jupiter.api.Test;

class SectionPanelsTest {

  private static final String NOTICE =
      "Items excluded due to confidentiality and/or patient preferences";

  @SuppressWarnings("unchecked")
  private static <T> Grid<T> grid(com.vaadin.flow.component.Component panel, String id) {
    return (Grid<T>)
        panel
            .getChildren()
            .filter(c -> c.getId().filter(id::equals).isPresent())
            .findFirst()
            .orElseThrow();
  }

  @Test
  void a_withheld_allergies_section_shows_the_generic_notice_and_says_unavailable() {
    AllergiesPanel panel =
        new AllergiesPanel(Optional.of(new AllergySection(true, NOTICE, "UNAVAILABLE", List.of())));

    assertThat(Rendered.text(panel, "allergies-notice")).isEqualTo(NOTICE);
    assertThat(grid(panel, "allergies-grid").getEmptyStateText())
        .isEqualTo("Allergies unavailable");
  }

  @Test
  void an_empty_allergies_grid_repeats_the_explicit_state() {
    AllergiesPanel panel =
        new AllergiesPanel(
            Optional.of(new AllergySection(false, null, "NO_KNOWN_ALLERGIES", List.of())));

    assertThat(grid(panel, "allergies-grid").getEmptyStateText()).isEqualTo("No known allergies");
    assertThat(Rendered.byId(panel, "allergies-notice")).isEmpty();
  }

  @Test
  void allergies_are_listed_with_every_source() {
    AllergyEntry penicillin =
        new AllergyEntry(
            "a1",
            new Concept("http://snomed.info/sct", "91936005", "Allergy to penicillin"),
            "ACTIVE",
            LocalDate.of(2001, 5, 4),
            null,
            List.of("Urticaria"),
            "moderate",
            List.of(new ItemSource("gp", "GP practice", "x")),
            false,
            List.of());

    AllergiesPanel panel =
        new AllergiesPanel(
            Optional.of(new AllergySection(false, null, "KNOWN", List.of(penicillin))));

    Grid<AllergyEntry> grid = grid(panel, "allergies-grid");
    assertThat(grid.getListDataView().getItems()).containsExactly(penicillin);
    assertThat(grid.getColumns())
        .extracting(Grid.Column::getHeaderText)
        .containsExactly(
            "Allergy", "Reaction", "Severity", "Onset", "Status", "Source", "Conflict");
  }

  @Test
  void a_missing_allergies_section_is_an_error_not_an_empty_list() {
    AllergiesPanel panel = new AllergiesPanel(Optional.empty());

    assertThat(Rendered.text(panel, "allergies-missing")).startsWith("Allergies unavailable");
  }

  @Test
  void a_withheld_medications_section_shows_the_generic_notice() {
    MedicationsPanel panel =
        new MedicationsPanel(Optional.of(new MedicationSection(true, NOTICE, List.of())));

    assertThat(Rendered.text(panel, "medications-notice")).isEqualTo(NOTICE);
    assertThat(grid(panel, "medications-grid").getEmptyStateText())
        .isEqualTo("Medications unavailable");
  }

  @Test
  void medication_lines_are_shown_current_first_under_cui_headings() {
    MedicationEntry stopped = medication("m1", "Aspirin 75mg tablets", "DISCONTINUED");
    MedicationEntry current = medication("m2", "Ramipril 5mg capsules", "ACTIVE");

    MedicationsPanel panel =
        new MedicationsPanel(
            Optional.of(new MedicationSection(false, null, List.of(stopped, current))));

    Grid<MedicationEntry> grid = grid(panel, "medications-grid");
    assertThat(grid.getListDataView().getItems()).containsExactly(current, stopped);
    assertThat(grid.getColumns())
        .extracting(Grid.Column::getHeaderText)
        .containsExactly(
            "Medication",
            "Dose",
            "Quantity",
            "Type",
            "Status",
            "Last issued",
            "Start",
            "End",
            "Source",
            "Conflict");
  }

  private static MedicationEntry medication(String id, String display, String status) {
    return new MedicationEntry(
        id,
        new Concept(null, null, display),
        status,
        "REPEAT",
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        false,
        List.of());
  }
}
