package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.carelens.portal.Rendered;
import org.carelens.portal.gateway.CareTeamEntry;
import org.carelens.portal.gateway.Concept;
import org.carelens.portal.gateway.EncounterEntry;
import org.carelens.portal.gateway.ItemSection;
import org.carelens.portal.gateway.ItemSource;
import org.carelens.portal.gateway.ResultEntry;
import org.junit.jupiter.api.Test;

class RecordPanelsTest {

  private static final String NOTICE = "Some items were withheld (gateway's own words)";
  private static final ItemSource GP = new ItemSource("gp", "GP practice", "1");
  private static final ItemSource ACUTE = new ItemSource("acute", "Hospital", "2");

  @Test
  void a_withheld_section_shows_the_gateways_notice_exactly_and_says_unavailable() {
    SectionPanel<ResultEntry> panel =
        RecordPanels.results(Optional.of(new ItemSection<>(true, NOTICE, List.of())), "clinician");

    assertThat(Rendered.text(panel, "results-notice")).isEqualTo(NOTICE);
    assertThat(panel.grid().getId()).contains("results-grid");
    assertThat(panel.grid().getEmptyStateText()).isEqualTo("Results unavailable");
  }

  @Test
  void an_empty_section_says_the_sources_returned_none_rather_than_none_exist() {
    SectionPanel<CareTeamEntry> panel =
        RecordPanels.careTeam(Optional.of(new ItemSection<>(false, null, List.of())));

    assertThat(Rendered.byId(panel, "careTeam-notice")).isEmpty();
    assertThat(panel.grid().getEmptyStateText())
        .startsWith("No involved services were returned by the sources that loaded");
  }

  @Test
  void a_section_missing_from_the_answer_is_an_error() {
    SectionPanel<EncounterEntry> panel = RecordPanels.encounters(Optional.empty(), CuiFormat.UK);

    assertThat(Rendered.text(panel, "encounters-missing")).startsWith("Encounters unavailable");
  }

  @Test
  void every_section_ends_with_the_items_sources_and_the_conflict_marker() {
    CareTeamEntry worker =
        new CareTeamEntry(
            "c1",
            new Concept(null, null, "Social worker"),
            "Claire Sutcliffe",
            "Adult Social Care",
            "0113 496 0690",
            "ACTIVE",
            LocalDate.of(2026, 5, 15),
            List.of(GP, ACUTE),
            true,
            List.of());

    SectionPanel<CareTeamEntry> panel =
        RecordPanels.careTeam(Optional.of(new ItemSection<>(false, null, List.of(worker))));

    Grid<CareTeamEntry> grid = panel.grid();
    assertThat(grid.getColumns())
        .extracting(Grid.Column::getHeaderText)
        .endsWith("Source", "Conflict");
    assertThat(ItemWords.sources(worker)).isEqualTo("GP practice, Hospital");
    assertThat(grid.getListDataView().getItems()).containsExactly(worker);
  }

  @Test
  void encounters_are_newest_first_with_discharge_details_in_the_outcome() {
    EncounterEntry older = encounter("e1", LocalDate.of(2025, 1, 15), null);
    EncounterEntry admission =
        encounter("e2", LocalDate.of(2026, 8, 9), "Discharged home; fracture clinic in 8 weeks");

    SectionPanel<EncounterEntry> panel =
        RecordPanels.encounters(
            Optional.of(new ItemSection<>(false, null, List.of(older, admission))), CuiFormat.UK);

    assertThat(panel.grid().getListDataView().getItems()).containsExactly(admission, older);
    assertThat(RecordPanels.outcome(admission))
        .isEqualTo("Seen. Discharge: Discharged home; fracture clinic in 8 weeks");
    assertThat(ItemWords.kind("EMERGENCY_ATTENDANCE")).isEqualTo("A&E attendance");
  }

  @Test
  void encounters_of_one_day_are_latest_time_first() {
    EncounterEntry morning =
        Items.timed("m", "EMERGENCY_ATTENDANCE", "2026-03-12T08:15:00Z", "2026-03-12T10:00:00Z");
    EncounterEntry night =
        Items.timed("n", "EMERGENCY_ATTENDANCE", "2026-03-12T23:50:00Z", "2026-03-13T03:10:00Z");

    SectionPanel<EncounterEntry> panel =
        RecordPanels.encounters(
            Optional.of(new ItemSection<>(false, null, List.of(morning, night))), CuiFormat.UK);

    assertThat(panel.grid().getListDataView().getItems()).containsExactly(night, morning);
  }

  private static EncounterEntry encounter(String id, LocalDate start, String discharge) {
    return new EncounterEntry(
        id,
        new Concept(null, null, "Admission"),
        "ADMISSION",
        start,
        null,
        null,
        null,
        "Ward 22",
        null,
        "Seen",
        discharge,
        List.of(ACUTE),
        false,
        List.of());
  }
}
