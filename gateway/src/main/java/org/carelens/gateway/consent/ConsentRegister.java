package org.carelens.gateway.consent;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.carelens.gateway.audit.Actor;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.persistence.Transactions;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.policy.consent.Dissent;
import org.carelens.policy.consent.PatientConsent;
import org.carelens.sdk.model.NhsNumber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consent register in the gateway database (migrations {@code V3__consent.sql} and {@code
 * V10__permission_revocation.sql}): dissent with its revocations, permission to view with its
 * revocations, break-glass declarations. Insert-only: nothing is updated or deleted, so the history
 * of every consent decision stays readable.
 *
 * <p>Fails closed: when the register cannot be read, {@link #consentAt} throws a 503 problem and
 * the view is not built, because a dissent that cannot be read must not be ignored.
 *
 * <p>Thread-safe; each call is its own transaction. A write can carry its audit entry into that
 * transaction ({@link InSameTransaction}), so a consent decision is never in force without its
 * audit entry, nor audited without being in force.
 */
@Singleton
public class ConsentRegister {

  private static final Logger LOG = LoggerFactory.getLogger(ConsentRegister.class);

  private static final String DISSENTS =
      "SELECT d.dissent_id, d.patient_nhs_number, d.source_id, d.reason, d.recorded_by_user_id,"
          + " d.recorded_by_name, d.recorded_by_organisation, d.recorded_at, r.reason,"
          + " r.revoked_by_user_id, r.revoked_by_name, r.revoked_by_organisation, r.revoked_at"
          + " FROM consent_dissent d LEFT JOIN consent_dissent_revocation r"
          + " ON r.dissent_id = d.dissent_id";

  /**
   * More work for the transaction that writes a register row (typically the audit entry recording
   * it, via {@code AuditTrail.appendWithin}), given what was written. If it throws, the row is
   * rolled back too.
   */
  @FunctionalInterface
  public interface InSameTransaction<T> {
    void run(Connection connection, T written) throws SQLException;
  }

  private static final InSameTransaction<Object> NOTHING_ELSE = (c, written) -> {};

  private final DataSource dataSource;
  private final Clock clock;

  public ConsentRegister(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Registers a dissent from the whole record ({@code sourceId} empty) or from one source. */
  public DissentEntry registerDissent(
      NhsNumber patient, Optional<String> sourceId, String reason, Actor by) {
    return registerDissent(patient, sourceId, reason, by, NOTHING_ELSE);
  }

  /**
   * As {@link #registerDissent(NhsNumber, Optional, String, Actor)}, running {@code then} (e.g. its
   * audit entry) in the same transaction: both commit or neither does.
   */
  public DissentEntry registerDissent(
      NhsNumber patient,
      Optional<String> sourceId,
      String reason,
      Actor by,
      InSameTransaction<? super DissentEntry> then) {
    DissentEntry entry =
        new DissentEntry(
            UUID.randomUUID().toString(),
            patient.value(),
            sourceId.orElse(null),
            reason,
            by.userId(),
            by.userName(),
            by.organisationOds(),
            now(),
            null);
    write(
        "INSERT INTO consent_dissent (dissent_id, patient_nhs_number, source_id, reason,"
            + " recorded_by_user_id, recorded_by_name, recorded_by_organisation, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        entry,
        then,
        entry.id(),
        entry.nhsNumber(),
        entry.sourceId(),
        entry.reason(),
        entry.recordedBy(),
        entry.recordedByName(),
        entry.recordedByOrganisation(),
        utc(entry.recordedAt()));
    return entry;
  }

  /**
   * Revokes a dissent, keeping it and recording who lifted it, when and why.
   *
   * @return the dissent with its revocation; empty when there is no dissent with this id
   * @throws ProblemException 409 when it was already revoked
   */
  public Optional<DissentEntry> revokeDissent(String dissentId, String reason, Actor by) {
    return revokeDissent(dissentId, reason, by, NOTHING_ELSE);
  }

  /**
   * As {@link #revokeDissent(String, String, Actor)}, running {@code then} with the dissent being
   * revoked in the same transaction as the revocation.
   */
  public Optional<DissentEntry> revokeDissent(
      String dissentId, String reason, Actor by, InSameTransaction<? super DissentEntry> then) {
    Optional<DissentEntry> existing = dissent(dissentId);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    Instant at = now();
    try {
      write(
          "INSERT INTO consent_dissent_revocation (dissent_id, reason, revoked_by_user_id,"
              + " revoked_by_name, revoked_by_organisation, revoked_at) VALUES (?, ?, ?, ?, ?, ?)",
          existing.get(),
          then,
          dissentId,
          reason,
          by.userId(),
          by.userName(),
          by.organisationOds(),
          utc(at));
    } catch (AlreadyExists e) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "DISSENT_ALREADY_REVOKED",
          "Conflict",
          "Dissent " + dissentId + " has already been revoked");
    }
    return dissent(dissentId);
  }

  /** One dissent with its revocation, if any. */
  public Optional<DissentEntry> dissent(String dissentId) {
    List<DissentEntry> found = dissents(DISSENTS + " WHERE d.dissent_id = ?", dissentId);
    return found.stream().findFirst();
  }

  /** The register's whole history for one patient (or every patient), oldest first. */
  public List<DissentEntry> dissents(Optional<NhsNumber> patient) {
    return patient
        .map(
            p ->
                dissents(
                    DISSENTS
                        + " WHERE d.patient_nhs_number = ? ORDER BY d.recorded_at, d.dissent_id",
                    p.value()))
        .orElseGet(() -> dissents(DISSENTS + " ORDER BY d.recorded_at, d.dissent_id"));
  }

  /**
   * Records the patient's permission to view, given to {@code by} (and, if the agreement makes
   * permission organisation-wide, {@code by}'s organisation), until {@code until}.
   */
  public PermissionToView recordPermission(NhsNumber patient, Actor by, Instant until) {
    return recordPermission(patient, by, until, NOTHING_ELSE);
  }

  /**
   * As {@link #recordPermission(NhsNumber, Actor, Instant)}, with {@code then} in the same
   * transaction.
   */
  public PermissionToView recordPermission(
      NhsNumber patient,
      Actor by,
      Instant until,
      InSameTransaction<? super PermissionToView> then) {
    PermissionToView permission =
        new PermissionToView(
            UUID.randomUUID().toString(),
            patient.value(),
            by.organisationOds(),
            by.userId(),
            by.userName(),
            by.role(),
            now(),
            until.truncatedTo(ChronoUnit.MICROS),
            null);
    write(
        "INSERT INTO consent_permission_to_view (permission_id, patient_nhs_number,"
            + " organisation_ods, recorded_by_user_id, recorded_by_name, recorded_by_role,"
            + " recorded_at, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        permission,
        then,
        permission.id(),
        permission.nhsNumber(),
        permission.organisation(),
        permission.recordedBy(),
        permission.recordedByName(),
        permission.recordedByRole(),
        utc(permission.recordedAt()),
        utc(permission.until()));
    return permission;
  }

  /** One permission to view, of {@code patient}, with its revocation if it was revoked. */
  public Optional<RevokedPermission.Found> permission(NhsNumber patient, String permissionId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT p.permission_id, p.patient_nhs_number, p.organisation_ods,"
                    + " p.recorded_by_user_id, p.recorded_by_name, p.recorded_by_role,"
                    + " p.recorded_at, p.valid_until, r.revoked_at"
                    + " FROM consent_permission_to_view p LEFT JOIN consent_permission_revocation r"
                    + " ON r.permission_id = p.permission_id"
                    + " WHERE p.permission_id = ? AND p.patient_nhs_number = ?")) {
      q.setString(1, permissionId);
      q.setString(2, patient.value());
      try (ResultSet rows = q.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new RevokedPermission.Found(
                new PermissionToView(
                    rows.getString(1),
                    rows.getString(2),
                    rows.getString(3),
                    rows.getString(4),
                    rows.getString(5),
                    rows.getString(6),
                    instant(rows, 7),
                    instant(rows, 8),
                    null),
                rows.getObject(9) != null));
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /**
   * Revokes a permission to view, keeping it and recording who lifted it, when and why, with {@code
   * then} (its audit entry) in the same transaction. From the commit on, no view is decided with it
   * ({@link #consentAt} leaves revoked permissions out).
   *
   * @throws ProblemException 409 {@code PERMISSION_ALREADY_REVOKED} when it already was
   */
  public RevokedPermission revokePermission(
      PermissionToView permission,
      String reason,
      Actor by,
      InSameTransaction<? super RevokedPermission> then) {
    RevokedPermission revoked =
        new RevokedPermission(
            permission, reason, by.userId(), by.userName(), by.organisationOds(), now());
    try {
      write(
          "INSERT INTO consent_permission_revocation (permission_id, reason, revoked_by_user_id,"
              + " revoked_by_name, revoked_by_organisation, revoked_at) VALUES (?, ?, ?, ?, ?, ?)",
          revoked,
          then,
          permission.id(),
          reason,
          revoked.revokedBy(),
          revoked.revokedByName(),
          revoked.revokedByOrganisation(),
          utc(revoked.revokedAt()));
    } catch (AlreadyExists e) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "PERMISSION_ALREADY_REVOKED",
          "Conflict",
          "Permission to view " + permission.id() + " has already been revoked");
    }
    return revoked;
  }

  /** Records a break-glass declaration by {@code launch}'s session. */
  public BreakGlass declareBreakGlass(
      NhsNumber patient,
      LaunchContext launch,
      String reason,
      String detail,
      String agreement,
      java.time.Duration duration) {
    return declareBreakGlass(patient, launch, reason, detail, agreement, duration, NOTHING_ELSE);
  }

  /**
   * As {@link #declareBreakGlass(NhsNumber, LaunchContext, String, String, String,
   * java.time.Duration)}, with {@code then} (its audit entry, the session's relationship, the daily
   * cap) in the same transaction. The declaration is bound to {@code launch}'s session: it is
   * active for that session and patient only (PRODUCT.md rule 7), never in the same user's later
   * sessions.
   */
  public BreakGlass declareBreakGlass(
      NhsNumber patient,
      LaunchContext launch,
      String reason,
      String detail,
      String agreement,
      java.time.Duration duration,
      InSameTransaction<? super BreakGlass> then) {
    Actor by = Actor.of(launch);
    Instant started = now();
    BreakGlass declared =
        new BreakGlass(
            UUID.randomUUID().toString(),
            by.userId(),
            by.userName(),
            by.role(),
            by.organisationOds(),
            patient.value(),
            reason,
            detail,
            agreement,
            started,
            started.plus(duration));
    write(
        "INSERT INTO consent_break_glass (break_glass_id, user_id, user_name, user_role,"
            + " organisation_ods, patient_nhs_number, reason, detail, agreement, started_at,"
            + " expires_at, launch_issuer, launch_jti) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?)",
        declared,
        then,
        declared.id(),
        declared.userId(),
        declared.userName(),
        declared.role(),
        declared.organisation(),
        declared.nhsNumber(),
        declared.reason(),
        declared.detail(),
        declared.agreement(),
        utc(declared.startedAt()),
        utc(declared.expiresAt()),
        launch.issuer(),
        launch.jti());
    return declared;
  }

  /**
   * When {@code userId} declared break-glass after {@code since}, for any patient in any session,
   * oldest first, read inside the caller's transaction (so the declaration it just inserted is
   * counted). The daily break-glass cap counts these.
   */
  public static List<Instant> breakGlassSince(Connection connection, String userId, Instant since)
      throws SQLException {
    try (PreparedStatement q =
        connection.prepareStatement(
            "SELECT started_at FROM consent_break_glass WHERE user_id = ? AND started_at > ?"
                + " ORDER BY started_at")) {
      q.setString(1, userId);
      q.setObject(2, utc(since));
      List<Instant> times = new ArrayList<>();
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          times.add(instant(rows, 1));
        }
      }
      return times;
    }
  }

  /**
   * The patient's consent state for {@code launch}'s session at {@code at}: dissents in force,
   * permissions neither lapsed nor revoked (each with who recorded it; the policy decides whom it
   * covers), and when a break-glass this session declared for this patient ends if one is active.
   * The S-flag is not held here; it is {@code false} until the sources say otherwise.
   */
  public PatientConsent consentAt(NhsNumber patient, LaunchContext launch, Instant at) {
    try {
      return Transactions.inTransaction(
          dataSource,
          Connection.TRANSACTION_READ_COMMITTED,
          c -> {
            List<Dissent> dissents = new ArrayList<>();
            try (PreparedStatement q =
                c.prepareStatement(
                    "SELECT d.source_id FROM consent_dissent d WHERE d.patient_nhs_number = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM consent_dissent_revocation r"
                        + " WHERE r.dissent_id = d.dissent_id)")) {
              q.setString(1, patient.value());
              try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                  String source = rows.getString(1);
                  dissents.add(source == null ? Dissent.wholeRecord() : Dissent.fromSource(source));
                }
              }
            }
            List<PatientConsent.PermissionToView> permissions = new ArrayList<>();
            try (PreparedStatement q =
                c.prepareStatement(
                    "SELECT p.organisation_ods, p.recorded_by_user_id, p.valid_until"
                        + " FROM consent_permission_to_view p"
                        + " WHERE p.patient_nhs_number = ? AND p.valid_until > ?"
                        + " AND NOT EXISTS (SELECT 1 FROM consent_permission_revocation r"
                        + " WHERE r.permission_id = p.permission_id)")) {
              q.setString(1, patient.value());
              q.setObject(2, utc(at));
              try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                  permissions.add(
                      new PatientConsent.PermissionToView(
                          rows.getString(1), rows.getString(2), instant(rows, 3)));
                }
              }
            }
            Optional<Instant> breakGlassUntil = Optional.empty();
            try (PreparedStatement q =
                c.prepareStatement(
                    "SELECT MAX(expires_at) FROM consent_break_glass WHERE launch_issuer = ?"
                        + " AND launch_jti = ? AND user_id = ? AND patient_nhs_number = ?"
                        + " AND started_at <= ? AND expires_at > ?")) {
              q.setString(1, launch.issuer());
              q.setString(2, launch.jti());
              q.setString(3, launch.userId());
              q.setString(4, patient.value());
              q.setObject(5, utc(at));
              q.setObject(6, utc(at));
              try (ResultSet rows = q.executeQuery()) {
                if (rows.next() && rows.getObject(1) != null) {
                  breakGlassUntil = Optional.of(instant(rows, 1));
                }
              }
            }
            return new PatientConsent(dissents, permissions, breakGlassUntil, false);
          });
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private List<DissentEntry> dissents(String sql, String... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        q.setString(i + 1, parameters[i]);
      }
      List<DissentEntry> entries = new ArrayList<>();
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          DissentEntry.Revocation revocation =
              rows.getString(9) == null
                  ? null
                  : new DissentEntry.Revocation(
                      rows.getString(9),
                      rows.getString(10),
                      rows.getString(11),
                      rows.getString(12),
                      instant(rows, 13));
          entries.add(
              new DissentEntry(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getString(6),
                  rows.getString(7),
                  instant(rows, 8),
                  revocation));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  private <T> void write(
      String sql, T written, InSameTransaction<? super T> then, @Nullable Object... values) {
    try {
      Transactions.inTransaction(
          dataSource,
          Connection.TRANSACTION_READ_COMMITTED,
          c -> {
            try (PreparedStatement insert = c.prepareStatement(sql)) {
              for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
              }
              insert.executeUpdate();
            }
            then.run(c, written);
            return null;
          });
    } catch (SQLException e) {
      if (Transactions.isUniqueViolation(e)) {
        throw new AlreadyExists();
      }
      throw unavailable(e);
    }
  }

  private Instant now() {
    // Microseconds survive both H2 and PostgreSQL, so what is returned is what reads back.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rows, int column) throws SQLException {
    return rows.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static ProblemException unavailable(SQLException e) {
    LOG.error("The consent register could not be used; failing closed", e);
    return new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "CONSENT_UNAVAILABLE",
        "Service unavailable",
        "The consent register could not be read or written ("
            + e.getClass().getSimpleName()
            + "); nothing is shown without it");
  }

  /** A unique key said the row is already there. */
  private static final class AlreadyExists extends RuntimeException {
    AlreadyExists() {
      super("already exists", null, false, false);
    }
  }
}
