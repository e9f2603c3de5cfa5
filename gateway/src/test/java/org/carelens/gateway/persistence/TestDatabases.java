package org.carelens.gateway.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Databases for tests, migrated with the production migrations: a private in-memory H2 in
 * PostgreSQL mode, or a private schema in the PostgreSQL at 127.0.0.1:5432 (trust auth, database
 * {@code test}) that CI starts.
 */
public final class TestDatabases {

  public static final String POSTGRES_HOST = "127.0.0.1";
  public static final int POSTGRES_PORT = 5432;

  private TestDatabases() {}

  /** A JDBC URL for a fresh, named in-memory H2 database that lives as long as the JVM. */
  public static String h2MemoryUrl() {
    return "jdbc:h2:mem:carelens-"
        + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
        + ";DB_CLOSE_DELAY=-1";
  }

  /** A JDBC URL for an embedded H2 file database in {@code directory}, as the demo runs. */
  public static String h2FileUrl(java.nio.file.Path directory) {
    return "jdbc:h2:file:"
        + directory.resolve("carelens").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
        + ";LOCK_TIMEOUT=10000";
  }

  /** A pool on {@code url}, migrated. Several pools on one URL act as several gateway instances. */
  public static HikariDataSource h2(String url) {
    return migrated(pool(url, "sa", null));
  }

  public static HikariDataSource h2Memory() {
    return h2(h2MemoryUrl());
  }

  public static boolean postgresReachable() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(POSTGRES_HOST, POSTGRES_PORT), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static final String POSTGRES_SKIP_MESSAGE =
      "PostgreSQL is not reachable at "
          + POSTGRES_HOST
          + ":"
          + POSTGRES_PORT
          + "; start it (CI's .ci/run does) to run the PostgreSQL tests";

  /** A fresh schema in the test PostgreSQL; the caller drops it with {@link #dropSchema}. */
  public static String newPostgresSchema() {
    String schema = "carelens_test_" + UUID.randomUUID().toString().replace("-", "");
    try (HikariDataSource admin = pool(postgresUrl(null), "postgres", null);
        Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create schema " + schema, e);
    }
    return schema;
  }

  public static String postgresUrl(String schema) {
    return "jdbc:postgresql://"
        + POSTGRES_HOST
        + ":"
        + POSTGRES_PORT
        + "/test"
        + (schema == null ? "" : "?currentSchema=" + schema);
  }

  public static HikariDataSource postgres(String schema) {
    return migrated(pool(postgresUrl(schema), "postgres", null));
  }

  public static void dropSchema(String schema) {
    try (HikariDataSource admin = pool(postgresUrl(null), "postgres", null);
        Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop schema " + schema, e);
    }
  }

  private static HikariDataSource pool(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(8);
    return new HikariDataSource(config);
  }

  private static HikariDataSource migrated(HikariDataSource dataSource) {
    Flyway.configure().dataSource(dataSource).load().migrate();
    return dataSource;
  }
}
