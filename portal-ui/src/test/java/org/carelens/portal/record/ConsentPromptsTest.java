package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.carelens.portal.gateway.SourceView;
import org.junit.jupiter.api.Test;

class ConsentPromptsTest {

  private static final SourceView NEEDS_PERMISSION =
      new SourceView(
          "mental-health",
          "Mental health trust",
          "WITHHELD",
          1,
          false,
          null,
          "PERMISSION_TO_VIEW_REQUIRED",
          null);
  private static final SourceView DISSENT =
      new SourceView("gp", "GP practice", "WITHHELD", 1, false, null, "PATIENT_DISSENT", null);
  private static final SourceView LOADED =
      new SourceView("acute", "Hospital", "OK", 1, false, null, null, null);

  @Test
  void a_clinician_is_asked_for_permission_only_for_sources_that_need_it() {
    List<SourceView> sources = List.of(NEEDS_PERMISSION, DISSENT, LOADED);

    assertThat(ConsentPrompts.awaitingPermission(sources)).containsExactly("Mental health trust");
    assertThat(ConsentPrompts.offerPermission("clinician", true, sources)).isTrue();
    assertThat(ConsentPrompts.offerPermission("clinician", true, List.of(DISSENT, LOADED)))
        .isFalse();
  }

  @Test
  void permission_is_not_offered_for_a_patient_opened_on_a_self_claimed_relationship() {
    List<SourceView> sources = List.of(NEEDS_PERMISSION);

    boolean offered = ConsentPrompts.offerPermission("clinician", false, sources);

    assertThat(offered).isFalse();
  }

  @Test
  void roles_outside_direct_care_are_offered_neither_permission_nor_break_glass() {
    List<SourceView> sources = List.of(NEEDS_PERMISSION);

    assertThat(ConsentPrompts.offerPermission("ig-officer", true, sources)).isFalse();
    assertThat(ConsentPrompts.offerBreakGlass("administrator", false, sources)).isFalse();
  }

  @Test
  void break_glass_is_offered_when_something_is_withheld_and_it_is_not_already_active() {
    assertThat(ConsentPrompts.offerBreakGlass("pharmacist", false, List.of(DISSENT))).isTrue();
    assertThat(ConsentPrompts.offerBreakGlass("pharmacist", true, List.of(DISSENT))).isFalse();
    assertThat(ConsentPrompts.offerBreakGlass("pharmacist", false, List.of(LOADED))).isFalse();
  }

  @Test
  void active_break_glass_says_until_when_in_uk_time() {
    assertThat(
            ConsentPrompts.activeUntil(
                Instant.parse("2026-07-01T04:10:00Z"), ZoneId.of("Europe/London")))
        .isEqualTo("Emergency (break-glass) access is active until 01-Jul-2026 05:10.");
    assertThat(ConsentPrompts.reasonWords("medical-emergency")).isEqualTo("Medical emergency");
  }
}
