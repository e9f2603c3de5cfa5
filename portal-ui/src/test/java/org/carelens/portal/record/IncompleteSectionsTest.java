package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.carelens.portal.Rendered;
import org.carelens.portal.gateway.AllergySection;
import org.carelens.portal.gateway.IncompleteEntry;
import org.carelens.portal.gateway.IncompleteSection;
import org.carelens.portal.gateway.PatientView;
import org.carelens.portal.gateway.PersonName;
import org.carelens.portal.gateway.SourceView;
import org.junit.jupiter.api.Test;

/** Issue 9: what a source could not read is named where the clinician looks, never dropped. */
class IncompleteSectionsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-03T04:00:00Z"), ZoneId.of("Europe/London"));

  private static final IncompleteEntry GP_ONE_ALLERGY =
      new IncompleteEntry(
          "gp", "PARTIAL", 1, "Riverside Medical Practice: 1 listed allergy could not be read");

  @Test
  void a_partial_section_names_the_source_and_what_is_missing_above_its_items() {
    AllergiesPanel panel =
        new AllergiesPanel(
            Optional.of(
                new AllergySection(
                    false, null, "KNOWN", List.of(), List.of(GP_ONE_ALLERGY), List.of())));

    assertThat(Rendered.text(panel, "allergies-incomplete"))
        .isEqualTo(
            "Some allergies may be missing"
                + "Riverside Medical Practice: 1 listed allergy could not be read");
  }

  @Test
  void an_empty_grid_over_an_unreadable_section_says_unavailable_not_none() {
    MedicationsPanel panel =
        new MedicationsPanel(
            Optional.of(
                new org.carelens.portal.gateway.MedicationSection(
                    false,
                    null,
                    List.of(),
                    List.of(
                        new IncompleteEntry(
                            "gp", "UNAVAILABLE", null, "GP: medications could not be read")),
                    List.of())));

    assertThat(grid(panel, "medications-grid").getEmptyStateText())
        .isEqualTo("Medications unavailable");
    assertThat(Rendered.text(panel, "medications-incomplete"))
        .contains("GP: medications could not be read");
  }

  @Test
  void a_complete_section_has_no_incomplete_box() {
    AllergiesPanel panel =
        new AllergiesPanel(
            Optional.of(new AllergySection(false, null, "NO_KNOWN_ALLERGIES", List.of())));

    assertThat(Rendered.byId(panel, "allergies-incomplete")).isEmpty();
  }

  @Test
  void the_missing_information_panel_lists_each_incomplete_section_of_a_source_that_answered() {
    SourceView gp =
        new SourceView(
            "gp",
            "Riverside Medical Practice",
            "OK",
            40,
            false,
            null,
            null,
            null,
            List.of(
                new IncompleteSection("allergies", "PARTIAL", 1, "1 listed item not in Bundle"),
                new IncompleteSection("careTeam", "UNAVAILABLE", null, "no List")));

    assertThat(Completeness.gaps(List.of(gp), CLOCK))
        .containsExactly(
            "Riverside Medical Practice: 1 listed allergy could not be read.",
            "Riverside Medical Practice: care team and involved services could not be read.");
  }

  @Test
  void known_allergies_with_a_gap_say_the_list_may_be_incomplete_in_the_banner() {
    PatientView patient =
        new PatientView(
            "9990000018",
            new PersonName("Jones", List.of("Margaret"), "Mrs"),
            LocalDate.of(1950, 3, 12),
            "female",
            null,
            null,
            null,
            null,
            false);

    PatientBanner incomplete =
        new PatientBanner(patient, AllergyTitle.KNOWN, true, LocalDate.now(CLOCK));
    PatientBanner complete =
        new PatientBanner(patient, AllergyTitle.KNOWN, false, LocalDate.now(CLOCK));

    assertThat(Rendered.text(incomplete, "banner-allergy-incomplete"))
        .isEqualTo("List may be incomplete");
    assertThat(Rendered.byId(complete, "banner-allergy-incomplete")).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static <T> Grid<T> grid(com.vaadin.flow.component.Component panel, String id) {
    return (Grid<T>)
        panel
            .getChildren()
            .filter(c -> c.getId().filter(id::equals).isPresent())
            .findFirst()
            .orElseThrow();
  }
}
