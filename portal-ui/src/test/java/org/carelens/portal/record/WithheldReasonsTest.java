package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WithheldReasonsTest {

  @Test
  void source_and_policy_reason_codes_are_put_in_words() {
    assertThat(WithheldReasons.words("NO_PATIENT_CONSENT"))
        .isEqualTo("The patient has not consented to sharing from this source");
    assertThat(WithheldReasons.words("PERMISSION_TO_VIEW_REQUIRED"))
        .isEqualTo("The patient's permission to view is needed before this source can be shown");
    assertThat(WithheldReasons.words("PATIENT_DISSENT"))
        .isEqualTo("The patient has opted out of sharing this source's information");
  }

  @Test
  void an_unknown_or_missing_reason_still_says_withheld() {
    assertThat(WithheldReasons.words("NEW_RULE")).isEqualTo("Withheld (NEW_RULE)");
    assertThat(WithheldReasons.words(Optional.empty()))
        .isEqualTo("Withheld by the source or by policy");
  }
}
