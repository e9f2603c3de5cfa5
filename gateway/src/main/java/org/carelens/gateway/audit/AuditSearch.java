package org.carelens.gateway.audit;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.carelens.sdk.model.NhsNumber;

/**
 * Reads the audit trail for IG officers: entries matching a query, newest first, within the
 * reader's {@link AuditScope}.
 */
@Singleton
public class AuditSearch {

  /** The patients registered with an organisation (one parameter: its ODS code). */
  private static final String REGISTERED_PATIENTS =
      "SELECT patient_nhs_number FROM audit_patient_practice WHERE practice_ods = ?";

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
    return find(query, AuditScope.federation());
  }

  /**
   * As {@link #find(AuditQuery)}, keeping only the entries in {@code scope}.
   *
   * @throws AuditUnavailableException if the database cannot be read
   */
  public List<AuditEntry> find(AuditQuery query, AuditScope scope) {
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
    if (scope instanceof AuditScope.Organisation(String ods)) {
      sql.append(" AND (organisation_ods = ? OR patient_nhs_number IN (")
          .append(REGISTERED_PATIENTS)
          .append("))");
      parameters.add(ods);
      parameters.add(ods);
    }
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

  /**
   * Whether an entry is in {@code scope}, for readers that select entries themselves (the review
   * queues): reads the organisation's registered patients once, so test many entries per call.
   *
   * @throws AuditUnavailableException if the database cannot be read
   */
  public Predicate<AuditEntry> visibleIn(AuditScope scope) {
    if (!(scope instanceof AuditScope.Organisation(String ods))) {
      return entry -> true;
    }
    Set<String> registered = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(REGISTERED_PATIENTS)) {
      statement.setString(1, ods);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          registered.add(rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new AuditUnavailableException("The audit trail could not be read", e);
    }
    return entry ->
        entry.organisation().filter(ods::equals).isPresent()
            || entry.patient().filter(registered::contains).isPresent();
  }

  private static void where(
      StringBuilder sql, List<Object> parameters, String clause, Object value) {
    sql.append(" AND ").append(clause);
    parameters.add(value);
  }
}
