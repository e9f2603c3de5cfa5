package org.carelens.gateway.launch;

/**
 * Why a launch token was refused: one stable code per check, so the audit trail and a test can tell
 * which defence fired. The code is the problem's {@code code} and the audit entry's reason code.
 */
public enum LaunchRefusal {
  /** Longer than {@link LaunchTokenVerifier#MAX_TOKEN_LENGTH}; not parsed at all. */
  TOKEN_TOO_LARGE,
  /** Not a compact-serialised signed JWT (garbage, truncated, JWE-shaped, bad JSON header). */
  TOKEN_MALFORMED,
  /** {@code alg} is not on the asymmetric allow-list: {@code none}, any HMAC, anything unknown. */
  ALGORITHM_NOT_ALLOWED,
  /** {@code typ} is not {@code carelens-launch+jwt} (RFC 8725 section 3.11). */
  TOKEN_TYPE_INVALID,
  /** The header names its own key ({@code jku}, {@code jwk}, {@code x5u}, {@code x5c}). */
  HEADER_NAMES_KEY,
  /** The header marks an extension critical ({@code crit}); none is understood. */
  CRITICAL_HEADER_UNSUPPORTED,
  /** {@code iss} names no issuer in the registry of trusted launching systems. */
  ISSUER_UNKNOWN,
  /** The named issuer publishes no key matching the header (after a rate-limited refetch). */
  KEY_UNKNOWN,
  /** Signed with a key of another trusted issuer than the one {@code iss} names. */
  ISSUER_KEY_MISMATCH,
  /** A key of the named issuer matched the header but the signature does not verify with it. */
  SIGNATURE_INVALID,
  /** The named issuer's JWKS could not be fetched; nothing can be trusted (fail closed). */
  ISSUER_KEYS_UNAVAILABLE,
  /** {@code aud} does not name the audience configured for that issuer. */
  AUDIENCE_INVALID,
  /** Past {@code exp} by more than the clock skew. */
  TOKEN_EXPIRED,
  /** Before {@code nbf} by more than the clock skew. */
  TOKEN_NOT_YET_VALID,
  /** {@code iat} later than now by more than the clock skew. */
  TOKEN_ISSUED_IN_FUTURE,
  /** {@code exp} more than an hour after {@code iat}: launch tokens must be short-lived. */
  TOKEN_LIFETIME_TOO_LONG,
  /** A required claim, or a required member of one, is absent. */
  CLAIM_MISSING,
  /** A claim has the wrong type or an unusable value (e.g. an oversized {@code jti}). */
  CLAIM_INVALID,
  /** {@code reason_for_request} is not {@code directcare} (PRODUCT.md rule 1). */
  REASON_NOT_DIRECT_CARE,
  /** {@code requested_record} carries no valid NHS number. */
  REQUESTED_RECORD_INVALID,
  /** {@code requesting_practitioner.role} is not a Carelens role. */
  ROLE_UNKNOWN,
  /** The issuer may not assert this organisation (ODS code or organisation type). */
  ISSUER_MAY_NOT_ASSERT_ORGANISATION,
  /** The issuer may not assert this role. */
  ISSUER_MAY_NOT_ASSERT_ROLE,
  /** The {@code jti} was used before, on this or any gateway instance sharing the database. */
  TOKEN_REPLAYED,
  /** The {@code jti} register could not be written; a replay could not be ruled out (503). */
  REPLAY_CHECK_UNAVAILABLE,
  /**
   * An ID token's {@code selected_roleid} is missing or names no role in its {@code
   * nhsid_nrbac_roles}: the user has not chosen the role they act in.
   */
  SELECTED_ROLE_INVALID,
  /** The selected national RBAC job role is not mapped to a Carelens role by the agreement. */
  NATIONAL_ROLE_NOT_MAPPED,
  /** The selected role's organisation (ODS code) is not party to the sharing agreement. */
  ORGANISATION_NOT_IN_AGREEMENT
}
