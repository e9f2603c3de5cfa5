package org.carelens.portal.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LaunchSessionTest {

  @Test
  void the_access_token_never_appears_in_logs() {
    LaunchSession launch =
        new LaunchSession(
            "secret-token", Instant.EPOCH, "9990000018", "Dr Amira Khan", "clinician", "OOH");

    assertThat(launch.toString()).doesNotContain("secret-token").contains("9990000018");
  }

  @Test
  void a_launch_for_a_malformed_nhs_number_is_refused_before_it_can_reach_a_url() {
    assertThatThrownBy(
            () ->
                new LaunchSession(
                    "t", Instant.EPOCH, "999\r\nSet-Cookie: x", "Dr", "clinician", "OOH"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("NHS number must be 10 digits");
  }

  @Test
  void anything_else_in_the_session_attribute_is_no_launch() {
    assertThat(LaunchSession.fromAttribute("not a launch")).isEmpty();
    assertThat(LaunchSession.fromAttribute(null)).isEmpty();
  }
}
