package org.carelens.portal.launch;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.carelens.portal.gateway.SessionGrant;
import org.jspecify.annotations.Nullable;

/**
 * The gateway session a launch established, kept in the HTTP session under {@link #ATTRIBUTE}. It
 * is bound to the launched patient and to any patient this user then claimed a relationship with at
 * the gateway ({@link #withClaimed}): the portal never uses it to read anyone else.
 *
 * @param accessToken the gateway's bearer token; never logged, never sent to the browser
 * @param nhsNumber the launched patient
 * @param claimedPatients patients the gateway accepted a self-claimed relationship for, in order
 */
public record LaunchSession(
    String accessToken,
    Instant expiresAt,
    String nhsNumber,
    String userName,
    String userRole,
    String organisationName,
    List<String> claimedPatients)
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
    // List.copyOf is serialisable, as an HTTP session attribute must be.
    claimedPatients = List.copyOf(claimedPatients);
    for (String claimed : claimedPatients) {
      if (!TEN_DIGITS.matcher(claimed).matches()) {
        throw new IllegalArgumentException(
            "Claimed NHS number must be 10 digits, was '%s'".formatted(claimed));
      }
      if (claimed.equals(nhsNumber)) {
        throw new IllegalArgumentException(
            "The launched patient needs no claimed relationship: the launch is the relationship");
      }
    }
  }

  /** A launch with no claimed relationships yet. */
  public LaunchSession(
      String accessToken,
      Instant expiresAt,
      String nhsNumber,
      String userName,
      String userRole,
      String organisationName) {
    this(accessToken, expiresAt, nhsNumber, userName, userRole, organisationName, List.of());
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

  /**
   * This launch, also allowed to open a patient the gateway accepted a self-claimed relationship
   * for ({@code POST /api/v1/patients/{nhsNumber}/relationship}). Call it only after the gateway
   * accepted the claim: the gateway, not the portal, decides who may be viewed.
   */
  public LaunchSession withClaimed(String claimedNhsNumber) {
    if (claimedNhsNumber.equals(nhsNumber) || claimedPatients.contains(claimedNhsNumber)) {
      return this;
    }
    List<String> claimed = new ArrayList<>(claimedPatients);
    claimed.add(claimedNhsNumber);
    return new LaunchSession(
        accessToken, expiresAt, nhsNumber, userName, userRole, organisationName, claimed);
  }

  /** True when this session may open the patient: the launched one, or one it claimed. */
  public boolean mayView(String nhsNumber) {
    return isFor(nhsNumber) || isClaimed(nhsNumber);
  }

  /** True when the patient is open only on a self-claimed relationship (flagged for IG review). */
  public boolean isClaimed(String nhsNumber) {
    return claimedPatients.contains(nhsNumber);
  }

  /**
   * The roles that audit access rather than read records: an organisation's IG officer and the
   * federation's IG lead. The gateway decides each one's audit scope; the portal only routes them
   * to the audit pages.
   */
  public static final java.util.Set<String> IG_ROLES =
      java.util.Set.of("ig-officer", "federation-ig");

  /** True for an information-governance role (see {@link #IG_ROLES}). */
  public boolean auditsAccess() {
    return IG_ROLES.contains(userRole);
  }

  /** True once the gateway token has expired; the gateway would refuse it anyway. */
  public boolean isExpired(Clock clock) {
    return !clock.instant().isBefore(expiresAt);
  }

  /** Keeps the token out of logs. */
  @Override
  public String toString() {
    return "LaunchSession[nhsNumber=%s, claimed=%s, user=%s, role=%s, expiresAt=%s]"
        .formatted(nhsNumber, claimedPatients, userName, userRole, expiresAt);
  }
}
