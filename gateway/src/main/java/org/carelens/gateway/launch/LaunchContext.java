package org.carelens.gateway.launch;

import java.time.Instant;
import java.util.Optional;
import org.carelens.policy.Role;
import org.carelens.sdk.model.NhsNumber;
import org.jspecify.annotations.Nullable;

/**
 * Who opened a gateway session, in which role and organisation, and for which patient: everything a
 * verified launch token, or a verified ID token of a signed-in user, says that the gateway acts on.
 *
 * @param issuer the launching system's or identity provider's {@code iss}
 * @param device the launching device, or for a signed-in user {@code sign-in via <issuer name>}
 * @param nhsNumber the patient the session was launched for; null for a signed-in user, whose
 *     session is bound to no patient (use {@link #launchedPatient()})
 */
public record LaunchContext(
    String issuer,
    String jti,
    String userId,
    String userName,
    Role role,
    String organisationOds,
    String organisationName,
    String organisationType,
    String device,
    String reasonForRequest,
    @Nullable NhsNumber nhsNumber,
    Instant expiresAt) {

  /** The patient the session was launched for; empty for a signed-in user. */
  public Optional<NhsNumber> launchedPatient() {
    return Optional.ofNullable(nhsNumber);
  }

  /** Whether the user signed in (bound to no patient) rather than being launched for one. */
  public boolean signedIn() {
    return nhsNumber == null;
  }

  /** Whether the session was launched for {@code patient}. */
  public boolean launchedFor(NhsNumber patient) {
    return patient.equals(nhsNumber);
  }

  /** For the audit: the launched patient's number, or {@code none (signed in)}. */
  public String launchedPatientText() {
    return nhsNumber == null ? "none (signed in)" : nhsNumber.value();
  }
}
