package org.carelens.gateway.consent;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.carelens.gateway.audit.Actor;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.limits.RateLimit;
import org.carelens.gateway.limits.RateLimited;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.gateway.session.GatewaySession;
import org.carelens.gateway.session.RelationshipRegister;
import org.carelens.gateway.session.SessionGuard;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Role;
import org.carelens.policy.agreement.BreakGlassRules;
import org.carelens.policy.consent.Relationship;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;
import org.jspecify.annotations.Nullable;

/**
 * Consent recorded at the point of care by the launched user, for the launched patient:
 *
 * <ul>
 *   <li>{@code POST /api/v1/patients/{nhsNumber}/consent/permission-to-view}: the patient's
 *       permission for the user's organisation to view (explicit share-in, the Bradford model);
 *   <li>{@code POST /api/v1/patients/{nhsNumber}/break-glass}: emergency access with a reason from
 *       the agreement's list and the user's own words, for the agreement's duration, audited as
 *       {@code BREAK_GLASS} and shown in every view while active (PRODUCT.md rule 7).
 * </ul>
 *
 * Only direct-care roles (clinician, pharmacist, social worker) may record either.
 */
@Controller("/api/v1/patients")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "consent", description = "Permission to view and break-glass, at the point of care")
public class ConsentController {

  static final Set<Role> DIRECT_CARE = SessionGuard.DIRECT_CARE;

  /** Longest permission to view that may be recorded in one go. */
  static final Duration MAX_PERMISSION = Duration.ofDays(366);

  private final SessionGuard sessions;
  private final RelationshipRegister relationships;
  private final ConsentRegister register;
  private final AccessPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration permissionLifetime;

  public ConsentController(
      SessionGuard sessions,
      RelationshipRegister relationships,
      ConsentRegister register,
      AccessPolicy policy,
      AuditTrail audit,
      Clock clock,
      org.carelens.gateway.policy.PolicyProperties properties) {
    this.sessions = sessions;
    this.relationships = relationships;
    this.register = register;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
    this.permissionLifetime = properties.getPermissionLifetime();
  }

