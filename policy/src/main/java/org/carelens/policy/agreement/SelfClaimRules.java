package org.carelens.policy.agreement;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.carelens.policy.Role;

/**
 * Who may claim a legitimate relationship with a patient their session was not launched for, and
 * why (PRODUCT.md rule 1: "self-claim with a coded reason, only roles the agreement allows, capped
 * per user per day, each on an IG review queue").
 *
 * @param roles the roles that may self-claim; by default clinicians only
 * @param reasons the coded reasons a claim must choose from, code to the words a user sees, in the
 *     agreement's order; a claim also carries the user's own words
 * @param dailyCap how many claims one user may make in any 24 hours; the next is refused
 */
public record SelfClaimRules(Set<Role> roles, Map<String, String> reasons, int dailyCap) {

  /** Clinicians only, unless the agreement lists other roles. */
  public static final Set<Role> DEFAULT_ROLES = Set.of(Role.CLINICIAN);

  /** Claims per user in any 24 hours, unless the agreement says otherwise. */
  public static final int DEFAULT_DAILY_CAP = 10;

  /** The reasons offered when the agreement lists none. */
  public static final Map<String, String> DEFAULT_REASONS = defaultReasons();

  public SelfClaimRules {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("selfClaim.reasons must list at least one reason");
    }
    if (dailyCap < 1) {
      throw new IllegalArgumentException("selfClaim.dailyCap must be 1 or more, was " + dailyCap);
    }
  }

  /** Clinicians only, the default reasons, ten a day. */
  public static SelfClaimRules defaults() {
    return new SelfClaimRules(DEFAULT_ROLES, DEFAULT_REASONS, DEFAULT_DAILY_CAP);
  }

  private static Map<String, String> defaultReasons() {
    Map<String, String> reasons = new LinkedHashMap<>();
    reasons.put("covering-colleague", "Covering for a colleague's patient");
    reasons.put("referral-received", "Referral or handover received");
    reasons.put("patient-on-caseload", "Patient on my ward, clinic or caseload");
    reasons.put("patient-present", "Patient present, not yet in my clinical system");
    return java.util.Collections.unmodifiableMap(reasons);
  }
}
