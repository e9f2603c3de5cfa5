package org.carelens.gateway.session;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.audit.AuditUnavailableException;
import org.carelens.gateway.limits.RateLimit;
import org.carelens.gateway.limits.RateLimited;
import org.carelens.gateway.persistence.Transactions;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.policy.Obligation;
import org.carelens.policy.consent.Relationship;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/patients/{nhsNumber}/relationship}: a direct-care user claims a legitimate
 * relationship with a patient other than the one their session was launched for, giving a reason
 * (PRODUCT.md rule 1, "self-claim with a reason, flagged for IG review"). From then on this session
 * may view that patient as {@link Relationship#SELF_CLAIMED}: the policy withholds sensitive items
 * and flags every such view for IG review.
 *
 * <p>The claim and its {@code RELATIONSHIP_CLAIMED} audit entry commit in one transaction: there is
 * no relationship without its audit entry, and no entry for a claim that was not recorded.
 */
@Controller("/api/v1/patients")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "consent", description = "Permission to view and break-glass, at the point of care")
public class RelationshipController {

  static final int MAX_REASON = 2000;

  private final SessionGuard sessions;
  private final RelationshipRegister relationships;
  private final AuditTrail audit;
  private final DataSource dataSource;
  private final Clock clock;

  public RelationshipController(
      SessionGuard sessions,
      RelationshipRegister relationships,
      AuditTrail audit,
      DataSource dataSource,
      Clock clock) {
    this.sessions = sessions;
    this.relationships = relationships;
    this.audit = audit;
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Post("/{nhsNumber}/relationship")
  @RateLimited(RateLimit.CLAIMS)
  @Operation(
      summary = "Claim a legitimate relationship with another patient",
      description =
          "For a patient other than the launched one: 'reason' (mandatory free text) says why"
              + " this user is caring for them. The session may then view that patient; views"
              + " withhold sensitive items and are flagged for IG review. Audited as"
              + " RELATIONSHIP_CLAIMED.")
  public HttpResponse<ClaimedRelationship> claim(
      @PathVariable String nhsNumber,
      @Header("Authorization") @Nullable String authorization,
      @Body @Nullable ClaimRequest body) {
    GatewaySession session = sessions.require(authorization);
    NhsNumber patient = nhsNumber(nhsNumber);
    sessions.requireDirectCare(session, "a relationship claim");
    if (patient.equals(session.launch().nhsNumber())) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "RELATIONSHIP_ALREADY_ESTABLISHED",
          "Conflict",
          "This session was launched for this patient: the launch is the relationship");
    }
    String reason = body == null || body.reason() == null ? "" : body.reason().strip();
    if (reason.isEmpty() || reason.length() > MAX_REASON) {
      throw ProblemException.badRequest(
          "INVALID_RELATIONSHIP_REASON",
          "reason is mandatory: say in your own words why you are caring for this patient (at"
              + " most "
              + MAX_REASON
              + " characters)");
    }
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String id;
    try {
      id =
          Transactions.inTransaction(
              dataSource,
              Connection.TRANSACTION_READ_COMMITTED,
              c -> {
                String established =
                    relationships.establish(
                        c, session.launch(), patient, Relationship.SELF_CLAIMED, reason, at);
                audit.appendWithin(
                    c,
                    AuditEvent.builder(AuditEventType.RELATIONSHIP_CLAIMED, AuditOutcome.SUCCESS)
                        .launch(session.launch())
                        .patient(patient)
                        .reason(Obligation.FLAG_FOR_IG_REVIEW.name())
                        .detail("relationshipId", established)
                        .detail("relationship", Relationship.SELF_CLAIMED.name())
                        .detail("reason", reason)
                        .detail("launchedPatient", session.launch().nhsNumber().value())
                        .build());
                return established;
              });
    } catch (SQLException | RuntimeException e) {
      throw new AuditUnavailableException(
          "The relationship claim and its audit entry could not be written", e);
    }
    return HttpResponse.<ClaimedRelationship>status(HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .body(
            new ClaimedRelationship(
                id, patient.value(), Relationship.SELF_CLAIMED.name(), reason, at, true));
  }

  private static NhsNumber nhsNumber(String value) {
    try {
      return new NhsNumber(value);
    } catch (InvalidNhsNumberException e) {
      throw ProblemException.badRequest("INVALID_NHS_NUMBER", e.getMessage());
    }
  }

  /** {@code POST .../relationship}. */
  @Serdeable
  public record ClaimRequest(@Nullable String reason) {}

  /** A relationship this session established; {@code flaggedForIgReview} is always true. */
  @Serdeable
  public record ClaimedRelationship(
      String id,
      String nhsNumber,
      String relationship,
      String reason,
      Instant recordedAt,
      boolean flaggedForIgReview) {}
}
