package org.carelens.policy.consent;

/**
 * How the viewer's legitimate relationship with the patient was established (PRODUCT.md rule 1).
 */
public enum Relationship {
  /** Launched in context from a trusted clinical system with the patient already chosen. */
  LAUNCHED_IN_CONTEXT,
  /** Claimed by the viewer with a reason; flagged for IG review. */
  SELF_CLAIMED,
  /** Emergency access with a mandatory reason, time-limited and audited. */
  BREAK_GLASS
}
