package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.button.Button;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.carelens.portal.Rendered;
import org.carelens.portal.gateway.GatewayClient;
import org.carelens.portal.launch.LaunchSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class OtherPatientClaimTest {

  // Never called: only the button is built; the gateway is asked when the dialog is confirmed.
  private static final GatewayClient GATEWAY =
      new GatewayClient(URI.create("http://localhost:9"), JsonMapper.createDefault());

  @AfterAll
  static void close() {
    GATEWAY.close();
  }

  @Test
  void an_nhs_number_typed_in_groups_is_read_as_ten_digits() {
    OtherPatientClaim claim =
        OtherPatientClaim.typed("999 000-0026", "covering-colleague", "  Covering the ward  ");

    assertThat(claim)
        .isEqualTo(new OtherPatientClaim("9990000026", "covering-colleague", "Covering the ward"));
  }

  @Test
  void a_missing_nhs_number_asks_for_one() {
    assertThatThrownBy(() -> OtherPatientClaim.typed("  ", "covering-colleague", "Covering"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Enter the patient's NHS number.");
  }

  @Test
  void a_number_that_is_not_ten_digits_is_refused_as_typed() {
    assertThatThrownBy(
            () -> OtherPatientClaim.typed("999 000 002", "covering-colleague", "Covering"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NHS number must be 10 digits, was '999 000 002'");
  }

  @Test
  void a_blank_reason_is_refused() {
    assertThatThrownBy(() -> OtherPatientClaim.typed("9990000026", "covering-colleague", " \n "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Say in your own words why you are caring for this patient");
  }

  @Test
  void a_reason_longer_than_the_gateway_accepts_is_refused() {
    assertThatThrownBy(
            () -> OtherPatientClaim.typed("9990000026", "covering-colleague", "x".repeat(2001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 2000 characters");
  }

  @Test
  void a_claim_without_a_coded_reason_asks_for_one() {
    assertThatThrownBy(() -> OtherPatientClaim.typed("9990000026", null, "Covering the ward"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Choose the reason you are caring for this patient.");
  }

  @Test
  void direct_care_users_are_offered_to_open_another_patient() {
    Optional<Button> button = OpenAnotherPatient.button(GATEWAY, launch("clinician"));

    assertThat(button)
        .hasValueSatisfying(b -> assertThat(b.getId()).hasValue("open-another-patient"));
  }

  @Test
  void roles_without_direct_care_are_not_offered_another_patient() {
    Optional<Button> button = OpenAnotherPatient.button(GATEWAY, launch("ig-officer"));

    assertThat(button).isEmpty();
  }

  @Test
  void the_self_claimed_banner_says_the_view_is_flagged_for_ig_review() {
    var banner = OpenAnotherPatient.selfClaimedBanner();

    assertThat(Rendered.text(banner, "self-claimed-banner"))
        .contains("Self-claimed relationship — flagged for IG review");
  }

  private static LaunchSession launch(String role) {
    return new LaunchSession(
        "token", Instant.parse("2026-11-22T05:00:00Z"), "9990000018", "Dr A", role, "OOH");
  }
}
