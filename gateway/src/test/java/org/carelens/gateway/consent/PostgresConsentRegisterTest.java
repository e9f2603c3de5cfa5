package org.carelens.gateway.consent;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import org.carelens.gateway.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The consent register on PostgreSQL (production), each test in a fresh schema. Skipped, saying so,
 * only when no PostgreSQL answers at 127.0.0.1:5432; CI starts one.
 */
class PostgresConsentRegisterTest extends ConsentRegisterContract {

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

  @AfterEach
  void dropSchema() {
    TestDatabases.dropSchema(schema);
  }
}
