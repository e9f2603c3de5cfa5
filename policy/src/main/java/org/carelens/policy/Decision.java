package org.carelens.policy;

import java.util.Objects;

/** The outcome of one access decision. Fail closed: callers show data only for {@link Permit}. */
public sealed interface Decision {

  /** The generic notice shown where anything was withheld; it never says what or how much. */
  String WITHHELD_NOTICE = "Items excluded due to confidentiality and/or patient preferences";

  boolean permitted();

  /** Access is permitted by the named rule. */
  record Permit(String ruleId) implements Decision {
    public Permit {
      Objects.requireNonNull(ruleId, "ruleId");
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
  record Withhold(String reasonCode, String reason, String ruleId) implements Decision {
    public Withhold {
      Objects.requireNonNull(reasonCode, "reasonCode");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(ruleId, "ruleId");
    }

    @Override
    public boolean permitted() {
      return false;
    }
  }
}
