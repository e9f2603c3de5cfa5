package org.carelens.portal.launch;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.carelens.portal.gateway.SessionGrant;
import org.jspecify.annotations.Nullable;

/**
 * The gateway session a launch established, kept in the HTTP session under {@link #ATTRIBUTE}. It
 * is bound to one patient: the portal never uses it to read anyone else.
 *
 * @param accessToken the gateway's bearer token; never logged, never sent to the browser
 */
public record LaunchSession(
    String accessToken,
    Instant expiresAt,
    String nhsNumber,
    String userName,
    String userRole,
    String organisationName)
    implements Serializable {

  /** The HTTP session attribute that holds the launch. */
  public static final String ATTRIBUTE = LaunchSession.class.getName();

  private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");

  public LaunchSession {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(nhsNumber, "nhsNumber");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(userRole, "userRole");
    Objects.requireNonNull(organisationName, "organisationName");
    if (!TEN_DIGITS.matcher(nhsNumber).matches()) {
      throw new IllegalArgumentException(
          "NHS number must be 10 digits, was '%s'".formatted(nhsNumber));
    }
  }

  /** The launch a gateway grant describes. */
  public static LaunchSession of(SessionGrant grant) {
    return new LaunchSession(
        grant.accessToken(),
        grant.expiresAt(),
        grant.nhsNumber(),
        grant.user().name(),
        grant.user().role(),
        grant.user().organisation().name());
  }

  /** Reads the launch from an HTTP session attribute value, if it is one. */
  public static Optional<LaunchSession> fromAttribute(@Nullable Object attribute) {
    return attribute instanceof LaunchSession launch ? Optional.of(launch) : Optional.empty();
  }

  /** True when this launch was for the given patient (ten digits, no spaces). */
  public boolean isFor(String nhsNumber) {
    return this.nhsNumber.equals(nhsNumber);
  }

  /** True once the gateway token has expired; the gateway would refuse it anyway. */
  public boolean isExpired(Clock clock) {
    return !clock.instant().isBefore(expiresAt);
  }

  /** Keeps the token out of logs. */
  @Override
  public String toString() {
    return "LaunchSession[nhsNumber=%s, user=%s, role=%s, expiresAt=%s]"
        .formatted(nhsNumber, userName, userRole, expiresAt);
  }
}
