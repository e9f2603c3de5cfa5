package org.carelens.gateway.audit;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.carelens.sdk.model.NhsNumber;

/** Reads the audit trail for IG officers: entries matching a query, newest first. */
@Singleton
public class AuditSearch {

  private final DataSource dataSource;

  public AuditSearch(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The entries matching {@code query}, newest (highest sequence) first, at most {@code limit}.
   *
   * @throws AuditUnavailableException if the database cannot be read
   */
  public List<AuditEntry> find(AuditQuery query) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(AuditRows.COLUMNS)
            .append(" FROM audit_entry WHERE 1=1");
    List<Object> parameters = new ArrayList<>();
    query
        .patient()
        .map(NhsNumber::value)
        .ifPresent(p -> where(sql, parameters, "patient_nhs_number = ?", p));
    query.userId().ifPresent(u -> where(sql, parameters, "user_id = ?", u));
    query.organisation().ifPresent(o -> where(sql, parameters, "organisation_ods = ?", o));
    query.event().ifPresent(e -> where(sql, parameters, "event_type = ?", e.name()));
    query
        .from()
        .ifPresent(f -> where(sql, parameters, "recorded_at >= ?", f.atOffset(ZoneOffset.UTC)));
    query
        .to()
        .ifPresent(t -> where(sql, parameters, "recorded_at < ?", t.atOffset(ZoneOffset.UTC)));
    sql.append(" ORDER BY sequence_number DESC LIMIT ").append(query.limit());
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      List<AuditEntry> entries = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          entries.add(AuditRows.read(rows));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new AuditUnavailableException("The audit trail could not be read", e);
    }
  }

  private static void where(
      StringBuilder sql, List<Object> parameters, String clause, Object value) {
    sql.append(" AND ").append(clause);
    parameters.add(value);
  }
}
