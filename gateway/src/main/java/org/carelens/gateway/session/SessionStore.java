package org.carelens.gateway.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.carelens.gateway.launch.LaunchContext;

/**
 * Issues and resolves opaque session tokens: 256 random bits, held only in this process's memory,
 * so a restart ends every session (fail closed). Expiry is decided against the injected clock; the
 * cache bound only protects memory.
 */
@Singleton
public class SessionStore {

  private final SecureRandom random = new SecureRandom();
  private final Cache<String, GatewaySession> sessions;
  private final SessionProperties properties;
  private final Clock clock;

  public SessionStore(SessionProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.sessions =
        Caffeine.newBuilder()
            .expireAfterWrite(properties.getLifetime())
            .maximumSize(100_000)
            .build();
  }

  /** Opens a session for a verified launch and returns its access token. */
  public IssuedSession open(LaunchContext launch) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    GatewaySession session = new GatewaySession(launch, now, now.plus(properties.getLifetime()));
    sessions.put(token, session);
    return new IssuedSession(token, session);
  }

  /** The live session for {@code token}, or empty if unknown or expired. */
  public Optional<GatewaySession> find(String token) {
    GatewaySession session = sessions.getIfPresent(token);
    if (session == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(session.expiresAt())) {
      sessions.invalidate(token);
      return Optional.empty();
    }
    return Optional.of(session);
  }

  /** A newly opened session and its token. */
  public record IssuedSession(String accessToken, GatewaySession session) {}
}
