package org.carelens.gateway.launch;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Role;
import org.carelens.policy.agreement.SignInRules;

/**
 * Verifies the ID token of a user who signed in with a trusted OpenID Connect provider (NHS CIS2),
 * for a gateway session bound to no patient (issue 11). OpenID Connect Core 1.0 section 3.1.3.7, as
 * far as a party other than the client can: the token's {@code iss} picks the provider (only {@link
 * TrustedIssuer.Kind#OIDC} entries), the signature must verify with that provider's JWKS, {@code
 * aud} must name the portal's client id (and {@code azp}, when present, be it), {@code exp} and
 * {@code iat} within the clock skew, at most an hour's lifetime. The {@code nonce} is the portal's
 * to compare with the one it sent; here it must be present, and the token's {@code jti} is
 * single-use through {@link JtiRegister}, so one ID token opens one session however often it is
 * replayed.
 *
 * <p>Then CIS2's claims: {@code nhsid_useruid}, the {@code selected_roleid} and the matching entry
 * of {@code nhsid_nrbac_roles}, whose {@code role_code}'s job role ({@code R....}) the sharing
 * agreement must map to a Carelens role and whose {@code org_code} must be party to the agreement
 * (its {@code signIn} section); the provider entry's allowed organisations and roles apply as for a
 * launching system. Each check refuses with its own {@link LaunchRefusal}.
 *
 * <p>Thread-safe.
 */
@Singleton
public class IdTokenVerifier {

  private static final String REPLAYED =
      "This ID token has already opened a session; sign in again";

  private static final String REPLAY_CHECK_UNAVAILABLE =
      "The sign-in could not be checked for replay; try again shortly";

  /** Launch tokens carry this; an ID token never does. */
  private static final JOSEObjectType LAUNCH_TYPE = LaunchTokenVerifier.TOKEN_TYPE;

  private final TrustedIssuers issuers;
  private final JtiRegister usedTokenIds;
  private final AccessPolicy policy;
  private final Clock clock;
  private final Duration clockSkew;

  public IdTokenVerifier(
      TrustedIssuers issuers,
      LaunchProperties properties,
      Clock clock,
      JtiRegister usedTokenIds,
      AccessPolicy policy) {
    this.issuers = issuers;
    this.usedTokenIds = usedTokenIds;
    this.policy = policy;
    this.clock = clock;
    this.clockSkew = properties.getClockSkew();
  }

  /**
   * Whether {@code token} is for this verifier: a signed JWT that is not typed as a launch token
   * and whose (unverified) {@code iss} names a trusted identity provider. Everything else goes to
   * the {@link LaunchTokenVerifier}, exactly as before sign-in existed.
   */
  public boolean accepts(String token) {
    if (token.length() > LaunchTokenVerifier.MAX_TOKEN_LENGTH) {
      return false;
    }
    try {
      JWT jwt = JWTParser.parse(token);
      return jwt instanceof SignedJWT signed
          && !LAUNCH_TYPE.equals(signed.getHeader().getType())
          && signed.getJWTClaimsSet().getIssuer() != null
          && issuers.findProvider(signed.getJWTClaimsSet().getIssuer()).isPresent();
    } catch (ParseException e) {
      return false;
    }
  }

  /**
   * Verifies {@code token} and consumes its {@code jti}.
   *
   * @return the signed-in user, bound to no patient ({@link LaunchContext#signedIn()})
   * @throws LaunchRejectedException saying which check refused the token and why
   */
  public LaunchContext verify(String token) {
    LaunchContext user = verifyBeforeUse(token);
    usedTokenIds.spend(null, user, REPLAYED, REPLAY_CHECK_UNAVAILABLE);
    return user;
  }

  /**
   * Every check of {@link #verify} but single use, which the caller does with {@link #markUsed} in
   * the transaction that opens the session (as {@link LaunchTokenVerifier#verifyBeforeUse}).
   *
   * @throws LaunchRejectedException saying which check refused the token and why
   */
  public LaunchContext verifyBeforeUse(String token) {
    if (token.length() > LaunchTokenVerifier.MAX_TOKEN_LENGTH) {
      throw refuse(
          LaunchRefusal.TOKEN_TOO_LARGE,
          "The token is longer than " + LaunchTokenVerifier.MAX_TOKEN_LENGTH + " characters");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      if (!(JWTParser.parse(token) instanceof SignedJWT signed)) {
        throw refuse(LaunchRefusal.ALGORITHM_NOT_ALLOWED, "The ID token is not signed");
      }
      jwt = signed;
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw refuse(LaunchRefusal.TOKEN_MALFORMED, "The token is not a signed JWT");
    }
    checkHeader(jwt.getHeader());
    String iss = claims.getIssuer();
    TrustedIssuers.Entry provider =
        issuers
            .findProvider(iss == null ? "" : iss)
            .orElseThrow(
                () ->
                    refuse(
                        LaunchRefusal.ISSUER_UNKNOWN,
                        "iss '" + iss + "' is not a trusted identity provider"));
    verifySignature(jwt, provider);
    TrustedIssuer trusted = provider.issuer();
    checkRegisteredClaims(claims, trusted);
    return user(claims, trusted);
  }

