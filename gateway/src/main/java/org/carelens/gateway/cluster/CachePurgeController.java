package org.carelens.gateway.cluster;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.carelens.gateway.audit.Actor;
import org.carelens.gateway.audit.AuditEntry;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.audit.AuditUnavailableException;
import org.carelens.gateway.persistence.Transactions;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.gateway.session.GatewaySession;
import org.carelens.gateway.session.SessionGuard;
import org.carelens.policy.Role;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/cache/purge}: an IG officer or an administrator removes one patient from the
 * source cache of every gateway replica (issue 15), for instance after a source corrected a record
 * that views may still be serving from the cache. The request is audited ({@code CACHE_PURGED},
 * with its reason) in the transaction that announces the purge to the other replicas ({@link
 * CachePurges}), so a purge is never announced unaudited, and then this replica purges at once. The
 * cache sits below policy, so a purge changes no decision: it only makes the next view ask the
 * sources again.
 */
@Controller("/api/v1/cache")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(
    name = "cache",
    description = "The gateway replicas' source cache (IG officers, administrators)")
public class CachePurgeController {

  private static final Logger LOG = LoggerFactory.getLogger(CachePurgeController.class);

  /** The roles that may purge: IG officers of either scope, and administrators. */
  static final Set<Role> ALLOWED = Set.of(Role.IG_OFFICER, Role.FEDERATION_IG, Role.ADMINISTRATOR);

  static final int MAX_REASON = 2000;

  private final SessionGuard sessions;
  private final CachePurges purges;
  private final AuditTrail audit;
  private final DataSource dataSource;

  public CachePurgeController(
      SessionGuard sessions, CachePurges purges, AuditTrail audit, DataSource dataSource) {
    this.sessions = sessions;
    this.purges = purges;
    this.audit = audit;
    this.dataSource = dataSource;
  }

  @Post("/purge")
  @Operation(
      summary = "Purge a patient from every replica's source cache",
      description =
          "Body {\"nhsNumber\", \"reason\"}. Removes the patient's cached source answers on every"
              + " gateway replica (PostgreSQL LISTEN/NOTIFY; on the embedded database there is one"
              + " process), so the next view asks the sources again. Audited CACHE_PURGED with the"
              + " reason before the answer. 400 INVALID_NHS_NUMBER or INVALID_PURGE; 403"
              + " ROLE_NOT_PERMITTED for roles other than ig-officer, federation-ig and"
              + " administrator (audited POLICY_DENIAL).")
  public HttpResponse<PurgeResult> purge(
      @Header("Authorization") @Nullable String authorization, @Body @Nullable PurgeRequest body) {
    GatewaySession session = sessions.require(authorization);
    Role role = session.launch().role();
    if (!ALLOWED.contains(role)) {
      throw sessions.refused(
          session,
          validOrNull(body),
          ProblemException.forbidden(
              "ROLE_NOT_PERMITTED",
              "Only IG officers and administrators may purge the cache; this session's role is "
                  + role.code()));
    }
    if (body == null) {
      throw ProblemException.badRequest("INVALID_PURGE", "A body {nhsNumber, reason} is required");
    }
    NhsNumber patient = nhsNumber(body.nhsNumber());
    String reason = reason(body.reason());
    AuditEvent event =
        AuditEvent.builder(AuditEventType.CACHE_PURGED, AuditOutcome.SUCCESS)
            .actor(Actor.of(session.launch()))
            .patient(patient)
            .detail("reason", reason)
            .detail("acrossReplicas", purges.shared())
            .build();
    AuditEntry entry;
    try {
      entry =
          Transactions.inTransaction(
              dataSource,
              Connection.TRANSACTION_READ_COMMITTED,
              c -> {
                AuditEntry written = audit.appendWithin(c, event);
                // Delivered by PostgreSQL when this transaction commits, and only then.
                purges.announceWithin(c, patient);
                return written;
              });
    } catch (SQLException | RuntimeException e) {
      LOG.error("A cache purge could not be audited; nothing was purged", e);
      throw new AuditUnavailableException("The cache purge could not be audited", e);
    }
    purges.purgeHere(patient);
    return HttpResponse.ok(
            new PurgeResult(patient.value(), entry.time(), purges.shared(), entry.sequence()))
        .header("Cache-Control", "no-store");
  }

  /** The patient a refused request named, for its audit entry, if it named a valid one. */
  private static @Nullable NhsNumber validOrNull(@Nullable PurgeRequest body) {
    try {
      return body == null || body.nhsNumber() == null ? null : new NhsNumber(body.nhsNumber());
    } catch (InvalidNhsNumberException e) {
      return null;
    }
  }

  private static NhsNumber nhsNumber(@Nullable String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.badRequest("INVALID_PURGE", "nhsNumber is required");
    }
    try {
      return new NhsNumber(value);
    } catch (InvalidNhsNumberException e) {
      throw ProblemException.badRequest("INVALID_NHS_NUMBER", e.getMessage());
    }
  }

  private static String reason(@Nullable String reason) {
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
      throw ProblemException.badRequest(
          "INVALID_PURGE",
          "reason is required: say why (e.g. the source corrected the record), at most "
              + MAX_REASON
              + " characters");
    }
    return reason.strip();
  }

  /** {@code POST /api/v1/cache/purge}. */
  @Serdeable
  public record PurgeRequest(@Nullable String nhsNumber, @Nullable String reason) {}

  /**
   * What was purged.
   *
   * @param purgedAt when the purge was audited and announced
   * @param acrossReplicas true when every replica was told (PostgreSQL); false on the embedded
   *     database, where this process is the only one
   * @param auditSequence the {@code CACHE_PURGED} entry's sequence number
   */
  @Serdeable
  public record PurgeResult(
      String nhsNumber, Instant purgedAt, boolean acrossReplicas, long auditSequence) {}
}
