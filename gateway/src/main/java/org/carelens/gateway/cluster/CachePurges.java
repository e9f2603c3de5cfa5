package org.carelens.gateway.cluster;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.carelens.gateway.fanout.FanoutEngine;
import org.carelens.sdk.model.NhsNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes a patient from the source cache of every gateway replica: at once on this one, and on the
 * others through a PostgreSQL notification their {@link PurgeListener} acts on (issue 15). The
 * notification is sent in the transaction that records the reason for the purge (a dissent, its
 * revocation, a revoked permission), so PostgreSQL delivers it exactly when that commits and never
 * for a change that rolled back. A revoked permission to view or a purge request purges the same
 * way: {@link #announceWithin} in the transaction that audits it, {@link #purgeHere} after. On any
 * other database (the embedded H2 of the demo) there is one gateway process and nothing to tell.
 *
 * <p>Thread-safe.
 */
@Singleton
public class CachePurges {

  private static final Logger LOG = LoggerFactory.getLogger(CachePurges.class);

  /** Names this replica in its own notifications, so it does not purge twice. */
  private final String replicaId = UUID.randomUUID().toString();

  private final FanoutEngine fanout;
  private final ClusterProperties properties;
  private final boolean postgres;

  public CachePurges(FanoutEngine fanout, DataSource dataSource, ClusterProperties properties) {
    this.fanout = fanout;
    this.properties = properties;
    this.postgres = isPostgres(dataSource);
  }

  /**
   * Announces, inside the caller's transaction, that {@code patient} must be purged everywhere;
   * call {@link #purgeHere} after the commit.
   */
  public void announceWithin(Connection transaction, NhsNumber patient) throws SQLException {
    notify(transaction, patient.value());
  }

  /**
   * Removes {@code patient} from this replica's cache (after {@link #announceWithin} committed).
   */
  public void purgeHere(NhsNumber patient) {
    fanout.purge(patient);
  }

  /** Whether notifications are sent and listened to (PostgreSQL), rather than one process alone. */
  public boolean shared() {
    return postgres;
  }

  String replicaId() {
    return replicaId;
  }

  private void notify(Connection c, String what) throws SQLException {
    if (!postgres) {
      return;
    }
    try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      notify.setString(1, properties.getPurgeChannel());
      notify.setString(2, Purge.payload(replicaId, what));
      notify.execute();
    }
  }

  static boolean isPostgres(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      // Flyway has just migrated through this pool, so this is a database gone since; assume the
      // shared kind, whose failures are loud, rather than silently skipping notifications.
      LOG.warn("Could not tell which database the gateway runs on; assuming PostgreSQL", e);
      return true;
    }
  }

  /** One notification: which replica sent it, and which patient ({@code *} for every one). */
  record Purge(String replicaId, String what) {

    static final String EVERYONE = "*";

    static String payload(String replicaId, String what) {
      return replicaId + " " + what;
    }

    static Purge parse(String payload) {
      int space = payload.indexOf(' ');
      if (space < 0) {
        return new Purge("", EVERYONE);
      }
      return new Purge(payload.substring(0, space), payload.substring(space + 1));
    }
  }
}
