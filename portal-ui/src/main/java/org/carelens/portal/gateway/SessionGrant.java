package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's answer to a launch: a short-lived access token bound to one user and one patient
 * ({@code POST /api/v1/sessions}, 201); or to a sign-in, bound to the user and no patient.
 *
 * @param accessToken opaque bearer token for later gateway calls; never log it
 * @param nhsNumber the patient the launch was for, and the only patient this token may read without
 *     a relationship claim; null for a user who signed in
 */
@Serdeable
public record SessionGrant(
    String accessToken,
    String tokenType,
    Instant expiresAt,
    long expiresIn,
    @Nullable String nhsNumber,
    SessionUser user) {

  public SessionGrant {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(tokenType, "tokenType");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(user, "user");
    if (accessToken.isBlank()) {
      throw new IllegalArgumentException("accessToken must not be blank");
    }
  }

  /** Keeps the token out of logs and exception messages. */
  @Override
  public String toString() {
    return "SessionGrant[tokenType=%s, expiresAt=%s, nhsNumber=%s, user=%s]"
        .formatted(tokenType, expiresAt, nhsNumber, user);
  }
}
