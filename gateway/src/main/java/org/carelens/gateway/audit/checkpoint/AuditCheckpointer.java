package org.carelens.gateway.audit.checkpoint;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the audit chain head and appends it to the {@link CheckpointSink}: every {@code
 * carelens.audit.checkpoint.interval} (if the head has moved since the last checkpoint) and once
 * more on shutdown. Entries appended since the last checkpoint are protected by the chain alone
 * until the next one, so the interval is the window in which a rewrite of the newest entries would
 * go unnoticed.
 *
 * <p>The head is read without locking it: it is committed in the same transaction as the entry it
 * names, so it always names a committed entry. Thread-safe; one checkpoint at a time.
 */
// @Context: created at start-up, so the key is loaded (or, in the demo, created) then, a missing
// key stops start-up, and the shutdown checkpoint runs even if no interval has passed yet.
@Context
@Requires(property = "carelens.audit.checkpoint.enabled", notEquals = "false")
public class AuditCheckpointer {

  private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpointer.class);

  private final DataSource dataSource;
  private final Clock clock;
  private final CheckpointKey key;
  private final CheckpointSink sink;

  /** The sequence of the newest checkpoint in the sink, once read; -1 until then. */
  private long lastSigned = -1;

  public AuditCheckpointer(
      DataSource dataSource, Clock clock, CheckpointKey key, CheckpointSink sink) {
    if (!key.canSign()) {
      throw new IllegalArgumentException(
          "The audit checkpoint key "
              + key.keyId()
              + " is public only; signing checkpoints needs the private key (or set"
              + " carelens.audit.checkpoint.enabled=false)");
    }
    this.dataSource = dataSource;
    this.clock = clock;
    this.key = key;
    this.sink = sink;
  }

  /**
   * Signs the current chain head and appends it to the sink, unless the trail is empty or the head
   * is where the newest checkpoint already put it.
   *
   * @return the checkpoint written, or empty if there was nothing new
   * @throws IOException if the sink cannot be read or written
   * @throws SQLException if the chain head cannot be read
   */
  public synchronized Optional<Checkpoint> checkpoint() throws IOException, SQLException {
    if (lastSigned < 0) {
      lastSigned = newestInSink();
    }
    Head head = readHead();
    if (head.sequence() == 0 || head.sequence() == lastSigned) {
      return Optional.empty();
    }
    Checkpoint checkpoint =
        new Checkpoint(
            head.sequence(), head.hash(), CheckpointSignatures.toJwtPrecision(clock.instant()));
    sink.append(checkpoint, CheckpointSignatures.sign(checkpoint, key));
    lastSigned = checkpoint.sequence();
    return Optional.of(checkpoint);
  }

  @Scheduled(
      fixedDelay = "${carelens.audit.checkpoint.interval:1m}",
      initialDelay = "${carelens.audit.checkpoint.interval:1m}")
  void onSchedule() {
    checkpointLogged("scheduled");
  }

  /** On shutdown, before the database pool closes (it was created first, so it closes later). */
  @PreDestroy
  void onShutdown() {
    checkpointLogged("shutdown");
  }

  private void checkpointLogged(String when) {
    try {
      checkpoint()
          .ifPresent(
              c ->
                  LOG.info(
                      "Audit checkpoint ({}) signed at sequence {} with key {} to {}",
                      when,
                      c.sequence(),
                      key.keyId(),
                      sink));
    } catch (IOException | SQLException | RuntimeException e) {
      // The chain itself is unaffected; the next attempt signs the head as it is then.
      LOG.error("Audit checkpoint ({}) could not be written to {}", when, sink, e);
    }
  }

  private long newestInSink() throws IOException {
    List<String> records = sink.readAll().jws();
    for (int i = records.size() - 1; i >= 0; i--) {
      if (CheckpointSignatures.check(records.get(i), key)
          instanceof CheckpointSignatures.Checked.Valid valid) {
        return valid.checkpoint().sequence();
      }
    }
    return 0;
  }

  private Head readHead() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement head =
            c.prepareStatement(
                "SELECT last_sequence_number, last_hash FROM audit_chain_head WHERE id = 1");
        ResultSet row = head.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("audit_chain_head has no row; the V1__audit migration has not run");
      }
      return new Head(row.getLong(1), row.getString(2));
    }
  }

  private record Head(long sequence, String hash) {}
}
