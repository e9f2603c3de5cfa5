package org.carelens.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.carelens.gateway.consent.MutableClock;
import org.carelens.gateway.metrics.GatewayMetrics;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.gateway.problem.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a rate limit is one allowance however many gateway replicas share the database. Two
 * {@link RateLimits}, each with its own connection pool as two replicas would have, take permits
 * for one user from many threads at once: exactly the limit is granted, on H2 and on PostgreSQL.
 */
class RateLimitsSharedCounterTest {

  static final int LIMIT = 40;
  static final int THREADS = 8;
  static final int ATTEMPTS_PER_THREAD = 10;

  @Test
  void two_replicas_on_h2_grant_exactly_the_limit_between_them() throws Exception {
    String url = TestDatabases.h2MemoryUrl();
    try (HikariDataSource first = TestDatabases.h2(url);
        HikariDataSource second = TestDatabases.h2(url)) {
      assertThat(granted(first, second)).isEqualTo(LIMIT);
    }
  }

  @Test
  void two_replicas_on_postgresql_grant_exactly_the_limit_between_them() throws Exception {
    assumeTrue(TestDatabases.postgresReachable(), TestDatabases.POSTGRES_SKIP_MESSAGE);
    String schema = TestDatabases.newPostgresSchema();
    try (HikariDataSource first = TestDatabases.postgres(schema);
        HikariDataSource second = TestDatabases.postgres(schema)) {
      assertThat(granted(first, second)).isEqualTo(LIMIT);
    } finally {
      TestDatabases.dropSchema(schema);
    }
  }

  /** How many of {@code THREADS × ATTEMPTS_PER_THREAD} concurrent requests were let through. */
  private static int granted(HikariDataSource first, HikariDataSource second) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:15:00Z"));
    LimitsProperties properties = RateLimitsTest.properties(LIMIT, 100_000);
    List<RateLimits> replicas =
        List.of(
            new RateLimits(properties, clock, GatewayMetrics.inMemory(), first),
            new RateLimits(properties, clock, GatewayMetrics.inMemory(), second));
    AtomicInteger granted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        RateLimits replica = replicas.get(t % 2);
        done.add(
            threads.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                    try {
                      replica.acquireForUser(RateLimit.VIEWS, "issuer user-1");
                      granted.incrementAndGet();
                    } catch (ProblemException e) {
                      assertThat(e.code()).isEqualTo(RateLimits.RATE_LIMITED);
                      refused.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(granted.get() + refused.get()).isEqualTo(THREADS * ATTEMPTS_PER_THREAD);
    return granted.get();
  }
}
