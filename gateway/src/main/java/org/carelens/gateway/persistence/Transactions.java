package org.carelens.gateway.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work in one JDBC transaction: committed when the work returns, rolled back when it throws. A
 * return from {@link #inTransaction} therefore means the commit succeeded, which is what "durably
 * written" rests on.
 */
public final class Transactions {

  /** Work done with a connection whose auto-commit is off. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Transactions() {}

  /**
   * Runs {@code work} in a transaction at {@code isolation} ({@link Connection} constants).
   *
   * @throws SQLException from the work, the commit, or from getting a connection; the transaction
   *     was rolled back (or never started)
   */
  public static <T> T inTransaction(DataSource dataSource, int isolation, Work<T> work)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(isolation);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      }
    }
  }

  /** True for a unique or primary-key violation (SQLSTATE 23505 in both H2 and PostgreSQL). */
  public static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException rollback) {
      cause.addSuppressed(rollback);
    }
  }
}
