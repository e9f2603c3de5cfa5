package org.carelens.policy.agreement;

/** The viewer-side consent model for a source (Bradford's "share in"). */
public enum ShareIn {
  /** Consent is implied by the direct-care relationship. */
  IMPLIED,
  /** The patient's permission to view must be recorded at the point of care first. */
  EXPLICIT
}
