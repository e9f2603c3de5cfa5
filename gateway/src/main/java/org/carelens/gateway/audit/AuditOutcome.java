package org.carelens.gateway.audit;

/** Whether the audited request was served. */
public enum AuditOutcome {
  /** The request was served. */
  SUCCESS,
  /** The request was refused; the entry's reason code says why. */
  REFUSED
}
