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
import org.carelens.gateway.audit.Actor;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.cluster.CachePurges;
import org.carelens.gateway.limits.DailyCap;
import org.carelens.gateway.limits.RateLimit;
import org.carelens.gateway.limits.RateLimited;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.gateway.session.GatewaySession;
import org.carelens.gateway.session.RelationshipRegister;
import org.carelens.gateway.session.SessionGuard;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Role;
import org.carelens.policy.agreement.BreakGlassRules;
import org.carelens.policy.agreement.PermissionToViewRules;
import org.carelens.policy.consent.Relationship;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;
import org.jspecify.annotations.Nullable;

/**
 * Consent recorded at the point of care:
 *
 * <ul>
 *   <li>{@code POST /api/v1/patients/{nhsNumber}/consent/permission-to-view}: the patient's
 *       permission to view (explicit share-in, the Bradford model; PRODUCT.md rule 4). Only for the
 *       patient the session was launched for, who is present (403 {@code
 *       PERMISSION_NEEDS_LAUNCHED_PATIENT} for any other, a self-claimed one included); only by the
 *       roles in the agreement's {@code permissionToView.roles} (403 {@code
 *       ROLE_MAY_NOT_RECORD_PERMISSION}); lasting at most {@code permissionToView.maxDuration}
 *       (default 24 h; a longer {@code until} is refused, 400 {@code PERMISSION_TOO_LONG}, not
 *       silently shortened). It lets only the recording user see, unless the agreement's {@code
 *       permissionToView.scope} is {@code organisation}.
 *   <li>{@code POST /api/v1/patients/{nhsNumber}/consent/permission-to-view/{id}/revoke}: the
 *       patient withdraws a permission (or it was recorded in error). An IG officer may revoke any
 *       (a patient may tell any partner organisation, as with dissent); otherwise only a user of a
 *       role that may record permission ({@code ROLE_MAY_NOT_REVOKE_PERMISSION}), whose session has
 *       this patient ({@code PATIENT_NOT_IN_SESSION}), at the organisation that recorded it ({@code
 *       PERMISSION_OF_ANOTHER_ORGANISATION}). The permission stays in the register with the
 *       revocation; both commit with their audit entry, and the patient is purged from every source
 *       cache before the answer, so no later view is decided or served under it.
 *   <li>{@code POST /api/v1/patients/{nhsNumber}/break-glass}: emergency access with a reason from
 *       the agreement's list and the user's own words, for the agreement's duration, audited as
 *       {@code BREAK_GLASS}, queued for IG review and shown in every view while active (PRODUCT.md
 *       rule 7). Only the roles in {@code breakGlass.roles} (default clinicians; else 403 {@code
 *       ROLE_MAY_NOT_BREAK_GLASS}), at most {@code breakGlass.dailyCap} per user in any 24 hours
 *       (else 429 {@code BREAK_GLASS_LIMIT} with {@code Retry-After}); bound to this session and
 *       patient, never carried into the user's later sessions.
 * </ul>
 */
@Controller("/api/v1/patients")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "consent", description = "Permission to view and break-glass, at the point of care")
public class ConsentController {

  private final SessionGuard sessions;
  private final RelationshipRegister relationships;
  private final ConsentRegister register;
  private final AccessPolicy policy;
  private final AuditTrail audit;
  private final CachePurges purges;
  private final Clock clock;

  public ConsentController(
      SessionGuard sessions,
      RelationshipRegister relationships,
      ConsentRegister register,
      AccessPolicy policy,
      AuditTrail audit,
      CachePurges purges,
      Clock clock) {
    this.sessions = sessions;
    this.relationships = relationships;
    this.register = register;
    this.policy = policy;
    this.audit = audit;
    this.purges = purges;
    this.clock = clock;
  }

