package org.carelens.policy.agreement;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.carelens.policy.Role;

/**
 * What break-glass may do under this agreement, and who may declare it (PRODUCT.md rule 7).
 *
 * @param overridesDissent whether break-glass shows sources the patient dissented from (PRODUCT.md
 *     rule 2: dissent is respected even under break-glass unless the agreement says otherwise)
 * @param duration how long a declaration lasts
 * @param reasons the reasons a user must choose from
 * @param roles the roles that may declare break-glass; by default clinicians only
 * @param dailyCap how many declarations one user may make in any 24 hours; the next is refused
 */
public record BreakGlassRules(
    boolean overridesDissent,
    Duration duration,
    List<String> reasons,
    Set<Role> roles,
    int dailyCap) {

  /** Clinicians only, unless the agreement lists other roles. */
  public static final Set<Role> DEFAULT_ROLES = Set.of(Role.CLINICIAN);

  /** Declarations per user in any 24 hours, unless the agreement says otherwise. */
  public static final int DEFAULT_DAILY_CAP = 10;

  public BreakGlassRules {
    Objects.requireNonNull(duration, "duration");
    reasons = List.copyOf(reasons);
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    if (dailyCap < 1) {
      throw new IllegalArgumentException("breakGlass.dailyCap must be 1 or more, was " + dailyCap);
    }
  }

  /** The default roles and cap. */
  public BreakGlassRules(boolean overridesDissent, Duration duration, List<String> reasons) {
    this(overridesDissent, duration, reasons, DEFAULT_ROLES, DEFAULT_DAILY_CAP);
  }
}
