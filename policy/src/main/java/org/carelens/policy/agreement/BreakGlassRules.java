package org.carelens.policy.agreement;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What break-glass may do under this agreement.
 *
 * @param overridesDissent whether break-glass shows sources the patient dissented from (PRODUCT.md
 *     rule 2: dissent is respected even under break-glass unless the agreement says otherwise)
 * @param duration how long a declaration lasts
 * @param reasons the reasons a user must choose from
 */
public record BreakGlassRules(boolean overridesDissent, Duration duration, List<String> reasons) {

  public BreakGlassRules {
    Objects.requireNonNull(duration, "duration");
    reasons = List.copyOf(reasons);
  }
}
