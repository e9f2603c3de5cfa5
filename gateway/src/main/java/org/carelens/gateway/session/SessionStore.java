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
 * so a restart ends every session (fail closed). A session ends after {@code idle-timeout} without
 * use or {@code lifetime} after launch, whichever is first; both are decided against the injected
 * clock, and the cache bound only protects memory.
 */
@Singleton
public class SessionStore {

  private final SecureRandom random = new SecureRandom();
  private final Cache<String, Live> sessions;
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
    sessions.put(token, new Live(session, now));
    return new IssuedSession(token, session);
  }

  /**
   * The live session for {@code token}, or empty if unknown, idle too long or past its lifetime.
   * Finding a session counts as activity.
   */
  public Optional<GatewaySession> find(String token) {
    Instant now = clock.instant();
    Live live =
        sessions
            .asMap()
            .computeIfPresent(
                token,
                (t, current) ->
                    current.endedAt(now, properties) ? null : new Live(current.session(), now));
    return Optional.ofNullable(live).map(Live::session);
  }

  /**
   * The live session for {@code token} without counting as activity, for checks made before the
   * request is accepted (a rate-limited request must not keep a session alive).
   */
  public Optional<GatewaySession> peek(String token) {
    Live live = sessions.getIfPresent(token);
    return live == null || live.endedAt(clock.instant(), properties)
        ? Optional.empty()
        : Optional.of(live.session());
  }

  /** Ends the session of {@code token} at once, if there is one. */
  public void end(String token) {
    sessions.invalidate(token);
  }

  /** A newly opened session and its token. */
  public record IssuedSession(String accessToken, GatewaySession session) {}

  private record Live(GatewaySession session, Instant lastUsedAt) {
    boolean endedAt(Instant now, SessionProperties properties) {
      return !now.isBefore(session.expiresAt())
          || !now.isBefore(lastUsedAt.plus(properties.getIdleTimeout()));
    }
  }
}
