package org.carelens.sdk.model;

/**
 * Sensitivity labels that policy uses to withhold items unless the viewer's role and relationship
 * allow them (PRODUCT.md, "Sensitive data").
 */
public enum Sensitivity {
  SEXUAL_HEALTH,
  HIV,
  IVF,
  GENDER_IDENTITY,
  TERMINATION,
  MENTAL_HEALTH_NOTES,
  SAFEGUARDING_DETAIL
}
