package org.carelens.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.gateway.launch.LaunchProperties;
import org.carelens.gateway.launch.TrustedIssuers;
import org.carelens.gateway.persistence.TestDatabases;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Readiness against a database and issuers that can be taken away. */
class ReplicaReadinessTest {

  final Clock clock = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);

  @Test
  void an_unreachable_database_makes_the_replica_not_ready() {
    HealthResult result = readiness(new UnreachableDatabase(), issuer(inlineKeys()));

    assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
    assertThat(result.getDetails().toString()).contains("database=DOWN");
  }

  @Test
  void unreachable_launch_keys_make_the_replica_not_ready() {
    try (var database = TestDatabases.h2Memory()) {
      HealthResult result = readiness(database, issuer(unreachableKeys()));

      assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
      assertThat(result.getDetails().toString()).contains("database=UP");
    }
  }

  @Test
  void a_reachable_database_and_keys_make_the_replica_ready() {
    try (var database = TestDatabases.h2Memory()) {
      HealthResult result = readiness(database, issuer(inlineKeys()));

      assertThat(result.getStatus()).isEqualTo(HealthStatus.UP);
    }
  }

  private HealthResult readiness(DataSource database, TrustedIssuers issuers) {
    return Mono.from(new ReplicaReadiness(database, issuers, new Draining(), clock).getResult())
        .block();
  }

  private TrustedIssuers issuer(LaunchProperties settings) {
    return new TrustedIssuers(List.of(), settings, clock);
  }

  private static LaunchProperties inlineKeys() {
    LaunchProperties settings = base();
    settings.setJwks(new TestLaunchTokens().jwksJson());
    return settings;
  }

  private static LaunchProperties unreachableKeys() {
    LaunchProperties settings = base();
    // Nothing listens on the discard port of localhost.
    settings.setJwksUrl("http://127.0.0.1:9/jwks.json");
    return settings;
  }

  private static LaunchProperties base() {
    LaunchProperties settings = new LaunchProperties();
    settings.setIssuer(TestLaunchTokens.ISSUER);
    settings.setAudience(TestLaunchTokens.AUDIENCE);
    return settings;
  }

  /** A database that refuses every connection, as one that is down does. */
  private static final class UnreachableDatabase implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      throw new SQLException("Connection refused", "08001");
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