  @Post("/{nhsNumber}/consent/permission-to-view")
  @Operation(
      summary = "Record the patient's permission to view",
      description =
          "Records that the patient gave the launched user's organisation permission to view"
              + " their shared record, until 'until' (default carelens.policy.permission-lifetime)."
              + " Sources whose agreement requires explicit share-in are shown from then on.")
  public HttpResponse<PermissionToView> permissionToView(
      @PathVariable String nhsNumber,
      @Header("Authorization") @Nullable String authorization,
      @Body @Nullable PermissionRequest body) {
    GatewaySession session = directCare(authorization, nhsNumber, "permission to view");
    Instant now = clock.instant();
    Instant until =
        body == null || body.until() == null ? now.plus(permissionLifetime) : body.until();
    if (!until.isAfter(now) || until.isAfter(now.plus(MAX_PERMISSION))) {
      throw ProblemException.badRequest(
          "INVALID_PERMISSION",
          "until must be in the future and at most %d days ahead, was %s"
              .formatted(MAX_PERMISSION.toDays(), until));
    }
    NhsNumber patient = nhsNumber(nhsNumber);
    // The permission and its audit entry commit together (issue 6 item 4).
    PermissionToView recorded =
        register.recordPermission(
            patient,
            Actor.of(session.launch()),
            until,
            (c, written) ->
                audit.appendWithin(
                    c,
                    AuditEvent.builder(AuditEventType.PERMISSION_TO_VIEW, AuditOutcome.SUCCESS)
                        .launch(session.launch())
                        .patient(patient)
                        .detail("permissionId", written.id())
                        .detail("organisation", written.organisation())
                        .detail("until", written.until().toString())
                        .build()));
    return HttpResponse.<PermissionToView>status(HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .body(recorded);
  }

  @Get("/{nhsNumber}/break-glass")
  @Operation(
      summary = "Break-glass options",
      description =
          "The reasons a break-glass declaration must choose from, how long it lasts and whether"
              + " it overrides dissent, under the sharing agreement in force.")
  public HttpResponse<BreakGlassOptions> breakGlassOptions(
      @PathVariable String nhsNumber, @Header("Authorization") @Nullable String authorization) {
    // Any patient: break-glass is also how a session reaches a patient it was not launched for.
    sessions.require(authorization);
    nhsNumber(nhsNumber);
    BreakGlassRules rules = policy.agreement().breakGlass();
    return HttpResponse.ok(
            new BreakGlassOptions(
                rules.reasons(), rules.duration().toMinutes(), rules.overridesDissent()))
        .header("Cache-Control", "no-store");
  }

  @Post("/{nhsNumber}/break-glass")
  @RateLimited(RateLimit.BREAK_GLASS)
  @Operation(
      summary = "Declare break-glass access",
      description =
          "Emergency access for the launched user to the launched patient: 'reason' must be one"
              + " of the sharing agreement's break-glass reasons and 'detail' is mandatory free"
              + " text. Lasts the agreement's break-glass duration; audited as BREAK_GLASS and"
              + " shown in every view while active. Does not override the patient's dissent"
              + " unless the agreement says so.")
  public HttpResponse<BreakGlassResponse> breakGlass(
      @PathVariable String nhsNumber,
      @Header("Authorization") @Nullable String authorization,
      @Body @Nullable BreakGlassRequest body) {
    // Not limited to the launched patient: for any other patient, break-glass establishes this
    // session's relationship with them (PRODUCT.md rule 1), recorded with the declaration.
    GatewaySession session = sessions.require(authorization);
    NhsNumber patient = nhsNumber(nhsNumber);
    sessions.requireDirectCare(session, "break-glass");
    BreakGlassRules rules = policy.agreement().breakGlass();
    String reason = body == null ? null : body.reason();
    String detail = body == null || body.detail() == null ? "" : body.detail().strip();
    if (reason == null || !rules.reasons().contains(reason)) {
      throw ProblemException.badRequest(
          "INVALID_BREAK_GLASS_REASON",
          "reason must be one of %s, was %s"
              .formatted(rules.reasons(), reason == null ? "missing" : "'" + reason + "'"));
    }
    if (detail.isEmpty() || detail.length() > 2000) {
      throw ProblemException.badRequest(
          "INVALID_BREAK_GLASS_DETAIL",
          "detail is mandatory: say in your own words why emergency access is needed (at most"
              + " 2000 characters)");
    }
    boolean launched = patient.equals(session.launch().nhsNumber());
    Instant now = clock.instant();
    // The declaration, the session's relationship (for another patient) and the BREAK_GLASS audit
    // entry commit together (issue 6 item 4). PRODUCT.md rule 7: NOTIFY_PRIVACY_OFFICER puts it on
    // the IG review queue.
    BreakGlass declared =
        register.declareBreakGlass(
            patient,
            Actor.of(session.launch()),
            reason,
            detail,
            policy.agreement().id() + " v" + policy.agreement().version(),
            rules.duration(),
            (c, written) -> {
              AuditEvent.Builder event =
                  AuditEvent.builder(AuditEventType.BREAK_GLASS, AuditOutcome.SUCCESS)
                      .launch(session.launch())
                      .patient(patient)
                      .reason("NOTIFY_PRIVACY_OFFICER")
                      .detail("breakGlassId", written.id())
                      .detail("reason", written.reason())
                      .detail("detail", written.detail())
                      .detail("startedAt", written.startedAt().toString())
                      .detail("expiresAt", written.expiresAt().toString())
                      .detail("overridesDissent", rules.overridesDissent());
              if (!launched) {
                String relationship =
                    relationships.establish(
                        c,
                        session.launch(),
                        patient,
                        Relationship.BREAK_GLASS,
                        written.reason() + ": " + written.detail(),
                        now);
                event
                    .detail("relationshipId", relationship)
                    .detail("launchedPatient", session.launch().nhsNumber().value());
              }
              audit.appendWithin(c, event.build());
            });
    return HttpResponse.<BreakGlassResponse>status(HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .body(
            new BreakGlassResponse(
                declared.id(),
                true,
                declared.reason(),
                declared.startedAt(),
                declared.expiresAt(),
                rules.overridesDissent()));
  }

  /**
   * The session, for its own patient or one it has established a relationship with, in a
   * direct-care role; each refusal audited.
   */
  private GatewaySession directCare(
      @Nullable String authorization, String nhsNumber, String function) {
    GatewaySession session = sessions.require(authorization);
    sessions.requirePatient(session, nhsNumber(nhsNumber));
    sessions.requireDirectCare(session, function);
    return session;
  }

  private static NhsNumber nhsNumber(String value) {
    try {
      return new NhsNumber(value);
    } catch (InvalidNhsNumberException e) {
      throw ProblemException.badRequest("INVALID_NHS_NUMBER", e.getMessage());
    }
  }

  /**
   * {@code POST .../consent/permission-to-view}.
   *
   * @param until when the permission lapses; default now plus {@code
   *     carelens.policy.permission-lifetime}
   */
  @Serdeable
  public record PermissionRequest(@Nullable Instant until) {}

  /** {@code POST .../break-glass}. */
  @Serdeable
  public record BreakGlassRequest(@Nullable String reason, @Nullable String detail) {}

  /** A declared break-glass. */
  @Serdeable
  public record BreakGlassResponse(
      String id,
      boolean active,
      String reason,
      Instant startedAt,
      Instant expiresAt,
      boolean overridesDissent) {}

  /** What a break-glass form offers under the agreement in force. */
  @Serdeable
  public record BreakGlassOptions(
      List<String> reasons, long durationMinutes, boolean overridesDissent) {}
}
