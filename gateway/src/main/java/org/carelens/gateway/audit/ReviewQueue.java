package org.carelens.gateway.audit;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.persistence.Transactions;
import org.carelens.sdk.model.NhsNumber;

/**
 * The IG officer's review queues, read from the audit trail itself (issue 6 item 4, issue 10,
 * PRODUCT.md rules 1 and 7): break-glass declarations and self-claimed relationships. An entry on a
 * queue is "open" until an acknowledgement entry of its {@link Kind} names its sequence number;
 * acknowledging appends that entry and changes nothing else, so a queue has no state of its own and
 * the review is as tamper-evident as the chain.
 *
 * <p>An acknowledgement's details are exactly the kind's sequence key ({@code breakGlassSequence}
 * or {@code claimSequence}) and {@code note}. Details are stored as canonical JSON with sorted keys
 * ({@link CanonicalJson}), and both keys sort before {@code note}, so every acknowledgement's
 * details begin {@code {"<key>":N,} and that prefix finds it.
 */
@Singleton
public class ReviewQueue {

  /** What a queue holds, what acknowledges an entry on it, and the key that names the entry. */
  public enum Kind {
    /** {@code BREAK_GLASS} entries, acknowledged by {@code BREAK_GLASS_ACKNOWLEDGED}. */
    BREAK_GLASS(
        AuditEventType.BREAK_GLASS, AuditEventType.BREAK_GLASS_ACKNOWLEDGED, "breakGlassSequence"),
    /**
     * {@code RELATIONSHIP_CLAIMED} entries, acknowledged by {@code
     * RELATIONSHIP_CLAIM_ACKNOWLEDGED}.
     */
    RELATIONSHIP_CLAIM(
        AuditEventType.RELATIONSHIP_CLAIMED,
        AuditEventType.RELATIONSHIP_CLAIM_ACKNOWLEDGED,
        "claimSequence");

    private final AuditEventType reviewed;
    private final AuditEventType acknowledgement;
    private final String sequenceKey;

    Kind(AuditEventType reviewed, AuditEventType acknowledgement, String sequenceKey) {
      this.reviewed = reviewed;
      this.acknowledgement = acknowledgement;
      this.sequenceKey = sequenceKey;
    }

    public AuditEventType reviewed() {
      return reviewed;
    }

    public AuditEventType acknowledgement() {
      return acknowledgement;
    }

    /** The acknowledgement's detail naming the reviewed entry's sequence number. */
    public String sequenceKey() {
      return sequenceKey;
    }

    private String prefix() {
      return "{\"" + sequenceKey + "\":";
    }
  }

  private final DataSource dataSource;
  private final AuditTrail audit;

  public ReviewQueue(DataSource dataSource, AuditTrail audit) {
    this.dataSource = dataSource;
    this.audit = audit;
  }

  /** An entry on a queue and, once reviewed, the entry acknowledging it. */
  public record Item(AuditEntry entry, Optional<AuditEntry> acknowledgement) {}

  /** What an acknowledgement came to. */
  public sealed interface Acknowledgement {}

  /** Acknowledged now, by {@code entry}. */
  public record Acknowledged(AuditEntry entry) implements Acknowledgement {}

  /** There is no entry of the queue's kind with that sequence number. */
  public record NotOnQueue(long sequence) implements Acknowledgement {}

  /** Acknowledged before, by {@code entry}; nothing was appended. */
  public record AlreadyAcknowledged(AuditEntry entry) implements Acknowledgement {}

  /**
   * Every entry of {@code kind}, newest first, each with its acknowledgement if there is one.
   *
   * @throws AuditUnavailableException if the trail cannot be read
   */
  public List<Item> queue(Kind kind) {
    try (Connection c = dataSource.getConnection()) {
      Map<Long, AuditEntry> acknowledgements = new HashMap<>();
      for (AuditEntry ack : entries(c, kind.acknowledgement())) {
        acknowledgements.putIfAbsent(acknowledged(kind, ack), ack);
      }
      List<Item> items = new ArrayList<>();
      for (AuditEntry entry : entries(c, kind.reviewed())) {
        items.add(new Item(entry, Optional.ofNullable(acknowledgements.get(entry.sequence()))));
      }
      return items.reversed();
    } catch (SQLException e) {
      throw new AuditUnavailableException("The " + kind + " review queue could not be read", e);
    }
  }

