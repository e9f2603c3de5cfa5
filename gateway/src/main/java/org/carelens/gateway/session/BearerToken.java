package org.carelens.gateway.session;

import org.carelens.gateway.problem.ProblemException;
import org.jspecify.annotations.Nullable;

/** Extracts the token from an {@code Authorization: Bearer} header, refusing anything else. */
public final class BearerToken {

  private BearerToken() {}

  public static String from(@Nullable String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw ProblemException.unauthorized(
          "MISSING_TOKEN", "An Authorization header with a Bearer token is required");
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        || authorization.substring(7).isBlank()) {
      throw ProblemException.unauthorized(
          "INVALID_TOKEN", "The Authorization header must use the Bearer scheme");
    }
    return authorization.substring(7).strip();
  }
}
