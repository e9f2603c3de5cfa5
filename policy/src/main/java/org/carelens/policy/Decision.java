package org.carelens.policy;

import java.util.Objects;
import java.util.Set;

/**
 * The outcome of one access decision. Fail closed: callers show data only for {@link Permit}.
 * Either kind may carry obligations the caller must honour (a banner to show, an audit flag).
 */
public sealed interface Decision {

  /** The generic notice shown where anything was withheld; it never says what or how much. */
  String WITHHELD_NOTICE = "Items excluded due to confidentiality and/or patient preferences";

  boolean permitted();

  /** The rule that decided. */
  String ruleId();

  /** What the caller must do alongside the decision. */
  Set<Obligation> obligations();

  /** Access is permitted by the named rule. */
  record Permit(String ruleId, Set<Obligation> obligations) implements Decision {
    public Permit {
      Objects.requireNonNull(ruleId, "ruleId");
      obligations = Set.copyOf(obligations);
    }

    public Permit(String ruleId) {
      this(ruleId, Set.of());
    }

    @Override
    public boolean permitted() {
      return true;
    }
  }

  /**
   * Access is withheld.
   *
   * @param reasonCode stable machine-readable code, e.g. {@code ROLE_NOT_PERMITTED}
   * @param reason plain-English reason for audit and IG review (not shown to the viewer as detail)
   * @param ruleId the rule that fired
   */
  record Withhold(String reasonCode, String reason, String ruleId, Set<Obligation> obligations)
      implements Decision {
    public Withhold {
      Objects.requireNonNull(reasonCode, "reasonCode");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(ruleId, "ruleId");
      obligations = Set.copyOf(obligations);
    }

    public Withhold(String reasonCode, String reason, String ruleId) {
      this(reasonCode, reason, ruleId, Set.of());
    }

    @Override
    public boolean permitted() {
      return false;
    }
  }
}
