package org.carelens.portal.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
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

  private static LaunchSession launch() {
    return new LaunchSession("t", Instant.EPOCH, "9990000018", "Dr Amira Khan", "clinician", "OOH");
  }

  @Test
  void ig_officers_and_the_federation_ig_lead_land_on_the_audit_pages_and_no_one_else_does() {
    for (String role : List.of("ig-officer", "federation-ig")) {
      LaunchSession ig = new LaunchSession("t", Instant.EPOCH, "9990000018", "IG", role, "OOH");
      assertThat(ig.auditsAccess()).as(role).isTrue();
      assertThat(LaunchServlet.landingPath(ig)).isEqualTo("/ig");
    }
    for (String role : List.of("clinician", "pharmacist", "social-worker", "administrator")) {
      LaunchSession other = new LaunchSession("t", Instant.EPOCH, "9990000018", "X", role, "OOH");
      assertThat(other.auditsAccess()).as(role).isFalse();
      assertThat(LaunchServlet.landingPath(other)).isEqualTo("/patient/9990000018");
    }
  }

  @Test
  void a_fresh_launch_may_view_only_the_launched_patient() {
    LaunchSession launch = launch();

    assertThat(launch.mayView("9990000018")).isTrue();
    assertThat(launch.mayView("9990000026")).isFalse();
    assertThat(launch.isClaimed("9990000018")).isFalse();
  }

  @Test
  void a_claimed_patient_may_be_viewed_and_is_marked_as_claimed() {
    LaunchSession claimed = launch().withClaimed("9990000026");

    assertThat(claimed.mayView("9990000026")).isTrue();
    assertThat(claimed.isClaimed("9990000026")).isTrue();
    assertThat(claimed.isFor("9990000026")).isFalse();
  }

  @Test
  void claiming_the_same_patient_twice_keeps_one_entry() {
    LaunchSession twice = launch().withClaimed("9990000026").withClaimed("9990000026");

    assertThat(twice.claimedPatients()).containsExactly("9990000026");
  }

  @Test
  void claiming_the_launched_patient_changes_nothing() {
    LaunchSession launch = launch();

    assertThat(launch.withClaimed("9990000018")).isSameAs(launch);
  }

  @Test
  void a_malformed_claimed_number_is_refused_before_it_can_reach_a_url() {
    assertThatThrownBy(() -> launch().withClaimed("999/../x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Claimed NHS number must be 10 digits, was '999/../x'");
  }

  @Test
  void a_launch_with_claims_is_serialisable_as_an_http_session_attribute() throws Exception {
    LaunchSession claimed = launch().withClaimed("9990000026");
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(claimed);
    }

    Object read =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))
            .readObject();

    assertThat(read).isEqualTo(claimed);
  }
}
