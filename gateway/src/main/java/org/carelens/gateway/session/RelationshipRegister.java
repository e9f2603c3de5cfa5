package org.carelens.gateway.session;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.policy.consent.Relationship;
import org.carelens.sdk.model.NhsNumber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legitimate relationships a session has established with patients other than the one it was
 * launched for (PRODUCT.md rule 1): {@link Relationship#SELF_CLAIMED} with a coded reason and the
 * user's own words, or {@link Relationship#BREAK_GLASS}. Held in the gateway database (migration
 * {@code V4}), keyed by the launch token's issuer and jti, so they are shared by every gateway
 * instance and end with the session (a new launch is a new key). Insert-only.
 *
 * <p>Thread-safe. Fails closed: a register that cannot be read is a 503, never an open door.
 */
@Singleton
public class RelationshipRegister {

  private static final Logger LOG = LoggerFactory.getLogger(RelationshipRegister.class);

  private final DataSource dataSource;

  public RelationshipRegister(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Records that {@code launch}'s session established {@code kind} with {@code patient}, inside the
   * caller's transaction (so the caller can commit it with its audit entry).
   *
   * @param reasonCode the agreement's coded reason for a self-claim; {@code null} for break-glass
   * @return the new relationship's id
   */
  public String establish(
      Connection connection,
      LaunchContext launch,
      NhsNumber patient,
      Relationship kind,
      @Nullable String reasonCode,
      String reason,
      Instant at)
      throws SQLException {
    if (kind == Relationship.LAUNCHED_IN_CONTEXT) {
      throw new IllegalArgumentException(
          "A launched-in-context relationship comes from the launch token, not the register");
    }
    String id = UUID.randomUUID().toString();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO session_relationship (relationship_id, launch_issuer, launch_jti,"
                + " user_id, user_role, organisation_ods, patient_nhs_number, kind, reason_code,"
                + " reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, launch.issuer());
      insert.setString(3, launch.jti());
      insert.setString(4, launch.userId());
      insert.setString(5, launch.role().code());
      insert.setString(6, launch.organisationOds());
      insert.setString(7, patient.value());
      insert.setString(8, kind.name());
      insert.setString(9, reasonCode);
      insert.setString(10, reason);
      insert.setObject(11, at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }
    return id;
  }

  /**
   * When {@code userId} established relationships of {@code kind} after {@code since}, in any
   * session, oldest first, read inside the caller's transaction (so the row it just inserted is
   * counted). The daily self-claim cap counts these.
   */
  public List<Instant> establishedSince(
      Connection connection, String userId, Relationship kind, Instant since) throws SQLException {
    try (PreparedStatement q =
        connection.prepareStatement(
            "SELECT recorded_at FROM session_relationship WHERE user_id = ? AND kind = ?"
                + " AND recorded_at > ? ORDER BY recorded_at")) {
      q.setString(1, userId);
      q.setString(2, kind.name());
      q.setObject(3, since.atOffset(ZoneOffset.UTC));
      List<Instant> times = new ArrayList<>();
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          times.add(rows.getObject(1, OffsetDateTime.class).toInstant());
        }
      }
      return times;
    }
  }

  /**
   * The relationships {@code launch}'s session has established with {@code patient}; empty when
   * none (always empty for the launched patient, whose relationship is the launch itself).
   *
   * @throws ProblemException 503 {@code RELATIONSHIP_REGISTER_UNAVAILABLE} if it cannot be read
   */
  public Set<Relationship> established(LaunchContext launch, NhsNumber patient) {
    Set<Relationship> kinds = EnumSet.noneOf(Relationship.class);
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT DISTINCT kind FROM session_relationship WHERE launch_issuer = ?"
                    + " AND launch_jti = ? AND patient_nhs_number = ?")) {
      q.setString(1, launch.issuer());
      q.setString(2, launch.jti());
      q.setString(3, patient.value());
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          kinds.add(Relationship.valueOf(rows.getString(1)));
        }
      }
      return kinds;
    } catch (SQLException e) {
      LOG.error("The relationship register could not be read; failing closed", e);
      throw new ProblemException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "RELATIONSHIP_REGISTER_UNAVAILABLE",
          "Service unavailable",
          "The session's relationships could not be read; nothing is shown without them");
    }
  }
}
