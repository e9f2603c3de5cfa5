package org.carelens.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Optional;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.gateway.problem.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * Every {@link RateLimitsTest} again, on the embedded H2 file database of {@code ./carelens demo},
 * which no other gateway can open: the same windows, counted in this process's memory.
 */
class RateLimitsInMemoryTest extends RateLimitsTest {

  @Override
  HikariDataSource database() {
    try {
      return TestDatabases.h2(
          TestDatabases.h2FileUrl(Files.createTempDirectory("carelens-rate-limits")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void nothing_is_written_to_the_database() throws SQLException {
    limits(properties(5, 5)).acquire(RateLimit.VIEWS, "203.0.113.7", Optional.of("issuer user-1"));

    assertThat(rowsInTable()).isZero();
  }

  /** The database's table is not what counts here, so losing it changes nothing. */
  @Override
  @Test
  void a_database_that_cannot_count_fails_closed_with_503() throws SQLException {
    RateLimits limits = limits(properties(2, 5));
    dropCounterTable();

    limits.acquireForUser(RateLimit.VIEWS, "issuer user-1");
    limits.acquireForUser(RateLimit.VIEWS, "issuer user-1");
    ProblemException refused =
        catchThrowableOfType(
            ProblemException.class, () -> limits.acquireForUser(RateLimit.VIEWS, "issuer user-1"));

    assertThat(refused.status().getCode()).isEqualTo(429);
  }

  private long rowsInTable() throws SQLException {
    try (var c = database.getConnection();
        var s = c.createStatement();
        var rows = s.executeQuery("SELECT COUNT(*) FROM rate_limit_window")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