  /**
   * Consumes the {@code jti} of a sign-in {@link #verifyBeforeUse} accepted, in {@code
   * connection}'s transaction: it counts as used only if that transaction commits.
   *
   * @throws LaunchRejectedException {@code TOKEN_REPLAYED} if it was used before (roll back), or
   *     {@code REPLAY_CHECK_UNAVAILABLE} if the register cannot be written
   */
  public void markUsed(Connection connection, LaunchContext user) {
    usedTokenIds.spend(connection, user, REPLAYED, REPLAY_CHECK_UNAVAILABLE);
  }

  private static void checkHeader(JWSHeader header) {
    if (!LaunchTokenVerifier.ALLOWED_ALGORITHMS.contains(header.getAlgorithm())) {
      throw refuse(
          LaunchRefusal.ALGORITHM_NOT_ALLOWED,
          "alg '"
              + header.getAlgorithm()
              + "' is not allowed; only "
              + LaunchTokenVerifier.allowed()
              + " are");
    }
    if (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType())) {
      throw refuse(
          LaunchRefusal.TOKEN_TYPE_INVALID,
          "an ID token's typ is JWT or absent, was '" + header.getType() + "'");
    }
    if (header.getJWKURL() != null
        || header.getJWK() != null
        || header.getX509CertURL() != null
        || header.getX509CertChain() != null) {
      throw refuse(
          LaunchRefusal.HEADER_NAMES_KEY,
          "The token names its own key; keys are taken only from the configured provider");
    }
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      throw refuse(
          LaunchRefusal.CRITICAL_HEADER_UNSUPPORTED,
          "The token marks header parameters " + header.getCriticalParams() + " critical");
    }
  }

  private static void verifySignature(SignedJWT jwt, TrustedIssuers.Entry provider) {
    JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
    List<JWK> candidates;
    try {
      candidates = provider.keys().select(selector);
    } catch (KeySourceException e) {
      throw refuse(
          LaunchRefusal.ISSUER_KEYS_UNAVAILABLE,
          "The keys of identity provider '" + provider.issuer().name() + "' could not be fetched");
    }
    if (candidates.isEmpty()) {
      throw refuse(
          LaunchRefusal.KEY_UNKNOWN,
          "Identity provider '%s' publishes no %s key with kid '%s'"
              .formatted(
                  provider.issuer().name(),
                  jwt.getHeader().getAlgorithm(),
                  jwt.getHeader().getKeyID()));
    }
    for (JWK key : candidates) {
      if (LaunchTokenVerifier.verifies(jwt, key)) {
        return;
      }
    }
    throw refuse(
        LaunchRefusal.SIGNATURE_INVALID,
        "The ID token's signature does not verify with the keys of identity provider '"
            + provider.issuer().name()
            + "'");
  }

  private void checkRegisteredClaims(JWTClaimsSet claims, TrustedIssuer provider) {
    for (String name : List.of("sub", "aud", "exp", "iat", "jti", "nonce")) {
      if (claims.getClaim(name) == null) {
        throw refuse(LaunchRefusal.CLAIM_MISSING, "claim " + name + " is missing or mistyped");
      }
    }
    if (!claims.getAudience().contains(provider.audience())) {
      throw refuse(
          LaunchRefusal.AUDIENCE_INVALID,
          "aud " + claims.getAudience() + " does not name '" + provider.audience() + "'");
    }
    Object azp = claims.getClaim("azp");
    if ((azp != null || claims.getAudience().size() > 1) && !provider.audience().equals(azp)) {
      // OpenID Connect Core 3.1.3.7 items 4 and 5.
      throw refuse(
          LaunchRefusal.AUDIENCE_INVALID,
          "azp '" + azp + "' is not the client '" + provider.audience() + "'");
    }
    Instant now = clock.instant();
    Instant expiresAt = claims.getExpirationTime().toInstant();
    Instant issuedAt = claims.getIssueTime().toInstant();
    if (!now.isBefore(expiresAt.plus(clockSkew))) {
      throw refuse(LaunchRefusal.TOKEN_EXPIRED, "The ID token expired at " + expiresAt);
    }
    if (issuedAt.isAfter(now.plus(clockSkew))) {
      throw refuse(
          LaunchRefusal.TOKEN_ISSUED_IN_FUTURE,
          "The ID token was issued in the future: " + issuedAt);
    }
    if (expiresAt.isAfter(issuedAt.plus(LaunchTokenVerifier.MAX_LIFETIME))) {
      throw refuse(
          LaunchRefusal.TOKEN_LIFETIME_TOO_LONG,
          "The ID token's lifetime exceeds one hour; sign-in tokens must be short-lived");
    }
    if (claims.getJWTID().length() > LaunchTokenVerifier.MAX_JTI_LENGTH) {
      throw refuse(LaunchRefusal.CLAIM_INVALID, "claim jti is too long");
    }
  }

  private LaunchContext user(JWTClaimsSet claims, TrustedIssuer provider) {
    String userId = string(claims, "nhsid_useruid");
    String selected = optionalString(claims, "selected_roleid").orElse("");
    Map<String, Object> role = selectedRole(claims, selected);
    String roleCode = String.valueOf(role.get("role_code"));
    // CIS2 role_code is S<section>:G<group>:R<job role>; the agreement maps the job role.
    String jobRole = roleCode.substring(roleCode.lastIndexOf(':') + 1);
    String ods = role.get("org_code") instanceof String s && !s.isBlank() ? s : "";
    SignInRules rules = policy.agreement().signIn();
    Role carelensRole =
        rules
            .role(jobRole)
            .orElseThrow(
                () ->
                    refuse(
                        LaunchRefusal.NATIONAL_ROLE_NOT_MAPPED,
                        "Your national role %s (%s) is not mapped to a Carelens role in sharing agreement '%s'; ask your IG team to add it"
                            .formatted(
                                jobRole,
                                role.getOrDefault("role_name", "unnamed"),
                                policy.agreement().id())));
    SignInRules.Member organisation =
        rules
            .organisation(ods)
            .orElseThrow(
                () ->
                    refuse(
                        LaunchRefusal.ORGANISATION_NOT_IN_AGREEMENT,
                        "Organisation '%s' of your selected role is not party to sharing agreement '%s'"
                            .formatted(ods, policy.agreement().id())));
    if (!provider.mayAssertOrganisation(ods, organisation.type())) {
      throw refuse(
          LaunchRefusal.ISSUER_MAY_NOT_ASSERT_ORGANISATION,
          "Identity provider '%s' may not assert organisation %s".formatted(provider.name(), ods));
    }
    if (!provider.mayAssertRole(carelensRole)) {
      throw refuse(
          LaunchRefusal.ISSUER_MAY_NOT_ASSERT_ROLE,
          "Identity provider '%s' may not assert role '%s'"
              .formatted(provider.name(), carelensRole.code()));
    }
    return new LaunchContext(
        claims.getIssuer(),
        claims.getJWTID(),
        userId,
        optionalString(claims, "name").orElse(userId),
        carelensRole,
        ods,
        organisation.name(),
        organisation.type(),
        "sign-in via " + provider.name(),
        "directcare",
        null,
        claims.getExpirationTime().toInstant());
  }

  private static Map<String, Object> selectedRole(JWTClaimsSet claims, String selected) {
    if (selected.isBlank()) {
      throw refuse(
          LaunchRefusal.SELECTED_ROLE_INVALID,
          "selected_roleid is missing: the user has not selected the role they act in");
    }
    Object roles = claims.getClaim("nhsid_nrbac_roles");
    if (roles instanceof List<?> list) {
      for (Object candidate : list) {
        if (candidate instanceof Map<?, ?> role
            && selected.equals(role.get("person_roleid"))
            && role.get("role_code") instanceof String) {
          @SuppressWarnings("unchecked")
          Map<String, Object> typed = (Map<String, Object>) role;
          return typed;
        }
      }
    }
    throw refuse(
        LaunchRefusal.SELECTED_ROLE_INVALID,
        "selected_roleid '" + selected + "' names no role in nhsid_nrbac_roles");
  }

  private static String string(JWTClaimsSet claims, String name) {
    return optionalString(claims, name)
        .orElseThrow(() -> refuse(LaunchRefusal.CLAIM_MISSING, "claim " + name + " is missing"));
  }

  private static Optional<String> optionalString(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof String s && !s.isBlank()
        ? Optional.of(s)
        : Optional.empty();
  }

  private static LaunchRejectedException refuse(LaunchRefusal reason, String message) {
    return new LaunchRejectedException(reason, message);
  }
}
