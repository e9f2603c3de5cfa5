package org.carelens.gateway.audit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.carelens.gateway.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same migrations and the same chain guarantees on PostgreSQL (production), each test in a
 * fresh schema. Skipped, saying so, only when no PostgreSQL answers at 127.0.0.1:5432; CI starts
 * one.
 */
class PostgresAuditChainTest extends AuditChainContract {

  private String schema;

  @BeforeAll
  static void requirePostgres() {
    assumeTrue(TestDatabases.postgresReachable(), TestDatabases.POSTGRES_SKIP_MESSAGE);
  }

  @Override
  HikariDataSource openDatabase() {
    schema = TestDatabases.newPostgresSchema();
    return TestDatabases.postgres(schema);
  }

  @Override
  HikariDataSource openSecondPool() {
    return TestDatabases.postgres(schema);
  }

  /** The tables' owner may switch their triggers off; the gateway's role must not own them. */
  @Override
  List<String> disableTriggers() {
    return List.of(
        "ALTER TABLE audit_entry DISABLE TRIGGER USER",
        "ALTER TABLE audit_chain_head DISABLE TRIGGER USER");
  }

  @AfterEach
  void dropSchema() {
    TestDatabases.dropSchema(schema);
  }
}
