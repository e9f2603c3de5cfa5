package org.carelens.portal.ig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.carelens.portal.gateway.BreakGlassReviewItem;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class BreakGlassFormatTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static BreakGlassReviewItem item(
      @Nullable String expiresAt, BreakGlassReviewItem.@Nullable Acknowledgement review) {
    return new BreakGlassReviewItem(
        42,
        Instant.parse("2026-11-22T03:10:00Z"),
        review == null ? "open" : "acknowledged",
        "555010000101",
        "Dr Amira Khan",
        "clinician",
        "Y03012",
        "9990000018",
        "medical-emergency",
        "Unconscious in ED",
        expiresAt,
        review);
  }

  @Test
  void the_patients_nhs_number_is_shown_in_three_three_four_groups() {
    String patient = BreakGlassFormat.patient(item(null, null));

    assertThat(patient).isEqualTo("999 000 0018");
  }

  @Test
  void the_user_is_named_with_their_id() {
    String user = BreakGlassFormat.user(item(null, null));

    assertThat(user).isEqualTo("Dr Amira Khan (555010000101)");
  }

  @Test
  void the_reason_code_is_shown_in_words() {
    String reason = BreakGlassFormat.reason(item(null, null));

    assertThat(reason).isEqualTo("Medical emergency");
  }

  @Test
  void the_expiry_is_shown_in_uk_local_time() {
    String expiry = BreakGlassFormat.expiry(item("2026-07-01T03:40:00Z", null), LONDON);

    assertThat(expiry).isEqualTo("01-Jul-2026 04:40:00");
  }

  @Test
  void an_expiry_the_portal_cannot_read_is_shown_as_recorded() {
    String expiry = BreakGlassFormat.expiry(item("soon", null), LONDON);

    assertThat(expiry).isEqualTo("soon");
  }

  @Test
  void a_missing_expiry_says_so() {
    String expiry = BreakGlassFormat.expiry(item(null, null), LONDON);

    assertThat(expiry).isEqualTo("Not recorded");
  }

  @Test
  void an_open_declaration_is_shown_as_open() {
    String review = BreakGlassFormat.review(item(null, null), LONDON);

    assertThat(review).isEqualTo("Open");
  }

  @Test
  void an_acknowledged_declaration_shows_who_reviewed_it_when_and_their_note() {
    var acknowledgement =
        new BreakGlassReviewItem.Acknowledgement(
            57, Instant.parse("2026-11-22T09:00:00Z"), "ig1", "Pat Reviewer", "Justified");

    String review = BreakGlassFormat.review(item(null, acknowledgement), LONDON);

    assertThat(review).isEqualTo("Acknowledged 22-Nov-2026 09:00:00 by Pat Reviewer: Justified");
  }

  @Test
  void a_blank_note_is_refused_before_reaching_the_gateway() {
    assertThatThrownBy(() -> BreakGlassFormat.note("   "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Write a note");
  }

  @Test
  void a_note_longer_than_the_gateway_accepts_is_refused_with_its_length() {
    assertThatThrownBy(() -> BreakGlassFormat.note("x".repeat(2001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The note must be at most 2000 characters, was 2001");
  }

  @Test
  void a_note_is_stripped() {
    String note = BreakGlassFormat.note("  Justified \n");

    assertThat(note).isEqualTo("Justified");
  }
}
