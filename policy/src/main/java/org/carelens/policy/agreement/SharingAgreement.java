package org.carelens.policy.agreement;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.carelens.policy.Role;
import org.carelens.policy.RoleSectionMatrix;
import org.carelens.sdk.model.Sensitivity;

/**
 * One version of a deployment's sharing agreement.
 *
 * @param sources what each source shares; a source absent here shares nothing (fail closed)
 * @param roles which sections each role may see at all
 * @param sensitive for each sensitivity label, the roles that may see items carrying it; a label
 *     absent here is visible to no role
 * @param breakGlass what break-glass may do and who may declare it
 * @param selfClaim who may claim a relationship with a patient the session was not launched for
 * @param permissionToView who may record the patient's permission to view, how long it lasts and
 *     whom it lets see
 * @param audit whose audit entries each IG role may read
 */
public record SharingAgreement(
    String id,
    int version,
    Optional<LocalDate> effective,
    Set<String> organisationTypes,
    Map<String, SourceSharing> sources,
    RoleSectionMatrix roles,
    Map<Sensitivity, Set<Role>> sensitive,
    BreakGlassRules breakGlass,
    SelfClaimRules selfClaim,
    PermissionToViewRules permissionToView,
    AuditScopeRules audit) {

  public SharingAgreement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(effective, "effective");
    organisationTypes = Set.copyOf(organisationTypes);
    sources = Map.copyOf(sources);
    Objects.requireNonNull(roles, "roles");
    sensitive = Map.copyOf(sensitive);
    Objects.requireNonNull(breakGlass, "breakGlass");
    Objects.requireNonNull(selfClaim, "selfClaim");
    Objects.requireNonNull(permissionToView, "permissionToView");
    Objects.requireNonNull(audit, "audit");
  }

  public Optional<SourceSharing> source(String sourceId) {
    return Optional.ofNullable(sources.get(sourceId));
  }
}
