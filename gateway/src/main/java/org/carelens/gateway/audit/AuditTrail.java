package org.carelens.gateway.audit;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.carelens.gateway.persistence.Transactions;
import org.carelens.sdk.model.NhsNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends entries to the hash-chained audit trail.
 *
 * <p>Each append is one transaction: lock the chain head row ({@code SELECT ... FOR UPDATE}), take
 * the next sequence number and the previous hash from it, insert the entry, move the head, commit.
 * The row lock serialises appends across every gateway instance on the database, so sequence
 * numbers have no gaps and every entry chains to the one committed just before it. Times come from
 * each instance's clock and may step back slightly between instances; the sequence number, not the
 * time, orders the trail.
 *
 * <p>Thread-safe. There is deliberately no method that changes or removes an entry.
 */
@Singleton
public class AuditTrail {

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  /** The details column holds at most this many characters. */
  static final int MAX_DETAILS = 65_536;

  private final DataSource dataSource;
  private final Clock clock;

  public AuditTrail(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * Appends {@code event} and returns once it is committed (audit before display).
   *
   * @throws AuditUnavailableException if the entry could not be committed; the caller must then
   *     show nothing
   */
  public AuditEntry append(AuditEvent event) {
    String details = details(event);
    String correlationId = event.correlationId().orElseGet(CorrelationIds::current);
    try {
      return Transactions.inTransaction(
          dataSource,
          Connection.TRANSACTION_READ_COMMITTED,
          c -> appendIn(c, event, correlationId, details));
    } catch (SQLException | RuntimeException e) {
      throw unavailable(event, e);
    }
  }

  /**
   * The exception to fail a request closed with when {@code event}'s entry could not be written, in
   * {@link #append} or in a caller's transaction around {@link #appendWithin}; logged here.
   */
  public AuditUnavailableException unavailable(AuditEvent event, Exception cause) {
    if (cause instanceof AuditUnavailableException already) {
      return already;
    }
    LOG.error(
        "Audit entry {} ({}) could not be written; failing the request closed",
        event.type(),
        event.correlationId().orElseGet(CorrelationIds::current),
        cause);
    return new AuditUnavailableException("The audit trail could not be written", cause);
  }

  /**
   * Appends {@code event} inside the caller's transaction, so that a write the event records (a
   * break-glass declaration, a dissent, a claimed relationship) and its audit entry commit together
   * or not at all. The chain head is locked until the caller commits or rolls back, so keep the
   * transaction short. The entry is durable only once the caller's commit returns.
   *
   * @param connection a connection to the gateway database with auto-commit off, at read committed
   * @throws SQLException if the entry could not be written; the caller must roll back
   */
  public AuditEntry appendWithin(Connection connection, AuditEvent event) throws SQLException {
    if (connection.getAutoCommit()) {
      throw new IllegalArgumentException(
          "appendWithin needs the caller's transaction; the connection is in auto-commit mode");
    }
    return appendIn(
        connection,
        event,
        event.correlationId().orElseGet(CorrelationIds::current),
        details(event));
  }

  private static String details(AuditEvent event) {
    String details = CanonicalJson.write(event.details());
    if (details.length() > MAX_DETAILS) {
      throw new AuditUnavailableException(
          "Audit details for " + event.type() + " exceed " + MAX_DETAILS + " characters",
          new IllegalArgumentException("details too long: " + details.length()));
    }
    return details;
  }

  /**
   * Appends a refusal. The request is refused whether or not this succeeds, so a failure to write
   * is logged rather than thrown: the caller still answers 401/403, never with data.
   */
  public void appendRefusal(AuditEvent event) {
    try {
      append(event);
    } catch (AuditUnavailableException e) {
      // Already logged with the cause in append.
    }
  }

  private AuditEntry appendIn(Connection c, AuditEvent event, String correlationId, String details)
      throws SQLException {
    long lastSequence;
    String lastHash;
    try (PreparedStatement head =
            c.prepareStatement(
                "SELECT last_sequence_number, last_hash FROM audit_chain_head WHERE id = 1"
                    + " FOR UPDATE");
        ResultSet row = head.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("audit_chain_head has no row; the V1__audit migration has not run");
      }
      lastSequence = row.getLong(1);
      lastHash = row.getString(2);
    }
    // Microsecond precision survives both H2 and PostgreSQL timestamps, so the stored time reads
    // back exactly as it was hashed.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditEntry unsealed =
        new AuditEntry(
            lastSequence + 1,
            now,
            event.type().name(),
            event.outcome().name(),
            event.reasonCode(),
            event.actor().map(Actor::userId),
            event.actor().map(Actor::userName),
            event.actor().map(Actor::role),
            event.actor().map(Actor::organisationOds),
            event.patient().map(NhsNumber::value),
            event.device(),
            correlationId,
            details,
            lastHash,
            "");
    AuditEntry entry = withHash(unsealed, AuditHash.of(unsealed));
    try (PreparedStatement insert = c.prepareStatement(AuditRows.INSERT)) {
      AuditRows.bind(insert, entry);
      insert.executeUpdate();
    }
    if (entry.patient().isPresent() && event.registeredPractice().isPresent()) {
      registerPractice(c, entry.patient().get(), event.registeredPractice().get(), entry);
    }
    // The head is bookkeeping for the chain, not an audit entry: moving it is the only update.
    try (PreparedStatement move =
        c.prepareStatement(
            "UPDATE audit_chain_head SET last_sequence_number = ?, last_hash = ? WHERE id = 1")) {
      move.setLong(1, entry.sequence());
      move.setString(2, entry.hash());
      move.executeUpdate();
    }
    return entry;
  }

  /**
   * Records that {@code patient} is registered with {@code practice}, once per pair, for IG
   * officers' scope. Appends hold the chain head's lock, so no two race to insert the same pair.
   */
  private static void registerPractice(
      Connection c, String patient, String practice, AuditEntry entry) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO audit_patient_practice"
                + " (patient_nhs_number, practice_ods, first_sequence_number)"
                + " SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM audit_patient_practice"
                + " WHERE patient_nhs_number = ? AND practice_ods = ?)")) {
      insert.setString(1, patient);
      insert.setString(2, practice);
      insert.setLong(3, entry.sequence());
      insert.setString(4, patient);
      insert.setString(5, practice);
      insert.executeUpdate();
    }
  }

  private static AuditEntry withHash(AuditEntry e, String hash) {
    return new AuditEntry(
        e.sequence(),
        e.time(),
        e.event(),
        e.outcome(),
        e.reasonCode(),
        e.userId(),
        e.userName(),
        e.role(),
        e.organisation(),
        e.patient(),
        e.device(),
        e.correlationId(),
        e.details(),
        e.previousHash(),
        hash);
  }
}