  /**
   * Acknowledges the entry {@code sequence} on {@code kind}'s queue with {@code note}, by appending
   * an acknowledgement entry about the same patient. The check and the append hold the chain head
   * lock together, so two officers acknowledging at once append one entry, not two.
   *
   * @throws AuditUnavailableException if the trail cannot be read or written
   */
  public Acknowledgement acknowledge(Kind kind, long sequence, LaunchContext by, String note) {
    try {
      return Transactions.inTransaction(
          dataSource,
          Connection.TRANSACTION_READ_COMMITTED,
          c -> {
            try (PreparedStatement lock =
                    c.prepareStatement(
                        "SELECT last_sequence_number FROM audit_chain_head WHERE id = 1"
                            + " FOR UPDATE");
                ResultSet ignored = lock.executeQuery()) {
              // Serialises this check-then-append with every other append.
            }
            Optional<AuditEntry> reviewed = entry(c, sequence, kind.reviewed());
            if (reviewed.isEmpty()) {
              return new NotOnQueue(sequence);
            }
            Optional<AuditEntry> earlier = acknowledgementOf(c, kind, sequence);
            if (earlier.isPresent()) {
              return new AlreadyAcknowledged(earlier.get());
            }
            AuditEvent.Builder event =
                AuditEvent.builder(kind.acknowledgement(), AuditOutcome.SUCCESS)
                    .launch(by)
                    .detail(kind.sequenceKey(), sequence)
                    .detail("note", note);
            reviewed.get().patient().map(NhsNumber::new).ifPresent(event::patient);
            return new Acknowledged(audit.appendWithin(c, event.build()));
          });
    } catch (SQLException e) {
      throw new AuditUnavailableException("The acknowledgement could not be written", e);
    }
  }

  private static long acknowledged(Kind kind, AuditEntry ack) {
    String details = ack.details();
    String prefix = kind.prefix();
    int start = prefix.length();
    if (!details.startsWith(prefix) || details.indexOf(',', start) < 0) {
      return -1;
    }
    return Long.parseLong(details.substring(start, details.indexOf(',', start)));
  }

  private static List<AuditEntry> entries(Connection c, AuditEventType type) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT "
                + AuditRows.COLUMNS
                + " FROM audit_entry WHERE event_type = ? ORDER BY sequence_number")) {
      q.setString(1, type.name());
      List<AuditEntry> entries = new ArrayList<>();
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          entries.add(AuditRows.read(rows));
        }
      }
      return entries;
    }
  }

  private static Optional<AuditEntry> entry(Connection c, long sequence, AuditEventType type)
      throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT "
                + AuditRows.COLUMNS
                + " FROM audit_entry WHERE sequence_number = ? AND event_type = ?")) {
      q.setLong(1, sequence);
      q.setString(2, type.name());
      try (ResultSet rows = q.executeQuery()) {
        return rows.next() ? Optional.of(AuditRows.read(rows)) : Optional.empty();
      }
    }
  }

  private static Optional<AuditEntry> acknowledgementOf(Connection c, Kind kind, long sequence)
      throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT "
                + AuditRows.COLUMNS
                + " FROM audit_entry WHERE event_type = ? AND details LIKE ?"
                + " ORDER BY sequence_number")) {
      q.setString(1, kind.acknowledgement().name());
      q.setString(2, kind.prefix() + sequence + ",%");
      try (ResultSet rows = q.executeQuery()) {
        return rows.next() ? Optional.of(AuditRows.read(rows)) : Optional.empty();
      }
    }
  }
}
