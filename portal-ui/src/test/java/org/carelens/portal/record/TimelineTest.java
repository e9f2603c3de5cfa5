package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.carelens.portal.Rendered;
import org.carelens.portal.gateway.EncounterEntry;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  private static final EncounterEntry ADMISSION =
      Items.encounter("a", "ADMISSION", LocalDate.of(2026, 8, 20));
  private static final EncounterEntry GP_VISIT =
      Items.encounter("g", "GP_CONSULTATION", LocalDate.of(2026, 8, 20));
  private static final EncounterEntry OLD_AE =
      Items.encounter("e", "EMERGENCY_ATTENDANCE", LocalDate.of(2023, 1, 26));
  private static final EncounterEntry UNDATED = Items.encounter("u", "OUTPATIENT", null);
  private static final List<EncounterEntry> ALL = List.of(OLD_AE, GP_VISIT, UNDATED, ADMISSION);

  @Test
  void newest_first_with_same_day_contacts_by_type_and_undated_ones_last() {
    List<EncounterEntry> shown =
        Timeline.entries(ALL, Set.copyOf(Timeline.kinds(ALL)), true, TODAY);

    assertThat(shown).containsExactly(ADMISSION, GP_VISIT, OLD_AE, UNDATED);
  }

  @Test
  void the_default_window_is_24_months_and_never_hides_an_undated_contact() {
    Set<String> kinds = Set.copyOf(Timeline.kinds(ALL));

    assertThat(Timeline.entries(ALL, kinds, false, TODAY))
        .containsExactly(ADMISSION, GP_VISIT, UNDATED);
    assertThat(Timeline.outsideWindow(ALL, kinds, TODAY)).isEqualTo(1);
  }

  @Test
  void filtering_by_type_keeps_only_that_type() {
    assertThat(Timeline.entries(ALL, Set.of("ADMISSION"), true, TODAY)).containsExactly(ADMISSION);
  }

  @Test
  void same_day_contacts_are_ordered_by_their_times_latest_first_and_untimed_after_them() {
    EncounterEntry morning =
        Items.timed("m", "EMERGENCY_ATTENDANCE", "2026-03-12T08:15:00Z", "2026-03-12T10:00:00Z");
    EncounterEntry night =
        Items.timed("n", "EMERGENCY_ATTENDANCE", "2026-03-12T23:50:00Z", "2026-03-13T03:10:00Z");
    EncounterEntry untimed = Items.encounter("d", "ADMISSION", LocalDate.of(2026, 3, 12));
    List<EncounterEntry> day = List.of(morning, untimed, night);

    assertThat(Timeline.entries(day, Set.copyOf(Timeline.kinds(day)), true, TODAY))
        .containsExactly(night, morning, untimed);
  }

  @Test
  void the_panel_shows_a_time_where_the_source_recorded_one_and_only_the_date_otherwise() {
    EncounterEntry admission =
        Items.timed("t", "ADMISSION", "2026-03-12T23:50:00Z", "2026-03-15T11:30:00Z");
    TimelinePanel panel = new TimelinePanel(List.of(admission, ADMISSION), TODAY, CuiFormat.UK);

    String list = Rendered.text(panel, "timeline-list");

    assertThat(list).contains("12-Mar-2026 23:50").contains("until 15-Mar-2026 11:30");
    assertThat(list).contains("20-Aug-2026").doesNotContain("20-Aug-2026 00:00");
  }

  @Test
  void the_panel_lists_types_in_words_and_shows_all_dates_on_request() {
    TimelinePanel panel = new TimelinePanel(ALL, TODAY, CuiFormat.UK);

    assertThat(Rendered.text(panel, "timeline-count"))
        .isEqualTo("3 contacts in the last 24 months; 1 older not shown");
    assertThat(Rendered.text(panel, "timeline-list"))
        .contains("20-Aug-2026", "Admission", "GP consultation");
  }
}
