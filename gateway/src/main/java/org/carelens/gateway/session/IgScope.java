package org.carelens.gateway.session;

import jakarta.inject.Singleton;
import org.carelens.gateway.audit.AuditScope;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Role;
import org.carelens.policy.agreement.AuditScopeRules;
import org.jspecify.annotations.Nullable;

/**
 * Who may use the IG functions, and over which part of the audit trail (issue 10, IG scope): an
 * {@code ig-officer} audits their own organisation's users and patients registered with their
 * organisation; a role the sharing agreement names in {@code audit.federationRoles} (the demo's
 * {@code federation-ig}) audits everyone. Every other role is refused, 403 {@code
 * ROLE_NOT_PERMITTED}, audited.
 */
@Singleton
public class IgScope {

  private final SessionGuard sessions;
  private final AuditScopeRules rules;

  public IgScope(SessionGuard sessions, AccessPolicy policy) {
    this.sessions = sessions;
    this.rules = policy.agreement().audit();
  }

  /** A session for an IG function, and its scope. */
  public record Granted(GatewaySession session, AuditScope scope) {}

  /**
   * The session behind {@code authorization} if its role may use {@code what}, with its scope.
   *
   * @throws ProblemException 401 for no valid session, 403 {@code ROLE_NOT_PERMITTED} for a role
   *     that is not an IG role, or {@code federation-ig} when the agreement does not name it
   */
  public Granted require(@Nullable String authorization, String what) {
    GatewaySession session = sessions.require(authorization);
    Role role = session.launch().role();
    if (rules.seesWholeFederation(role)) {
      return new Granted(session, AuditScope.federation());
    }
    // federation-ig that the agreement does not name falls through to the ig-officer check and is
    // refused: its organisation scope was never agreed.
    sessions.requireRole(session, Role.IG_OFFICER, what);
    return new Granted(session, AuditScope.organisation(session.launch().organisationOds()));
  }
}
