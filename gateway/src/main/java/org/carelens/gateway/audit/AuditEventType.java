package org.carelens.gateway.audit;

/**
 * What happened. Stored by name; entries are read back as strings, so a newer gateway may add types
 * without breaking older readers or the chain.
 */
public enum AuditEventType {
  /** A launch token was verified and exchanged for a session. */
  LAUNCH_ACCEPTED,
  /** A launch token (or the lack of one) was refused at the session exchange. */
  LAUNCH_REJECTED,
  /** A gateway session token was missing, unknown or expired on an API call. */
  TOKEN_REJECTED,
  /** A patient record view left the gateway. */
  RECORD_VIEW,
  /** A valid session asked for something its user may not have (another patient, IG functions). */
  POLICY_DENIAL,
  /** An IG officer searched the audit trail or produced a patient access report. */
  AUDIT_SEARCH,
  /** An IG officer verified the audit chain. */
  AUDIT_VERIFY
}
