package org.carelens.simulators.socialcare;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens the simulated authorisation server issued, with their expiry. Opaque random strings
 * (RFC 6749 §1.4 leaves the format to the server); expired tokens are dropped whenever a new one is
 * issued, so a long-running simulator holds at most one lifetime's worth. Thread-safe.
 */
final class TokenStore {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final Duration lifetime;
  private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

  TokenStore(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
  }

  String issue() {
    Instant now = clock.instant();
    expiries.values().removeIf(expiry -> !expiry.isAfter(now));
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    expiries.put(token, now.plus(lifetime));
    return token;
  }

  boolean valid(String token) {
    Instant expiry = expiries.get(token);
    return expiry != null && expiry.isAfter(clock.instant());
  }

  Duration lifetime() {
    return lifetime;
  }
}
