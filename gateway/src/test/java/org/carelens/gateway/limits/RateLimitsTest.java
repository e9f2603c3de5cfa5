package org.carelens.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.carelens.gateway.metrics.GatewayMetrics;
import org.carelens.gateway.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Per-user and per-address allowances, refilled each period of a hand-moved ticker. */
class RateLimitsTest {

  final MutableTicker ticker = new MutableTicker();
  final GatewayMetrics metrics = GatewayMetrics.inMemory();

  @Test
  void a_user_over_the_limit_is_refused_429_rate_limited_with_the_wait_until_the_next_period() {
    RateLimits limits = limits(properties(3, 100));
    for (int i = 0; i < 3; i++) {
      limits.acquireForUser(RateLimit.VIEWS, "issuer user-1");
    }
    ticker.advance(Duration.ofSeconds(20));

    ProblemException refused =
        catchThrowableOfType(
            ProblemException.class, () -> limits.acquireForUser(RateLimit.VIEWS, "issuer user-1"));

    assertThat(refused.status().getCode()).isEqualTo(429);
    assertThat(refused.code()).isEqualTo("RATE_LIMITED");
    assertThat(refused.retryAfter()).contains(Duration.ofSeconds(40));
    assertThat(refused.detail()).contains("views", "this user", "at most 3 every minute");
    assertThat(
            metrics
                .registry()
                .get("carelens.requests.limited")
                .tags("limit", "views", "scope", "user")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void the_allowance_is_whole_again_in_the_next_period() {
    RateLimits limits = limits(properties(2, 100));
    limits.acquireForUser(RateLimit.VIEWS, "issuer user-1");
    limits.acquireForUser(RateLimit.VIEWS, "issuer user-1");
    ticker.advance(Duration.ofMinutes(1));

    limits.acquireForUser(RateLimit.VIEWS, "issuer user-1");

    limits.acquireForUser(RateLimit.VIEWS, "issuer user-1");
    assertThatThrownBy(() -> limits.acquireForUser(RateLimit.VIEWS, "issuer user-1"))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void users_addresses_and_functions_have_separate_allowances() {
    RateLimits limits = limits(properties(1, 1));
    limits.acquireForUser(RateLimit.VIEWS, "issuer user-1");
    limits.acquireForAddress(RateLimit.VIEWS, "203.0.113.7");

    limits.acquireForUser(RateLimit.VIEWS, "issuer user-2");
    limits.acquireForAddress(RateLimit.VIEWS, "198.51.100.2");
    limits.acquireForUser(RateLimit.CLAIMS, "issuer user-1");
    limits.acquireForAddress(RateLimit.CLAIMS, "203.0.113.7");

    assertThatThrownBy(() -> limits.acquireForAddress(RateLimit.VIEWS, "203.0.113.7"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("this address");
  }

  @Test
  void switched_off_nothing_is_refused() {
    LimitsProperties properties = properties(1, 1);
    properties.setEnabled(false);
    RateLimits limits = limits(properties);

    for (int i = 0; i < 10; i++) {
      limits.acquireForUser(RateLimit.VIEWS, "issuer user-1");
    }

    assertThat(limits.trackedKeys()).isZero();
  }

  @Test
  void a_flood_of_addresses_is_tracked_in_bounded_memory() {
    LimitsProperties properties = properties(5, 5);
    properties.setMaxTrackedKeys(1_000);
    RateLimits limits = limits(properties);

    for (int i = 0; i < 20_000; i++) {
      limits.acquireForAddress(RateLimit.SESSIONS, "10.0." + (i / 256) + "." + (i % 256));
    }

    assertThat(limits.trackedKeys()).isLessThanOrEqualTo(1_000);
  }

  @Test
  void a_limiter_left_alone_for_a_period_is_forgotten() {
    RateLimits limits = limits(properties(5, 5));
    limits.acquireForAddress(RateLimit.SESSIONS, "203.0.113.7");
    ticker.advance(Duration.ofMinutes(1).plusSeconds(1));

    long tracked = limits.trackedKeys();

    assertThat(tracked).isZero();
  }

  private RateLimits limits(LimitsProperties properties) {
    return new RateLimits(properties, ticker, metrics);
  }

  private static LimitsProperties properties(int perUser, int perAddress) {
    LimitsProperties properties = new LimitsProperties();
    properties.setViewsPerUser(perUser);
    properties.setViewsPerAddress(perAddress);
    properties.setClaimsPerUser(perUser);
    properties.setClaimsPerAddress(perAddress);
    properties.setSessionsPerUser(perUser);
    properties.setSessionsPerAddress(perAddress);
    return properties;
  }
}
