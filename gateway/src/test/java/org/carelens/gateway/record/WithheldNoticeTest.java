package org.carelens.gateway.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carelens.policy.Decision;
import org.junit.jupiter.api.Test;

/** Issue 9: withheld notices tell the truth without leaking. */
class WithheldNoticeTest {

  static final WithheldNotice.Context PHARMACIST =
      new WithheldNotice.Context(
          "pharmacist",
          "out-of-hours",
          "riverside-shared-care",
          Map.of("mental-health", "Riverside Mental Health", "gp", "Riverside Medical Practice"));

  @Test
  void a_section_withheld_by_role_says_so_plainly_and_does_not_blame_the_patient() {
    WithheldNotice notice =
        WithheldNotice.of(withheld("role", "ROLE_NOT_PERMITTED"), false, PHARMACIST);

    assertThat(notice.reasons()).containsExactly("ROLE");
    assertThat(notice.notice())
        .isEqualTo("Not shared with pharmacists under sharing agreement riverside-shared-care");
  }

  @Test
  void a_source_that_needs_permission_to_view_is_named_with_the_rule() {
    WithheldNotice notice =
        WithheldNotice.of(
            withheld("mental-health", "PERMISSION_TO_VIEW_REQUIRED"), false, PHARMACIST);

    assertThat(notice.reasons()).containsExactly("PERMISSION_REQUIRED");
    assertThat(notice.notice())
        .isEqualTo(
            "Riverside Mental Health shares this only with the patient's permission to view,"
                + " recorded at the point of care");
  }

  @Test
  void patient_specific_causes_get_only_the_generic_wording() {
    WithheldNotice sensitive =
        WithheldNotice.of(withheld("gp", "SENSITIVE_ITEM"), false, PHARMACIST);
    WithheldNotice dissent =
        WithheldNotice.of(withheld("gp", "PATIENT_DISSENT"), false, PHARMACIST);
    WithheldNotice atSource = WithheldNotice.of(Set.of(), true, PHARMACIST);

    assertThat(sensitive.notice()).isEqualTo(Decision.WITHHELD_NOTICE);
    assertThat(dissent.notice()).isEqualTo(Decision.WITHHELD_NOTICE);
    assertThat(atSource.notice()).isEqualTo(Decision.WITHHELD_NOTICE);
    assertThat(List.of(sensitive.reasons(), dissent.reasons(), atSource.reasons()))
        .containsExactly(
            List.of("SENSITIVE"), List.of("PATIENT_DISSENT"), List.of("CONFIDENTIAL_AT_SOURCE"));
  }

  @Test
  void gp_connect_no_patient_consent_is_patient_dissent_and_unknown_source_codes_reveal_least() {
    assertThat(WithheldNotice.Reason.of("NO_PATIENT_CONSENT"))
        .isEqualTo(WithheldNotice.Reason.PATIENT_DISSENT);
    assertThat(WithheldNotice.Reason.of("SOMETHING_NEW"))
        .isEqualTo(WithheldNotice.Reason.CONFIDENTIAL_AT_SOURCE);
  }

  @Test
  void mixed_causes_give_the_plain_words_then_the_generic_notice_and_every_code_once() {
    Set<PolicyTrace.Withheld> both = new LinkedHashSet<>();
    both.addAll(withheld("mental-health", "PERMISSION_TO_VIEW_REQUIRED"));
    both.addAll(withheld("gp", "SENSITIVE_ITEM"));
    both.addAll(withheld("acute", "SENSITIVE_ITEM"));

    WithheldNotice notice = WithheldNotice.of(both, true, PHARMACIST);

    assertThat(notice.reasons())
        .containsExactly("PERMISSION_REQUIRED", "CONFIDENTIAL_AT_SOURCE", "SENSITIVE");
    assertThat(notice.notice())
        .isEqualTo(
            "Riverside Mental Health shares this only with the patient's permission to view,"
                + " recorded at the point of care. "
                + Decision.WITHHELD_NOTICE);
  }

  @Test
  void nothing_withheld_gives_no_notice() {
    assertThat(WithheldNotice.of(Set.of(), false, PHARMACIST)).isEqualTo(WithheldNotice.NONE);
  }

  @Test
  void a_social_worker_reads_a_share_out_rule_naming_the_source_and_organisation_type() {
    WithheldNotice.Context council =
        new WithheldNotice.Context("social-worker", "local-authority", "riverside", Map.of());

    WithheldNotice notice = WithheldNotice.of(withheld("gp", "SECTION_NOT_SHARED"), false, council);

    assertThat(notice.notice())
        .isEqualTo(
            "gp does not share this with local-authority organisations under sharing agreement"
                + " riverside");
  }

  private static Set<PolicyTrace.Withheld> withheld(String source, String code) {
    return Set.of(new PolicyTrace.Withheld(source, code));
  }
}
