package org.carelens.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carelens.gateway.consent.MutableClock;
import org.carelens.gateway.limits.LimitsProperties;
import org.carelens.gateway.limits.RateLimit;
import org.carelens.gateway.limits.RateLimits;
import org.carelens.gateway.metrics.GatewayMetrics;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.gateway.problem.ProblemException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The documented production setup on PostgreSQL: the schema migrated by its owner, the gateway
 * connected as a role with only the grants in {@code db/grants/postgresql-gateway-role.sql}. That
 * role can append and verify, but not change or remove an entry, wind the chain head back, or
 * switch the triggers off.
 */
class PostgresAuditGrantsTest {

  private String schema;
  private String role;
  private HikariDataSource owner;
  private HikariDataSource gateway;

  @BeforeAll
  static void requirePostgres() {
    assumeTrue(TestDatabases.postgresReachable(), TestDatabases.POSTGRES_SKIP_MESSAGE);
  }

  @BeforeEach
  void setUp() throws Exception {
    schema = TestDatabases.newPostgresSchema();
    owner = pool(schema, "postgres");
    role = "carelens_gateway_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    asOwner("CREATE ROLE " + role + " LOGIN");
    gateway = pool(schema, role);
  }

  /** The migrations as the owner, then the documented grants. */
  private void migrateAndGrant() throws Exception {
    Flyway.configure().dataSource(owner).load().migrate();
    asOwner(grants());
  }

  private static HikariDataSource pool(String schema, String user) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(TestDatabases.postgresUrl(schema));
    config.setUsername(user);
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  @AfterEach
  void tearDown() throws SQLException {
    gateway.close();
    owner.close();
    TestDatabases.dropSchema(schema);
    try (HikariDataSource admin = pool(null, "postgres");
        Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP OWNED BY " + role);
      s.execute("DROP ROLE " + role);
    }
  }

  @Test
  void the_gateway_migrates_as_the_owner_and_runs_as_its_role_as_operations_md_configures_it()
      throws Exception {
    List<AuditEntry> appended;
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "datasources.default.url",
                TestDatabases.postgresUrl(schema),
                "datasources.default.driver-class-name",
                "org.postgresql.Driver",
                "datasources.default.username",
                role,
                "flyway.datasources.default.enabled",
                "false",
                "flyway.datasources.owner.enabled",
                "true",
                "flyway.datasources.owner.url",
                TestDatabases.postgresUrl(schema),
                "flyway.datasources.owner.user",
                "postgres"),
            "test")) {
      asOwner(grants());
      appended = AuditChainContract.appendEntries(context.getBean(AuditTrail.class), 2);
    }

    assertThat(appended).extracting(AuditEntry::sequence).containsExactly(1L, 2L);
    assertThat(tableOwner("audit_entry")).isEqualTo("postgres");
    assertThatThrownBy(() -> asGateway("DELETE FROM audit_entry"))
        .hasMessageContaining("permission denied");
  }

  @Test
  void the_gateway_role_appends_and_verifies_with_the_documented_grants() throws Exception {
    migrateAndGrant();
    List<AuditEntry> appended =
        AuditChainContract.appendEntries(new AuditTrail(gateway, Clock.systemUTC()), 3);

    ChainVerification result = new ChainVerifier(gateway).verify();

    assertThat(appended).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L);
    assertThat(result.valid()).isTrue();
  }

  @Test
  void the_gateway_role_counts_and_forgets_rate_limits_with_the_documented_grants()
      throws Exception {
    migrateAndGrant();
    MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:15:00Z"));
    LimitsProperties properties = new LimitsProperties();
    properties.setViewsPerUser(1);
    RateLimits limits = new RateLimits(properties, clock, GatewayMetrics.inMemory(), gateway);

    limits.acquire(RateLimit.VIEWS, "203.0.113.7", Optional.of("issuer user-1"));
    assertThatThrownBy(() -> limits.acquireForUser(RateLimit.VIEWS, "issuer user-1"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("this user");
    clock.advance(Duration.ofMinutes(2));
    limits.forgetPastWindows();

    assertThat(limits.trackedKeys()).isZero();
  }

  @Test
  void the_gateway_role_may_not_change_remove_or_unprotect_an_entry() throws Exception {
    migrateAndGrant();
    AuditChainContract.appendEntries(new AuditTrail(gateway, Clock.systemUTC()), 3);

    assertThatThrownBy(() -> asGateway("UPDATE audit_entry SET user_role = 'x'"))
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> asGateway("DELETE FROM audit_entry"))
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> asGateway("TRUNCATE audit_entry"))
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> asGateway("ALTER TABLE audit_entry DISABLE TRIGGER USER"))
        .hasMessageContaining("must be owner");
    assertThatThrownBy(
            () -> asGateway("UPDATE audit_chain_head SET last_sequence_number = 1 WHERE id = 1"))
        .hasMessageContaining("audit_chain_head only advances");
    assertThat(new ChainVerifier(gateway).verify().valid()).isTrue();
  }

  @Test
  void even_the_owner_is_refused_update_and_delete_while_the_triggers_are_on() throws Exception {
    migrateAndGrant();
    AuditChainContract.appendEntries(new AuditTrail(gateway, Clock.systemUTC()), 3);

    assertThatThrownBy(() -> asOwner("UPDATE audit_entry SET user_role = 'x'"))
        .hasMessageContaining("audit_entry is append-only: UPDATE refused");
    assertThatThrownBy(() -> asOwner("DELETE FROM audit_entry WHERE sequence_number = 2"))
        .hasMessageContaining("audit_entry is append-only: DELETE refused");
    assertThatThrownBy(() -> asOwner("TRUNCATE audit_entry"))
        .hasMessageContaining("audit_entry is append-only: TRUNCATE refused");
  }

  private String grants() throws IOException {
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("db/grants/postgresql-gateway-role.sql")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // What psql does with -v schema=... -v role=...
      return text.replace(":\"schema\"", "\"" + schema + "\"")
          .replace(":\"role\"", "\"" + role + "\"");
    }
  }

  private String tableOwner(String table) throws SQLException {
    try (Connection c = owner.getConnection();
        java.sql.PreparedStatement q =
            c.prepareStatement(
                "SELECT tableowner FROM pg_tables WHERE schemaname = ? AND tablename = ?")) {
      q.setString(1, schema);
      q.setString(2, table);
      try (java.sql.ResultSet row = q.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  private void asGateway(String sql) throws SQLException {
    execute(gateway, sql);
  }

  private void asOwner(String sql) throws SQLException {
    execute(owner, sql);
  }

  private static void execute(HikariDataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
