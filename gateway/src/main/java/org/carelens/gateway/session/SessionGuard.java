package org.carelens.gateway.session;

import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.EnumSet;
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
 * {@code POLICY_DENIAL}), a role that may not use the endpoint (403, {@code POLICY_DENIAL}).
 */
@Singleton
public class SessionGuard {

  /** The roles that give direct care, the only purpose Carelens serves (PRODUCT.md rule 1). */
  public static final Set<Role> DIRECT_CARE =
      Collections.unmodifiableSet(EnumSet.of(Role.CLINICIAN, Role.PHARMACIST, Role.SOCIAL_WORKER));

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
    if (!patient.equals(session.launch().nhsNumber())
        && relationships.established(session.launch(), patient).isEmpty()) {
      audit.appendRefusal(
          refusal(AuditEventType.POLICY_DENIAL, "PATIENT_NOT_IN_SESSION")
              .launch(session.launch())
              .patient(patient)
              .detail("launchedPatient", session.launch().nhsNumber().value())
              .build());
      throw ProblemException.forbidden(
          "PATIENT_NOT_IN_SESSION",
          "This session was launched for a different patient; launch again for this patient,"
              + " or establish a relationship with them (POST .../relationship with a reason, or"
              + " break-glass)");
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
   * Refuses a session whose role does not give direct care.
   *
   * @param what the function asked for, for the message and the audit
   * @throws ProblemException 403 {@code ROLE_NOT_PERMITTED}
   */
  public void requireDirectCare(GatewaySession session, String what) {
    if (!DIRECT_CARE.contains(session.launch().role())) {
      audit.appendRefusal(
          refusal(AuditEventType.POLICY_DENIAL, "ROLE_NOT_PERMITTED")
              .launch(session.launch())
              .detail("function", what)
              .build());
      throw ProblemException.forbidden(
          "ROLE_NOT_PERMITTED",
          "Only direct-care roles %s may record %s; this session's role is %s"
              .formatted(
                  DIRECT_CARE.stream().map(Role::code).toList(),
                  what,
                  session.launch().role().code()));
    }
  }

  private static AuditEvent.Builder refusal(AuditEventType type, String reasonCode) {
    return AuditEvent.builder(type, AuditOutcome.REFUSED)
        .reason(reasonCode)
        .detail("request", RequestFacts.current());
  }
}
