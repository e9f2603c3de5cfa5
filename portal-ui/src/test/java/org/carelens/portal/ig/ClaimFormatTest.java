package org.carelens.portal.ig;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.carelens.portal.gateway.RelationshipClaimReviewItem;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ClaimFormatTest {

  private static final Map<String, String> AGREEMENT =
      Map.of("covering-colleague", "Covering for a colleague's patient");

  private static RelationshipClaimReviewItem claim(
      @Nullable String reasonCode, @Nullable String launchedPatient) {
    return claim(reasonCode, null, launchedPatient);
  }

  private static RelationshipClaimReviewItem claim(
      @Nullable String reasonCode, @Nullable String reasonText, @Nullable String launchedPatient) {
    return new RelationshipClaimReviewItem(
        42,
        Instant.parse("2026-11-22T03:10:00Z"),
        "open",
        "555010000101",
        "Dr Amira Khan",
        "clinician",
        "Y03012",
        "9990000026",
        reasonCode,
        reasonText,
        "Covering the ward",
        launchedPatient,
        null);
  }

  @Test
  void the_words_recorded_with_the_claim_are_shown_even_after_the_agreement_changed_them() {
    String reason =
        ClaimFormat.reason(
            claim("covering-colleague", "Covering a colleague's list", null), AGREEMENT);

    assertThat(reason).isEqualTo("Covering a colleague's list");
  }

  @Test
  void the_reason_code_is_shown_in_the_agreements_words() {
    String reason = ClaimFormat.reason(claim("covering-colleague", null), AGREEMENT);

    assertThat(reason).isEqualTo("Covering for a colleague's patient");
  }

  @Test
  void a_code_the_agreement_no_longer_lists_is_shown_as_recorded() {
    String reason = ClaimFormat.reason(claim("night-cover", null), AGREEMENT);

    assertThat(reason).isEqualTo("night-cover");
  }

  @Test
  void while_the_agreements_words_are_unknown_the_code_is_shown_as_recorded() {
    String reason = ClaimFormat.reason(claim("covering-colleague", null), Map.of());

    assertThat(reason).isEqualTo("covering-colleague");
  }

  @Test
  void a_claim_from_before_reasons_were_coded_says_so() {
    String reason = ClaimFormat.reason(claim(null, null), AGREEMENT);

    assertThat(reason).isEqualTo("No coded reason recorded");
  }

  @Test
  void the_launched_patient_is_shown_in_three_three_four_groups() {
    String launched = ClaimFormat.launchedFor(claim("covering-colleague", "9990000018"));

    assertThat(launched).isEqualTo("999 000 0018");
  }

  @Test
  void a_missing_launched_patient_says_so() {
    String launched = ClaimFormat.launchedFor(claim("covering-colleague", null));

    assertThat(launched).isEqualTo("Not recorded");
  }
}
