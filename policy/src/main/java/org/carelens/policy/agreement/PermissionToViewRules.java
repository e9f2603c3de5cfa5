package org.carelens.policy.agreement;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.carelens.policy.Role;

/**
 * Who may record the patient's permission to view (explicit share-in, the Bradford model), for how
 * long, and whom it lets see (PRODUCT.md rule 4). Permission is only ever recorded for the patient
 * who is present, i.e. the patient the session was launched for.
 *
 * @param roles the roles that may record it; by default every direct-care role
 * @param maxDuration the longest a permission may last; by default 24 hours
 * @param scope whom a permission lets see: by default only the user who recorded it
 */
public record PermissionToViewRules(Set<Role> roles, Duration maxDuration, Scope scope) {

  /** Direct-care roles, the only ones that see a patient at the point of care. */
  public static final Set<Role> DEFAULT_ROLES =
      Set.of(Role.CLINICIAN, Role.PHARMACIST, Role.SOCIAL_WORKER);

  /** PRODUCT.md rule 4: at most the agreement's duration, default 24 h. */
  public static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(24);

  /** Whom a recorded permission lets see the sources that need it. */
  public enum Scope {
    /** Only the user who recorded it: a permission never widens what a colleague sees. */
    USER,
    /** Every user of the recording user's organisation, as the agreement explicitly allows. */
    ORGANISATION
  }

  public PermissionToViewRules {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    Objects.requireNonNull(maxDuration, "maxDuration");
    Objects.requireNonNull(scope, "scope");
    if (maxDuration.isNegative() || maxDuration.isZero()) {
      throw new IllegalArgumentException(
          "permissionToView.maxDuration must be positive, was " + maxDuration);
    }
  }

  /** Direct-care roles, 24 hours, bound to the recording user. */
  public static PermissionToViewRules defaults() {
    return new PermissionToViewRules(DEFAULT_ROLES, DEFAULT_MAX_DURATION, Scope.USER);
  }
}
