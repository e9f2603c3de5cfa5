package org.carelens.gateway.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Whether the gateway database can be open in this process only, so that state every replica must
 * agree on may be kept in this process instead of in the database.
 *
 * <p>True only for an embedded H2 file database (the {@code ./carelens demo} default): H2 locks its
 * file, so no other process can open it and there is exactly one gateway on it. False for
 * PostgreSQL and every other database, for an H2 server ({@code tcp:}, {@code ssl:}), for {@code
 * AUTO_SERVER=TRUE} or {@code FILE_LOCK=NO} (other processes may open the file), for an in-memory
 * H2 database (other gateways in the same JVM may share it, as the tests' replicas do), and for a
 * pool whose URL cannot be read. When in doubt the answer is false, which keeps the state in the
 * database, correct for any number of replicas.
 */
public final class DatabaseLocality {

  private DatabaseLocality() {}

  /** Whether {@code dataSource} is a pool on a database only this process can open. */
  public static boolean onlyThisProcess(DataSource dataSource) {
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        return url != null && onlyThisProcess(url);
      }
    } catch (SQLException e) {
      // Not a pool we can read: assume shared.
    }
    return false;
  }

  /** Whether a database at {@code jdbcUrl} can be open in one process only. */
  public static boolean onlyThisProcess(String jdbcUrl) {
    String url = jdbcUrl.strip().toLowerCase(Locale.ROOT);
    if (!url.startsWith("jdbc:h2:")) {
      return false;
    }
    String rest = url.substring("jdbc:h2:".length());
    if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")) {
      return false;
    }
    for (String setting : rest.split(";")) {
      String compact = setting.replace(" ", "");
      if (compact.equals("auto_server=true") || compact.equals("file_lock=no")) {
        return false;
      }
    }
    return true;
  }
}
