package org.carelens.gateway.session;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import java.util.List;
import javax.sql.DataSource;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.audit.AuditUnavailableException;
import org.carelens.gateway.limits.DailyCap;
import org.carelens.gateway.limits.RateLimit;
import org.carelens.gateway.limits.RateLimited;
import org.carelens.gateway.persistence.Transactions;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Obligation;
import org.carelens.policy.Role;
import org.carelens.policy.agreement.SelfClaimRules;
import org.carelens.policy.consent.Relationship;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/patients/{nhsNumber}/relationship}: a user claims a legitimate relationship
 * with a patient other than the one their session was launched for (PRODUCT.md rule 1: "self-claim
 * with a coded reason, only roles the agreement allows, capped per user per day, each on an IG
 * review queue"). From then on this session may view that patient as {@link
 * Relationship#SELF_CLAIMED}: the policy withholds sensitive items and flags every such view for IG
 * review, and the claim's {@code RELATIONSHIP_CLAIMED} entry is on the IG review queue ({@code GET
 * /api/v1/audit/relationship-claims}).
 *
 * <p>A session opened by signing in (issue 11) is bound to no patient: every patient it opens is
 * claimed here, by a role in the agreement's {@code signIn.searchRoles} (403 {@code
 * ROLE_MAY_NOT_OPEN_PATIENT} otherwise), with the same reasons and under the same daily cap.
 *
 * <p>Refusals, each with its own code: a role the agreement's {@code selfClaim.roles} does not list
 * (403 {@code ROLE_MAY_NOT_SELF_CLAIM}), a reason code not in {@code selfClaim.reasons} (400 {@code
 * UNKNOWN_RELATIONSHIP_REASON}), no free text (400 {@code INVALID_RELATIONSHIP_REASON}), the claim
 * over {@code selfClaim.dailyCap} in any 24 hours (429 {@code SELF_CLAIM_LIMIT} with {@code
 * Retry-After}).
 *
 * <p>The claim and its audit entry commit in one transaction: there is no relationship without its
 * audit entry, and no entry for a claim that was not recorded. The cap is counted in that
 * transaction from the register, after the audit append has taken the chain-head lock ({@link
 * DailyCap}), so it holds across restarts and gateway instances.
 */
@Controller("/api/v1/patients")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "consent", description = "Permission to view and break-glass, at the point of care")
public class RelationshipController {

  static final int MAX_REASON = 2000;

  private final SessionGuard sessions;
  private final RelationshipRegister relationships;
  private final AccessPolicy policy;
  private final AuditTrail audit;
  private final DataSource dataSource;
  private final Clock clock;

