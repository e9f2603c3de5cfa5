package org.carelens.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.carelens.gateway.consent.MutableClock;
import org.carelens.gateway.metrics.GatewayMetrics;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.gateway.problem.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-user and per-address allowances in fixed windows, counted in the database (H2 here; {@link
 * RateLimitsAcrossReplicasTest} runs both databases with two replicas), against a hand-moved clock.
 * Windows are aligned to the epoch: the clock starts exactly at a minute.
 */
class RateLimitsTest {

  static final Instant WINDOW_START = Instant.parse("2026-12-03T10:15:00Z");

  final MutableClock clock = new MutableClock(WINDOW_START);
  final GatewayMetrics metrics = GatewayMetrics.inMemory();
  final HikariDataSource database = database();

  /**
   * The database the counters are in; {@link RateLimitsInMemoryTest} runs every test on counters in
   * memory.
   */
  HikariDataSource database() {
    return TestDatabases.h2Memory();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void a_user_over_the_limit_is_refused_429_rate_limited_with_the_wait_until_the_next_window() {
    RateLimits limits = limits(properties(3, 100));
    for (int i = 0; i < 3; i++) {
      limits.acquireForUser(RateLimit.VIEWS, "issuer user-1");
    }
    clock.advance(Duration.ofSeconds(20));

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
  void the_allowance_is_whole_again_in_the_next_window() {
    RateLimits limits = limits(properties(2, 100));
    limits.acquireForUser(RateLimit.VIEWS, "issuer user-1");
    clock.advance(Duration.ofSeconds(59));
    limits.acquireForUser(RateLimit.VIEWS, "issuer user-1");
    clock.advance(Duration.ofSeconds(1));

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
  void one_request_draws_on_its_address_and_its_user_and_the_address_is_reported_first() {
    RateLimits limits = limits(properties(1, 1));
    limits.acquire(RateLimit.VIEWS, "203.0.113.7", Optional.of("issuer user-1"));

    assertThatThrownBy(() -> limits.acquireForUser(RateLimit.VIEWS, "issuer user-1"))
        .hasMessageContaining("this user");
    assertThatThrownBy(
            () -> limits.acquire(RateLimit.VIEWS, "203.0.113.7", Optional.of("issuer user-1")))
        .hasMessageContaining("this address");
    assertThat(limits.trackedKeys()).isEqualTo(2);
  }

  @Test
  void switched_off_nothing_is_refused_or_counted() {
    LimitsProperties properties = properties(1, 1);
    properties.setEnabled(false);
    RateLimits limits = limits(properties);

    for (int i = 0; i < 10; i++) {
      limits.acquire(RateLimit.VIEWS, "203.0.113.7", Optional.of("issuer user-1"));
    }

    assertThat(limits.trackedKeys()).isZero();
  }

  @Test
  void counters_of_past_windows_are_forgotten() {
    RateLimits limits = limits(properties(5, 5));
    limits.acquireForAddress(RateLimit.SESSIONS, "203.0.113.7");
    clock.advance(Duration.ofMinutes(1));
    limits.acquireForAddress(RateLimit.SESSIONS, "203.0.113.7");
    limits.forgetPastWindows();
    assertThat(limits.trackedKeys()).as("the window before the current one is kept").isEqualTo(2);
    clock.advance(Duration.ofMinutes(1));

    limits.forgetPastWindows();

    assertThat(limits.trackedKeys()).isEqualTo(1);
  }

  @Test
  void a_key_too_long_for_the_column_is_counted_under_its_hash() {
    RateLimits limits = limits(properties(1, 1));
    String longUser = "https://issuer.example " + "u".repeat(500);

    limits.acquireForUser(RateLimit.VIEWS, longUser);

    assertThatThrownBy(() -> limits.acquireForUser(RateLimit.VIEWS, longUser))
        .hasMessageContaining("this user");
    limits.acquireForUser(RateLimit.VIEWS, longUser + "x");
  }

  @Test
  void a_database_that_cannot_count_fails_closed_with_503() throws SQLException {
    RateLimits limits = limits(properties(5, 5));
    dropCounterTable();

    ProblemException refused =
        catchThrowableOfType(
            ProblemException.class, () -> limits.acquireForAddress(RateLimit.VIEWS, "203.0.113.7"));

    assertThat(refused.status().getCode()).isEqualTo(503);
    assertThat(refused.code()).isEqualTo("RATE_LIMIT_UNAVAILABLE");
  }

  /** Takes away the database's counter table, as a broken or unreachable database would. */
  void dropCounterTable() throws SQLException {
    try (var c = database.getConnection();
        var s = c.createStatement()) {
      s.execute("DROP TABLE rate_limit_window");
    }
  }

  RateLimits limits(LimitsProperties properties) {
    return new RateLimits(properties, clock, metrics, database);
  }

  static LimitsProperties properties(int perUser, int perAddress) {
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
