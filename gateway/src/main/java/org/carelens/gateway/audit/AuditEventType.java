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
  /** A document's content was opened; committed before the content leaves the gateway. */
  DOCUMENT_VIEW,
  /** A valid session asked for something its user may not have (another patient, IG functions). */
  POLICY_DENIAL,
  /** An IG officer searched the audit trail or produced a patient access report. */
  AUDIT_SEARCH,
  /** An IG officer verified the audit chain. */
  AUDIT_VERIFY,
  /** A user declared break-glass (emergency) access to a patient; alerts the privacy officer. */
  BREAK_GLASS,
  /**
   * A user claimed a legitimate relationship with a patient other than the launched one, giving a
   * reason (PRODUCT.md rule 1); flagged for IG review.
   */
  RELATIONSHIP_CLAIMED,
  /**
   * An IG officer acknowledged a break-glass entry on the review queue; {@code details.breakGlass}
   * names its sequence number. Appended, never an edit of the break-glass entry.
   */
  BREAK_GLASS_ACKNOWLEDGED,
  /**
   * An IG officer acknowledged a self-claimed relationship on the review queue; {@code
   * details.claimSequence} names the {@code RELATIONSHIP_CLAIMED} entry. Appended, never an edit.
   */
  RELATIONSHIP_CLAIM_ACKNOWLEDGED,
  /** A user recorded the patient's permission to view, given at the point of care. */
  PERMISSION_TO_VIEW,
  /**
   * A user or IG officer revoked a permission to view ({@code details.permissionId}); the register
   * keeps the permission with the revocation.
   */
  PERMISSION_TO_VIEW_REVOKED,
  /** An IG officer registered a patient's dissent (whole record or one source). */
  DISSENT_REGISTERED,
  /** An IG officer revoked a dissent (the register keeps it, with the revocation). */
  DISSENT_REVOKED,
  /** An IG officer read the dissent register. */
  DISSENT_REGISTER_READ,
  /** An IG officer previewed what a viewer would see under a sharing agreement. */
  POLICY_PREVIEW,
  /** A user signed in (NHS CIS2 ID token): a session bound to no patient was opened. */
  SIGN_IN_ACCEPTED,
  /** An ID token was refused; the reason code says which check refused it. */
  SIGN_IN_REJECTED,
  /** A session was ended by its user (sign-out). */
  SESSION_ENDED,
  /** A demographic or NHS number search; names and postcodes are masked in the entry. */
  PATIENT_SEARCH,
  /**
   * An IG officer or administrator purged a patient from every gateway replica's source cache
   * ({@code details.reason}, {@code details.acrossReplicas}).
   */
  CACHE_PURGED
}
