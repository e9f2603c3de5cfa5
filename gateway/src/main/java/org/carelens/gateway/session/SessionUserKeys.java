package org.carelens.gateway.session;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.limits.SessionUsers;
import org.carelens.gateway.problem.ProblemException;
import org.jspecify.annotations.Nullable;

/** The user behind a session token, for the per-user rate limits; in memory, never blocks. */
@Singleton
class SessionUserKeys implements SessionUsers {

  private final SessionStore sessions;

  SessionUserKeys(SessionStore sessions) {
    this.sessions = sessions;
  }

  @Override
  public Optional<String> userOf(@Nullable String authorization) {
    String token;
    try {
      token = BearerToken.from(authorization);
    } catch (ProblemException e) {
      return Optional.empty();
    }
    return sessions.peek(token).map(session -> userKey(session.launch()));
  }

  /** The same for every session of one user: user ids are unique only within their issuer. */
  static String userKey(LaunchContext launch) {
    return launch.issuer() + " " + launch.userId();
  }
}