  public RelationshipController(
      SessionGuard sessions,
      RelationshipRegister relationships,
      AccessPolicy policy,
      AuditTrail audit,
      DataSource dataSource,
      Clock clock) {
    this.sessions = sessions;
    this.relationships = relationships;
    this.policy = policy;
    this.audit = audit;
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Get("/{nhsNumber}/relationship")
  @Operation(
      summary = "Self-claim options",
      description =
          "The coded reasons a claim must choose from, the daily cap, the roles that may claim and"
              + " whether this session's role is one of them, under the agreement in force.")
  public HttpResponse<ClaimOptions> options(
      @PathVariable String nhsNumber, @Header("Authorization") @Nullable String authorization) {
    GatewaySession session = sessions.require(authorization);
    nhsNumber(nhsNumber);
    SelfClaimRules rules = policy.agreement().selfClaim();
    return HttpResponse.ok(
            new ClaimOptions(
                rules.reasons().entrySet().stream()
                    .map(e -> new ReasonOption(e.getKey(), e.getValue()))
                    .toList(),
                rules.dailyCap(),
                allowedRoles(session).stream().map(Role::code).sorted().toList(),
                allowedRoles(session).contains(session.launch().role())))
        .header("Cache-Control", "no-store");
  }

  @Post("/{nhsNumber}/relationship")
  @RateLimited(RateLimit.CLAIMS)
  @Operation(
      summary = "Claim a legitimate relationship with another patient",
      description =
          "For a patient other than the launched one: 'reasonCode' (one of the agreement's"
              + " selfClaim.reasons) and 'reason' (mandatory free text) say why this user is"
              + " caring for them. Only roles the agreement lists (default clinicians), at most"
              + " selfClaim.dailyCap claims per user in any 24 hours. The session may then view"
              + " that patient; views withhold sensitive items and are flagged for IG review."
              + " Audited as RELATIONSHIP_CLAIMED and queued for IG review.")
  public HttpResponse<ClaimedRelationship> claim(
      @PathVariable String nhsNumber,
      @Header("Authorization") @Nullable String authorization,
      @Body @Nullable ClaimRequest body) {
    GatewaySession session = sessions.require(authorization);
    NhsNumber patient = nhsNumber(nhsNumber);
    SelfClaimRules rules = policy.agreement().selfClaim();
    if (session.launch().signedIn()) {
      // Issue 11: a signed-in session is bound to no patient; opening one it found needs the same
      // coded reason and own words, under the same daily cap, by a role allowed to search.
      sessions.requireAgreementRole(
          session,
          patient,
          policy.agreement().signIn().searchRoles(),
          "ROLE_MAY_NOT_OPEN_PATIENT",
          "open a patient after signing in");
    } else {
      sessions.requireAgreementRole(
          session,
          patient,
          rules.roles(),
          "ROLE_MAY_NOT_SELF_CLAIM",
          "claim a relationship with a patient the session was not launched for");
    }
    if (session.launch().launchedFor(patient)) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "RELATIONSHIP_ALREADY_ESTABLISHED",
          "Conflict",
          "This session was launched for this patient: the launch is the relationship");
    }
    String reasonCode = body == null ? null : body.reasonCode();
    if (reasonCode == null || !rules.reasons().containsKey(reasonCode)) {
      throw ProblemException.badRequest(
          "UNKNOWN_RELATIONSHIP_REASON",
          "reasonCode must be one of %s, was %s"
              .formatted(
                  rules.reasons().keySet(),
                  reasonCode == null ? "missing" : "'" + reasonCode + "'"));
    }
    String reason = body.reason() == null ? "" : body.reason().strip();
    if (reason.isEmpty() || reason.length() > MAX_REASON) {
      throw ProblemException.badRequest(
          "INVALID_RELATIONSHIP_REASON",
          "reason is mandatory: say in your own words why you are caring for this patient (at"
              + " most "
              + MAX_REASON
              + " characters)");
    }
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    DailyCap cap = new DailyCap(rules.dailyCap());
    String id;
    try {
      id =
          Transactions.inTransaction(
              dataSource,
              Connection.TRANSACTION_READ_COMMITTED,
              c -> {
                String established =
                    relationships.establish(
                        c,
                        session.launch(),
                        patient,
                        Relationship.SELF_CLAIMED,
                        reasonCode,
                        reason,
                        at);
                audit.appendWithin(
                    c,
                    AuditEvent.builder(AuditEventType.RELATIONSHIP_CLAIMED, AuditOutcome.SUCCESS)
                        .launch(session.launch())
                        .patient(patient)
                        .reason(Obligation.FLAG_FOR_IG_REVIEW.name())
                        .detail("relationshipId", established)
                        .detail("relationship", Relationship.SELF_CLAIMED.name())
                        .detail("reasonCode", reasonCode)
                        // The words the user chose, as the agreement put them at the time.
                        .detail("reasonText", rules.reasons().get(reasonCode))
                        .detail("reason", reason)
                        .detail("launchedPatient", session.launch().launchedPatientText())
                        .build());
                // After the append: the chain-head lock is held, so this count sees every claim
                // committed before this one, on any instance (DailyCap).
                cap.enforce(
                    relationships.establishedSince(
                        c,
                        session.launch().userId(),
                        Relationship.SELF_CLAIMED,
                        DailyCap.windowStart(at)),
                    at);
                return established;
              });
    } catch (DailyCap.Exceeded e) {
      throw sessions.refused(
          session,
          patient,
          ProblemException.tooManyRequests(
              "SELF_CLAIM_LIMIT",
              "The sharing agreement allows %d self-claimed relationships per user in any 24"
                      .formatted(e.cap())
                  + " hours; this user has reached that. Launch from your clinical system for"
                  + " this patient, or ask your IG team",
              e.retryAfter()));
    } catch (SQLException | RuntimeException e) {
      throw new AuditUnavailableException(
          "The relationship claim and its audit entry could not be written", e);
    }
    return HttpResponse.<ClaimedRelationship>status(HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .body(
            new ClaimedRelationship(
                id,
                patient.value(),
                Relationship.SELF_CLAIMED.name(),
                reasonCode,
                reason,
                at,
                true));
  }

  /** Who may claim from this session: self-claim roles, or for a signed-in user search roles. */
  private java.util.Set<Role> allowedRoles(GatewaySession session) {
    return session.launch().signedIn()
        ? policy.agreement().signIn().searchRoles()
        : policy.agreement().selfClaim().roles();
  }

  private static NhsNumber nhsNumber(String value) {
    try {
      return new NhsNumber(value);
    } catch (InvalidNhsNumberException e) {
      throw ProblemException.badRequest("INVALID_NHS_NUMBER", e.getMessage());
    }
  }

  /**
   * {@code POST .../relationship}.
   *
   * @param reasonCode one of the agreement's {@code selfClaim.reasons} codes
   * @param reason the user's own words, mandatory
   */
  @Serdeable
  public record ClaimRequest(@Nullable String reasonCode, @Nullable String reason) {}

  /** A relationship this session established; {@code flaggedForIgReview} is always true. */
  @Serdeable
  public record ClaimedRelationship(
      String id,
      String nhsNumber,
      String relationship,
      String reasonCode,
      String reason,
      Instant recordedAt,
      boolean flaggedForIgReview) {}

  /** What a claim form offers under the agreement in force. */
  @Serdeable
  public record ClaimOptions(
      List<ReasonOption> reasons, int dailyCap, List<String> roles, boolean allowedForThisRole) {}

  /** A coded reason and the words a user sees for it. */
  @Serdeable
  public record ReasonOption(String code, String label) {}
}
