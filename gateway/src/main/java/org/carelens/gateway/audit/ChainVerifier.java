package org.carelens.gateway.audit;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.carelens.gateway.persistence.Transactions;

/**
 * Recomputes the hash chain from the first entry and reports the first broken link.
 *
 * <p>An entry is broken when its sequence number is not the next one (a deletion or insertion), its
 * previous hash is not its predecessor's hash (a reordering or insertion), or its own hash does not
 * match its fields (an edit). Finally the chain head must name the last entry, so deleting the
 * newest entries or appending rows behind the gateway's back is caught too. The head and the
 * entries are read in one repeatable-read transaction, so appends running meanwhile cause no false
 * alarm.
 */
@Singleton
public class ChainVerifier {

  private final DataSource dataSource;

  public ChainVerifier(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Verifies the whole trail.
   *
   * @throws AuditUnavailableException if the database cannot be read
   */
  public ChainVerification verify() {
    try {
      return Transactions.inTransaction(
          dataSource, Connection.TRANSACTION_REPEATABLE_READ, ChainVerifier::verifyIn);
    } catch (SQLException e) {
      throw new AuditUnavailableException("The audit trail could not be read", e);
    }
  }

  private static ChainVerification verifyIn(Connection c) throws SQLException {
    long headSequence;
    String headHash;
    try (PreparedStatement head =
            c.prepareStatement(
                "SELECT last_sequence_number, last_hash FROM audit_chain_head WHERE id = 1");
        ResultSet row = head.executeQuery()) {
      if (!row.next()) {
        return ChainVerification.brokenAt(0, 1);
      }
      headSequence = row.getLong(1);
      headHash = row.getString(2);
    }
    long expected = 1;
    String previousHash = AuditHash.GENESIS;
    long read = 0;
    try (PreparedStatement entries =
        c.prepareStatement(
            "SELECT " + AuditRows.COLUMNS + " FROM audit_entry ORDER BY sequence_number")) {
      entries.setFetchSize(1_000);
      try (ResultSet rows = entries.executeQuery()) {
        while (rows.next()) {
          AuditEntry entry = AuditRows.read(rows);
          read++;
          if (entry.sequence() != expected
              || !entry.previousHash().equals(previousHash)
              || !entry.hash().equals(AuditHash.of(entry))) {
            return ChainVerification.brokenAt(countAll(c), Math.min(entry.sequence(), expected));
          }
          previousHash = entry.hash();
          expected++;
        }
      }
    }
    long last = expected - 1;
    if (headSequence != last) {
      // Newest entries deleted (head ahead) or rows appended without the head (head behind).
      return ChainVerification.brokenAt(read, Math.min(headSequence, last) + 1);
    }
    if (!headHash.equals(previousHash)) {
      return ChainVerification.brokenAt(read, Math.max(last, 1));
    }
    return ChainVerification.intact(read);
  }

  private static long countAll(Connection c) throws SQLException {
    try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM audit_entry");
        ResultSet row = count.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
