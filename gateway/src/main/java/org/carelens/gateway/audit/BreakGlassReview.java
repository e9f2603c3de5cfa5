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
 * The IG officer's break-glass review queue, read from the audit trail itself (issue 6 item 4,
 * PRODUCT.md rule 7). A break-glass is "open" until a {@code BREAK_GLASS_ACKNOWLEDGED} entry names
 * its sequence number; acknowledging appends that entry and changes nothing else, so the queue has
 * no state of its own and the review is as tamper-evident as the chain.
 *
 * <p>An acknowledgement's details are exactly {@code breakGlassSequence} and {@code note}. Details
 * are stored as canonical JSON with sorted keys ({@link CanonicalJson}), so every acknowledgement's
 * details begin {@code {"breakGlassSequence":N,} and that prefix finds it.
 */
@Singleton
public class BreakGlassReview {

  private final DataSource dataSource;
  private final AuditTrail audit;

  public BreakGlassReview(DataSource dataSource, AuditTrail audit) {
    this.dataSource = dataSource;
    this.audit = audit;
  }

  /** A break-glass entry and, once reviewed, the entry acknowledging it. */
  public record Item(AuditEntry breakGlass, Optional<AuditEntry> acknowledgement) {}

  /** What an acknowledgement came to. */
  public sealed interface Acknowledgement {}

  /** Acknowledged now, by {@code entry}. */
  public record Acknowledged(AuditEntry entry) implements Acknowledgement {}

  /** There is no break-glass entry with that sequence number. */
  public record NotABreakGlass(long sequence) implements Acknowledgement {}

  /** Acknowledged before, by {@code entry}; nothing was appended. */
  public record AlreadyAcknowledged(AuditEntry entry) implements Acknowledgement {}

  /**
   * Every break-glass entry, newest first, each with its acknowledgement if there is one.
   *
   * @throws AuditUnavailableException if the trail cannot be read
   */
  public List<Item> queue() {
    try (Connection c = dataSource.getConnection()) {
      Map<Long, AuditEntry> acknowledgements = new HashMap<>();
      for (AuditEntry ack : entries(c, AuditEventType.BREAK_GLASS_ACKNOWLEDGED)) {
        acknowledgements.putIfAbsent(acknowledged(ack), ack);
      }
      List<Item> items = new ArrayList<>();
      for (AuditEntry breakGlass : entries(c, AuditEventType.BREAK_GLASS)) {
        items.add(
            new Item(breakGlass, Optional.ofNullable(acknowledgements.get(breakGlass.sequence()))));
      }
      return items.reversed();
    } catch (SQLException e) {
      throw new AuditUnavailableException("The break-glass review queue could not be read", e);
    }
  }

  /**
   * Acknowledges the break-glass entry {@code sequence} with {@code note}, by appending a {@code
   * BREAK_GLASS_ACKNOWLEDGED} entry about the same patient. The check and the append hold the chain
   * head lock together, so two officers acknowledging at once append one entry, not two.
   *
   * @throws AuditUnavailableException if the trail cannot be read or written
   */
  public Acknowledgement acknowledge(long sequence, LaunchContext by, String note) {
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
            Optional<AuditEntry> breakGlass = entry(c, sequence, AuditEventType.BREAK_GLASS);
            if (breakGlass.isEmpty()) {
              return new NotABreakGlass(sequence);
            }
            Optional<AuditEntry> earlier = acknowledgementOf(c, sequence);
            if (earlier.isPresent()) {
              return new AlreadyAcknowledged(earlier.get());
            }
            AuditEvent.Builder event =
                AuditEvent.builder(AuditEventType.BREAK_GLASS_ACKNOWLEDGED, AuditOutcome.SUCCESS)
                    .launch(by)
                    .detail("breakGlassSequence", sequence)
                    .detail("note", note);
            breakGlass.get().patient().map(NhsNumber::new).ifPresent(event::patient);
            return new Acknowledged(audit.appendWithin(c, event.build()));
          });
    } catch (SQLException e) {
      throw new AuditUnavailableException("The acknowledgement could not be written", e);
    }
  }

  private static long acknowledged(AuditEntry ack) {
    String details = ack.details();
    int start = PREFIX.length();
    if (!details.startsWith(PREFIX) || details.indexOf(',', start) < 0) {
      return -1;
    }
    return Long.parseLong(details.substring(start, details.indexOf(',', start)));
  }

  private static final String PREFIX = "{\"breakGlassSequence\":";

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

  private static Optional<AuditEntry> acknowledgementOf(Connection c, long sequence)
      throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT "
                + AuditRows.COLUMNS
                + " FROM audit_entry WHERE event_type = ? AND details LIKE ?"
                + " ORDER BY sequence_number")) {
      q.setString(1, AuditEventType.BREAK_GLASS_ACKNOWLEDGED.name());
      q.setString(2, PREFIX + sequence + ",%");
      try (ResultSet rows = q.executeQuery()) {
        return rows.next() ? Optional.of(AuditRows.read(rows)) : Optional.empty();
      }
    }
  }
}
