package org.carelens.gateway.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * H2 trigger (BEFORE UPDATE, DELETE on {@code audit_entry}, each row): refuses every change, so the
 * trail is append-only for anyone who has not dropped the trigger. H2 is the demo database: its
 * {@code sa} user owns the schema and can drop this trigger, so it catches mistakes, not an owner;
 * the signed checkpoints catch the owner.
 */
public final class H2AuditEntryAppendOnly implements Trigger {

  /** SQLSTATE 42501, insufficient privilege, as the PostgreSQL trigger raises. */
  static final String REFUSED = "42501";

  @Override
  public void fire(Connection connection, Object @Nullable [] oldRow, Object @Nullable [] newRow)
      throws SQLException {
    throw new SQLException(
        "audit_entry is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
        REFUSED);
  }
}