  @Post("/{nhsNumber}/consent/permission-to-view")
  @Operation(
      summary = "Record the patient's permission to view",
      description =
          "Records that the patient, present, gave permission to view their shared record, until"
              + " 'until' (default and longest: the agreement's permissionToView.maxDuration,"
              + " 24 hours by default). Only for the patient this session was launched for, and"
              + " only by the roles the agreement allows. Sources whose agreement requires explicit"
              + " share-in are shown from then on to the recording user (to their whole"
              + " organisation only if the agreement's permissionToView.scope is organisation).")
  public HttpResponse<PermissionToView> permissionToView(
      @PathVariable String nhsNumber,
      @Header("Authorization") @Nullable String authorization,
      @Body @Nullable PermissionRequest body) {
    GatewaySession session = sessions.require(authorization);
    NhsNumber patient = nhsNumber(nhsNumber);
    PermissionToViewRules rules = policy.agreement().permissionToView();
    sessions.requireAgreementRole(
        session,
        patient,
        rules.roles(),
        "ROLE_MAY_NOT_RECORD_PERMISSION",
        "record permission to view");
    if (!session.launch().launchedFor(patient)) {
      // PRODUCT.md rule 4: the patient must be present, and the only patient known to be present
      // is the one the clinical system launched for. A self-claimed or break-glass patient is not.
      throw sessions.refused(
          session,
          patient,
          ProblemException.forbidden(
              "PERMISSION_NEEDS_LAUNCHED_PATIENT",
              "Permission to view is recorded only for the patient present, the one this session"
                  + " was launched for; launch from your clinical system for this patient"));
    }
    Instant now = clock.instant();
    Duration max = rules.maxDuration();
    Instant until = body == null || body.until() == null ? now.plus(max) : body.until();
    if (!until.isAfter(now)) {
      throw ProblemException.badRequest(
          "INVALID_PERMISSION", "until must be in the future, was " + until);
    }
    if (until.isAfter(now.plus(max))) {
      throw ProblemException.badRequest(
          "PERMISSION_TOO_LONG",
          "The sharing agreement allows permission to view for at most %d hours; until may be at"
                  .formatted(max.toHours())
              + " most "
              + now.plus(max)
              + ", was "
              + until);
    }
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
                        .detail("scope", scope(rules))
                        .detail("until", written.until().toString())
                        .build()));
    return HttpResponse.<PermissionToView>status(HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .body(recorded.withScope(scope(rules)));
  }

  @Post("/{nhsNumber}/consent/permission-to-view/{id}/revoke")
  @Operation(
      summary = "Revoke a permission to view",
      description =
          "Body {\"reason\"}: the patient withdrew their permission, or it was recorded in error."
              + " From the answer on, no view is shown under it: it stays in the register with who"
              + " revoked it, when and why (audited PERMISSION_TO_VIEW_REVOKED in the same"
              + " transaction), and the patient is purged from every source cache. IG officers may"
              + " revoke any permission; other users only with a role that may record permission"
              + " (403 ROLE_MAY_NOT_REVOKE_PERMISSION), a session that has this patient (403"
              + " PATIENT_NOT_IN_SESSION) and at the organisation that recorded it (403"
              + " PERMISSION_OF_ANOTHER_ORGANISATION). 404 PERMISSION_NOT_FOUND for an id that is"
              + " not this patient's; 409 PERMISSION_ALREADY_REVOKED.")
  public HttpResponse<RevokedPermission> revokePermission(
      @PathVariable String nhsNumber,
      @PathVariable String id,
      @Header("Authorization") @Nullable String authorization,
      @Body @Nullable RevokeRequest body) {
    GatewaySession session = sessions.require(authorization);
    NhsNumber patient = nhsNumber(nhsNumber);
    Role role = session.launch().role();
    boolean ig = role == Role.IG_OFFICER || policy.agreement().audit().seesWholeFederation(role);
    if (!ig) {
      sessions.requireAgreementRole(
          session,
          patient,
          policy.agreement().permissionToView().roles(),
          "ROLE_MAY_NOT_REVOKE_PERMISSION",
          "revoke permission to view");
      sessions.requirePatient(session, patient);
    }
    String reason = body == null || body.reason() == null ? "" : body.reason().strip();
    if (reason.isEmpty() || reason.length() > 2000) {
      throw ProblemException.badRequest(
          "INVALID_REVOCATION",
          "reason is required: say why (e.g. the patient withdrew permission), at most 2000"
              + " characters");
    }
    RevokedPermission.Found found =
        register
            .permission(patient, id)
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.NOT_FOUND,
                        "PERMISSION_NOT_FOUND",
                        "Not found",
                        "No permission to view with id '" + id + "' for this patient"));
    String organisation = session.launch().organisationOds();
    if (!ig && !found.permission().organisation().equals(organisation)) {
      throw sessions.refused(
          session,
          patient,
          ProblemException.forbidden(
              "PERMISSION_OF_ANOTHER_ORGANISATION",
              "This permission was recorded at "
                  + found.permission().organisation()
                  + "; only that organisation's users or an IG officer may revoke it"));
    }
    // The revocation and its audit entry commit together (issue 6 item 4).
    RevokedPermission revoked =
        register.revokePermission(
            found.permission(),
            reason,
            Actor.of(session.launch()),
            (c, written) -> {
              audit.appendWithin(
                  c,
                  AuditEvent.builder(
                          AuditEventType.PERMISSION_TO_VIEW_REVOKED, AuditOutcome.SUCCESS)
                      .launch(session.launch())
                      .patient(patient)
                      .detail("permissionId", written.permission().id())
                      .detail("organisation", written.permission().organisation())
                      .detail("recordedBy", written.permission().recordedBy())
                      .detail("reason", reason)
                      .build());
              // Delivered to the other replicas by PostgreSQL when this transaction commits.
              purges.announceWithin(c, patient);
            });
    // Consent is decided on every view from the register, cached copies included; the purge
    // makes sure nothing fetched under the permission is served again either, on any replica.
    purges.purgeHere(patient);
    return HttpResponse.ok(revoked).header("Cache-Control", "no-store");
  }

  private static String scope(PermissionToViewRules rules) {
    return rules.scope().name().toLowerCase(java.util.Locale.ROOT);
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
                rules.reasons(),
                rules.duration().toMinutes(),
                rules.overridesDissent(),
                rules.dailyCap(),
                rules.roles().stream().map(Role::code).sorted().toList()))
        .header("Cache-Control", "no-store");
  }

  @Post("/{nhsNumber}/break-glass")
  @RateLimited(RateLimit.BREAK_GLASS)
  @Operation(
      summary = "Declare break-glass access",
      description =
          "Emergency access for this session to this patient: 'reason' must be one of the"
              + " sharing agreement's break-glass reasons and 'detail' is mandatory free text."
              + " Only the agreement's breakGlass.roles (default clinicians), at most"
              + " breakGlass.dailyCap per user in any 24 hours. Lasts the agreement's break-glass"
              + " duration, for this session only; audited as BREAK_GLASS, queued for IG review"
              + " and shown in every view while active. Does not override the patient's dissent"
              + " unless the agreement says so.")
  public HttpResponse<BreakGlassResponse> breakGlass(
      @PathVariable String nhsNumber,
      @Header("Authorization") @Nullable String authorization,
      @Body @Nullable BreakGlassRequest body) {
    // Not limited to the launched patient: for any other patient, break-glass establishes this
    // session's relationship with them (PRODUCT.md rule 1), recorded with the declaration.
    GatewaySession session = sessions.require(authorization);
    NhsNumber patient = nhsNumber(nhsNumber);
    BreakGlassRules rules = policy.agreement().breakGlass();
    sessions.requireAgreementRole(
        session, patient, rules.roles(), "ROLE_MAY_NOT_BREAK_GLASS", "declare break-glass");
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
    boolean launched = session.launch().launchedFor(patient);
    Instant now = clock.instant();
    // The declaration, the session's relationship (for another patient) and the BREAK_GLASS audit
    // entry commit together (issue 6 item 4). PRODUCT.md rule 7: NOTIFY_PRIVACY_OFFICER puts it on
    // the IG review queue.
    DailyCap cap = new DailyCap(rules.dailyCap());
    BreakGlass declared;
    try {
      declared = declare(session, patient, launched, reason, detail, rules, now, cap);
    } catch (DailyCap.Exceeded e) {
      throw sessions.refused(
          session,
          patient,
          ProblemException.tooManyRequests(
              "BREAK_GLASS_LIMIT",
              "The sharing agreement allows %d break-glass declarations per user in any 24"
                      .formatted(e.cap())
                  + " hours; this user has reached that. Contact your IG team or the service's"
                  + " on-call manager",
              e.retryAfter()));
    }
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

  private BreakGlass declare(
      GatewaySession session,
      NhsNumber patient,
      boolean launched,
      String reason,
      String detail,
      BreakGlassRules rules,
      Instant now,
      DailyCap cap) {
    return register.declareBreakGlass(
        patient,
        session.launch(),
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
                    null,
                    written.reason() + ": " + written.detail(),
                    now);
            event
                .detail("relationshipId", relationship)
                .detail("launchedPatient", session.launch().launchedPatientText());
          }
          audit.appendWithin(c, event.build());
          // After the append: the chain-head lock is held, so this count sees every
          // declaration committed before this one, on any instance (DailyCap).
          cap.enforce(
              ConsentRegister.breakGlassSince(
                  c, session.launch().userId(), DailyCap.windowStart(written.startedAt())),
              written.startedAt());
        });
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
   * @param until when the permission lapses; default and at most now plus the agreement's {@code
   *     permissionToView.maxDuration}
   */
  @Serdeable
  public record PermissionRequest(@Nullable Instant until) {}

  /** {@code POST .../consent/permission-to-view/{id}/revoke}. */
  @Serdeable
  public record RevokeRequest(@Nullable String reason) {}

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

  /** What a break-glass form offers under the agreement in force, and who may use it. */
  @Serdeable
  public record BreakGlassOptions(
      List<String> reasons,
      long durationMinutes,
      boolean overridesDissent,
      int dailyCap,
      List<String> roles) {}
}
