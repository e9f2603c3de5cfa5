package org.carelens.gateway.session;

import jakarta.inject.Singleton;
import java.util.Set;
import org.carelens.gateway.audit.AnonymousRefusals;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.audit.RequestFacts;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.policy.Role;
import org.carelens.sdk.model.NhsNumber;
import org.jspecify.annotations.Nullable;

/**
 * The checks every session-protected endpoint makes, each refusal audited before it is answered: a
 * missing, unknown or expired session token (401, {@code TOKEN_REJECTED}, audited in aggregate per
 * client address by {@link AnonymousRefusals} since the caller is unidentified), a request for a
 * patient other than the launched one with whom the session has established no relationship (403,
 * {@code POLICY_DENIAL}), a role that may not use the endpoint (403, {@code POLICY_DENIAL}). Other
 * refusals of a valid session (a role the agreement does not allow, a daily cap) are audited the
 * same way through {@link #refused}.
 */
@Singleton
public class SessionGuard {

  private final SessionStore sessions;
  private final RelationshipRegister relationships;
  private final AuditTrail audit;
  private final AnonymousRefusals anonymous;

  public SessionGuard(
      SessionStore sessions,
      RelationshipRegister relationships,
      AuditTrail audit,
      AnonymousRefusals anonymous) {
    this.sessions = sessions;
    this.relationships = relationships;
    this.audit = audit;
    this.anonymous = anonymous;
  }

  /**
   * The live session named by an {@code Authorization: Bearer} header.
   *
   * @throws ProblemException 401 when there is none
   */
  public GatewaySession require(@Nullable String authorization) {
    String token;
    try {
      token = BearerToken.from(authorization);
    } catch (ProblemException e) {
      anonymous.refused(refusal(AuditEventType.TOKEN_REJECTED, e.code()));
      throw e;
    }
    return sessions
        .find(token)
        .orElseThrow(
            () -> {
              anonymous.refused(refusal(AuditEventType.TOKEN_REJECTED, "SESSION_EXPIRED"));
              return ProblemException.unauthorized(
                  "SESSION_EXPIRED", "The session is unknown or has expired; launch again");
            });
  }

  /**
   * Refuses a request for any patient but the one the session was launched for, unless the session
   * has established a relationship with that patient (self-claimed with a reason, or break-glass;
   * see {@link RelationshipRegister}).
   *
   * @throws ProblemException 403 {@code PATIENT_NOT_IN_SESSION}
   */
  public void requirePatient(GatewaySession session, NhsNumber patient) {
    if (!session.launch().launchedFor(patient)
        && relationships.established(session.launch(), patient).isEmpty()) {
      audit.appendRefusal(
          refusal(AuditEventType.POLICY_DENIAL, "PATIENT_NOT_IN_SESSION")
              .launch(session.launch())
              .patient(patient)
              .detail("launchedPatient", session.launch().launchedPatientText())
              .build());
      throw ProblemException.forbidden(
          "PATIENT_NOT_IN_SESSION",
          session.launch().signedIn()
              ? "You signed in without a patient: say why you are caring for this patient first"
                  + " (POST .../relationship with a coded reason and your own words)"
              : "This session was launched for a different patient; launch again for this"
                  + " patient, or establish a relationship with them (POST .../relationship with a"
                  + " reason, or break-glass)");
    }
  }

  /**
   * Refuses a session whose role is not {@code role}.
   *
   * @param what the function asked for, for the message and the audit
   * @throws ProblemException 403 {@code ROLE_NOT_PERMITTED}
   */
  public void requireRole(GatewaySession session, Role role, String what) {
    if (session.launch().role() != role) {
      audit.appendRefusal(
          refusal(AuditEventType.POLICY_DENIAL, "ROLE_NOT_PERMITTED")
              .launch(session.launch())
              .detail("function", what)
              .detail("requiredRole", role.code())
              .build());
      throw ProblemException.forbidden(
          "ROLE_NOT_PERMITTED",
          "Only the "
              + role.code()
              + " role may use "
              + what
              + "; this session's role is "
              + session.launch().role().code());
    }
  }

  /**
   * Refuses a session whose role is not one the sharing agreement allows for {@code what}.
   *
   * @param patient the patient asked about, for the audit entry
   * @param code the refusal's own reason code, e.g. {@code ROLE_MAY_NOT_SELF_CLAIM}
   * @throws ProblemException 403 {@code code}
   */
  public void requireAgreementRole(
      GatewaySession session, NhsNumber patient, Set<Role> allowed, String code, String what) {
    Role role = session.launch().role();
    if (!allowed.contains(role)) {
      throw refused(
          session,
          patient,
          ProblemException.forbidden(
              code,
              "The sharing agreement allows only %s to %s; this session's role is %s"
                  .formatted(
                      allowed.stream().map(Role::code).sorted().toList(), what, role.code())));
    }
  }

  /**
   * Audits {@code refusal} of a valid session's request as a {@code POLICY_DENIAL} with its code,
   * and returns it for the caller to throw.
   */
  public ProblemException refused(
      GatewaySession session, @Nullable NhsNumber patient, ProblemException refusal) {
    AuditEvent.Builder event =
        refusal(AuditEventType.POLICY_DENIAL, refusal.code())
            .launch(session.launch())
            .detail("status", refusal.status().getCode())
            .detail("message", refusal.detail());
    if (patient != null) {
      event.patient(patient);
    }
    audit.appendRefusal(event.build());
    return refusal;
  }

  private static AuditEvent.Builder refusal(AuditEventType type, String reasonCode) {
    return AuditEvent.builder(type, AuditOutcome.REFUSED)
        .reason(reasonCode)
        .detail("request", RequestFacts.current());
  }
}
