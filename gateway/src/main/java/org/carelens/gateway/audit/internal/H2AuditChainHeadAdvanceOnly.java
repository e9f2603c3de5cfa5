package org.carelens.gateway.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * H2 trigger (BEFORE UPDATE, DELETE on {@code audit_chain_head}, each row): the head may only move
 * from sequence {@code n} to {@code n + 1}, and only to an entry that exists with that hash and
 * chains to the old head. So it cannot be wound back to hide removed entries or pointed at nothing.
 */
public final class H2AuditChainHeadAdvanceOnly implements Trigger {

  // Columns of audit_chain_head in table order: id, last_sequence_number, last_hash.
  private static final int ID = 0;
  private static final int SEQUENCE = 1;
  private static final int HASH = 2;

  @Override
  public void fire(Connection connection, Object @Nullable [] oldRow, Object @Nullable [] newRow)
      throws SQLException {
    if (oldRow == null || newRow == null) {
      throw refused("DELETE refused");
    }
    long from = ((Number) oldRow[SEQUENCE]).longValue();
    long to = ((Number) newRow[SEQUENCE]).longValue();
    if (!oldRow[ID].equals(newRow[ID]) || to != from + 1) {
      throw refused("it may only advance by one entry, was " + from + " to " + to);
    }
    try (PreparedStatement entry =
        connection.prepareStatement(
            "SELECT 1 FROM audit_entry WHERE sequence_number = ? AND entry_hash = ?"
                + " AND previous_hash = ?")) {
      entry.setLong(1, to);
      entry.setString(2, (String) newRow[HASH]);
      entry.setString(3, (String) oldRow[HASH]);
      try (ResultSet row = entry.executeQuery()) {
        if (!row.next()) {
          throw refused("no entry " + to + " with that hash follows the old head");
        }
      }
    }
  }

  private static SQLException refused(String why) {
    return new SQLException(
        "audit_chain_head only advances to the entry just appended: " + why,
        H2AuditEntryAppendOnly.REFUSED);
  }
}
