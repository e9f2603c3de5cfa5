package org.carelens.gateway.cluster;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.carelens.gateway.fanout.FanoutEngine;
import org.carelens.sdk.model.NhsNumber;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens, on PostgreSQL, for the purges other replicas announce ({@link CachePurges}) and removes
 * those patients from this replica's source cache as each notification arrives.
 *
 * <p>A notification sent while the listener is not connected is lost, so a replica that loses its
 * connection clears its whole cache once it has listened again: it cannot know what it missed, and
 * an empty cache costs only a few source calls. The listener holds one connection of the pool for
 * its lifetime, on a daemon thread of its own.
 */
@Context
public class PurgeListener {

  private static final Logger LOG = LoggerFactory.getLogger(PurgeListener.class);

  private final CachePurges purges;
  private final FanoutEngine fanout;
  private final DataSource dataSource;
  private final ClusterProperties properties;
  private final AtomicLong connections = new AtomicLong();
  private volatile boolean listening;
  private volatile int backendPid;
  private volatile boolean stopped;
  private volatile Thread thread;

  public PurgeListener(
      CachePurges purges,
      FanoutEngine fanout,
      DataSource dataSource,
      ClusterProperties properties) {
    this.purges = purges;
    this.fanout = fanout;
    this.dataSource = dataSource;
    this.properties = properties;
  }

  @PostConstruct
  void start() {
    if (!purges.shared()) {
      return;
    }
    thread = Thread.ofPlatform().daemon().name("carelens-purge-listener").start(this::run);
  }

  @PreDestroy
  void stop() throws InterruptedException {
    stopped = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      t.join(2000);
    }
  }

  /** Whether the listener is connected and listening (always false off PostgreSQL). */
  public boolean listening() {
    return listening;
  }

  /** How many times the listener has connected (and, after the first, cleared the cache). */
  public long connections() {
    return connections.get();
  }

  /** The PostgreSQL backend process of the listening connection, for operators and tests. */
  int backendPid() {
    return backendPid;
  }

  private void run() {
    while (!stopped) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        try (Statement listen = c.createStatement()) {
          listen.execute("LISTEN " + properties.getPurgeChannel());
          try (var pid = listen.executeQuery("SELECT pg_backend_pid()")) {
            backendPid = pid.next() ? pid.getInt(1) : 0;
          }
        }
        if (connections.incrementAndGet() > 1) {
          // Listening again: whatever was announced while disconnected is lost.
          fanout.purgeAll();
          LOG.warn("Purge listener reconnected; cleared the whole source cache");
        }
        listening = true;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!stopped) {
          PGNotification[] received = pg.getNotifications(500);
          if (received == null) {
            continue;
          }
          for (PGNotification n : received) {
            apply(CachePurges.Purge.parse(n.getParameter()));
          }
        }
      } catch (SQLException e) {
        if (!stopped) {
          LOG.warn("Purge listener lost its connection; will reconnect and clear the cache", e);
        }
      } finally {
        listening = false;
      }
      pause();
    }
  }

  private void apply(CachePurges.Purge purge) {
    if (purge.replicaId().equals(purges.replicaId())) {
      return;
    }
    if (CachePurges.Purge.EVERYONE.equals(purge.what())) {
      fanout.purgeAll();
      return;
    }
    try {
      fanout.purge(new NhsNumber(purge.what()));
    } catch (IllegalArgumentException e) {
      LOG.warn("Unreadable purge notification; clearing the whole source cache");
      fanout.purgeAll();
    }
  }

  private void pause() {
    try {
      Thread.sleep(properties.getReconnectDelay());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }
}
