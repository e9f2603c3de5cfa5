package org.carelens.portal.ig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.carelens.portal.gateway.RelationshipClaimReviewItem;
import org.carelens.portal.gateway.ReviewAcknowledgement;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ReviewFormatTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static RelationshipClaimReviewItem item(
      @Nullable String userName, @Nullable ReviewAcknowledgement review) {
    return new RelationshipClaimReviewItem(
        42,
        Instant.parse("2026-11-22T03:10:00Z"),
        review == null ? "open" : "acknowledged",
        "555010000101",
        userName,
        "clinician",
        "Y03012",
        "9990000026",
        "covering-colleague",
        null,
        "Covering the ward",
        "9990000018",
        review);
  }

  @Test
  void the_patients_nhs_number_is_shown_in_three_three_four_groups() {
    String patient = ReviewFormat.patient(item("Dr Amira Khan", null));

    assertThat(patient).isEqualTo("999 000 0026");
  }

  @Test
  void the_user_is_named_with_their_id() {
    String user = ReviewFormat.user(item("Dr Amira Khan", null));

    assertThat(user).isEqualTo("Dr Amira Khan (555010000101)");
  }

  @Test
  void a_user_the_trail_has_no_name_for_is_shown_by_id() {
    String user = ReviewFormat.user(item(null, null));

    assertThat(user).isEqualTo("555010000101");
  }

  @Test
  void an_entry_not_yet_reviewed_is_awaiting_review() {
    String review = ReviewFormat.review(item("Dr Amira Khan", null), LONDON);

    assertThat(review).isEqualTo("Awaiting review");
  }

  @Test
  void an_acknowledged_entry_shows_who_reviewed_it_when_and_their_note() {
    var acknowledgement =
        new ReviewAcknowledgement(
            57, Instant.parse("2026-11-22T09:00:00Z"), "ig1", "Pat Reviewer", "Justified");

    String review = ReviewFormat.review(item("Dr Amira Khan", acknowledgement), LONDON);

    assertThat(review).isEqualTo("Acknowledged 22-Nov-2026 09:00 by Pat Reviewer: Justified");
  }

  @Test
  void a_reviewer_the_trail_has_no_name_for_is_shown_by_id() {
    var acknowledgement =
        new ReviewAcknowledgement(57, Instant.parse("2026-07-01T09:00:00Z"), "ig1", null, null);

    String review = ReviewFormat.review(item("Dr Amira Khan", acknowledgement), LONDON);

    assertThat(review).isEqualTo("Acknowledged 01-Jul-2026 10:00 by ig1");
  }

  @Test
  void the_count_names_the_entries_and_their_order() {
    assertThat(ReviewFormat.count(0, "claim", "claims")).isEqualTo("0 claims");
    assertThat(ReviewFormat.count(1, "claim", "claims")).isEqualTo("1 claim");
    assertThat(ReviewFormat.count(3, "claim", "claims")).isEqualTo("3 claims, newest first");
  }

  @Test
  void a_blank_note_is_refused_before_reaching_the_gateway() {
    assertThatThrownBy(() -> ReviewFormat.note("   "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Write a note");
  }

  @Test
  void a_note_longer_than_the_gateway_accepts_is_refused_with_its_length() {
    assertThatThrownBy(() -> ReviewFormat.note("x".repeat(2001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The note must be at most 2000 characters, was 2001");
  }

  @Test
  void a_note_is_stripped() {
    String note = ReviewFormat.note("  Justified \n");

    assertThat(note).isEqualTo("Justified");
  }
}
