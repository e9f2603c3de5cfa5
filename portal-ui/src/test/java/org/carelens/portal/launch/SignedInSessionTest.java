package org.carelens.portal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A session opened by signing in (issue 11): bound to no patient until the user claims one. */
class SignedInSessionTest {

  static final Instant LATER = Instant.parse("2026-12-03T12:00:00Z");

  @Test
  void a_signed_in_session_may_view_no_patient_until_it_claims_one() {
    LaunchSession signedIn =
        new LaunchSession("token", LATER, null, "Ms Priya Shah", "pharmacist", "Riverside");

    LaunchSession claimed = signedIn.withClaimed("9990000018");

    assertThat(signedIn.signedIn()).isTrue();
    assertThat(signedIn.mayView("9990000018")).isFalse();
    assertThat(claimed.mayView("9990000018")).isTrue();
    assertThat(claimed.isClaimed("9990000018")).isTrue();
  }

  @Test
  void a_signed_in_user_lands_on_the_search_and_an_ig_officer_on_the_audit_pages() {
    LaunchSession pharmacist =
        new LaunchSession("token", LATER, null, "Ms Priya Shah", "pharmacist", "Riverside");
    LaunchSession ig =
        new LaunchSession("token", LATER, null, "Mrs Helen Carter", "ig-officer", "OOH");
    LaunchSession launched =
        new LaunchSession("token", LATER, "9990000018", "Dr Amira Khan", "clinician", "OOH");

    assertThat(LaunchServlet.landingPath(pharmacist)).isEqualTo("/search");
    assertThat(LaunchServlet.landingPath(ig)).isEqualTo("/ig");
    assertThat(LaunchServlet.landingPath(launched)).isEqualTo("/patient/9990000018");
    assertThat(launched.signedIn()).isFalse();
  }
}
