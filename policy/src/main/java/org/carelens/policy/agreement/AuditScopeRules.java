package org.carelens.policy.agreement;

import java.util.EnumSet;
import java.util.Set;
import org.carelens.policy.Role;

/**
 * Whose audit trail an information-governance role may read (issue 10, "IG scope"). An {@code
 * ig-officer} sees the entries of their own organisation's users and of patients registered with
 * their organisation. The roles listed here see the whole federation's trail.
 *
 * @param federationRoles the IG roles that audit every organisation; empty unless the agreement
 *     names them, so no one sees the whole federation by default
 */
public record AuditScopeRules(Set<Role> federationRoles) {

  /** The roles that may read audit at all, in some scope. */
  public static final Set<Role> IG_ROLES = Set.of(Role.IG_OFFICER, Role.FEDERATION_IG);

  public AuditScopeRules {
    federationRoles =
        federationRoles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(federationRoles));
    for (Role role : federationRoles) {
      if (!IG_ROLES.contains(role)) {
        throw new IllegalArgumentException(
            "audit.federationRoles: only ig-officer or federation-ig may audit the whole"
                + " federation, not "
                + role.code());
      }
    }
  }

  /** No role sees the whole federation. */
  public static AuditScopeRules defaults() {
    return new AuditScopeRules(Set.of());
  }

  /** Whether {@code role} may read audit at all. */
  public boolean isIgRole(Role role) {
    return IG_ROLES.contains(role);
  }

  /** Whether {@code role} reads every organisation's audit entries. */
  public boolean seesWholeFederation(Role role) {
    return federationRoles.contains(role);
  }
}
