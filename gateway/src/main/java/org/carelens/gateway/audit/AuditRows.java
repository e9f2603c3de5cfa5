package org.carelens.gateway.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Maps {@code audit_entry} rows to and from {@link AuditEntry}. */
final class AuditRows {

  static final String COLUMNS =
      "sequence_number, recorded_at, event_type, outcome, reason_code, user_id, user_name,"
          + " user_role, organisation_ods, patient_nhs_number, client_device, correlation_id,"
          + " details, previous_hash, entry_hash";

  static final String INSERT =
      "INSERT INTO audit_entry ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private AuditRows() {}

  static AuditEntry read(ResultSet row) throws SQLException {
    return new AuditEntry(
        row.getLong("sequence_number"),
        row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        row.getString("event_type"),
        row.getString("outcome"),
        optional(row, "reason_code"),
        optional(row, "user_id"),
        optional(row, "user_name"),
        optional(row, "user_role"),
        optional(row, "organisation_ods"),
        optional(row, "patient_nhs_number"),
        optional(row, "client_device"),
        row.getString("correlation_id"),
        row.getString("details"),
        row.getString("previous_hash"),
        row.getString("entry_hash"));
  }

  static void bind(PreparedStatement insert, AuditEntry e) throws SQLException {
    insert.setLong(1, e.sequence());
    insert.setObject(2, e.time().atOffset(ZoneOffset.UTC));
    insert.setString(3, e.event());
    insert.setString(4, e.outcome());
    bind(insert, 5, e.reasonCode());
    bind(insert, 6, e.userId());
    bind(insert, 7, e.userName());
    bind(insert, 8, e.role());
    bind(insert, 9, e.organisation());
    bind(insert, 10, e.patient());
    bind(insert, 11, e.device());
    insert.setString(12, e.correlationId());
    insert.setString(13, e.details());
    insert.setString(14, e.previousHash());
    insert.setString(15, e.hash());
  }

  private static void bind(PreparedStatement insert, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      insert.setString(index, value.get());
    } else {
      insert.setNull(index, Types.VARCHAR);
    }
  }

  private static Optional<String> optional(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getString(column));
  }
}
