package org.carelens.gateway.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a launch token per RFC 8725 against the registry of {@link TrustedIssuers}: the token's
 * {@code iss} picks the issuer, and only that issuer's keys are tried, so a token signed by one
 * trusted system but naming another is refused. Then asymmetric algorithms only, explicit type
 * {@code carelens-launch+jwt}, that issuer's {@code aud}, {@code exp}, {@code nbf} and {@code iat}
 * with bounded clock skew, the GP Connect claim set, the organisations and roles that issuer may
 * assert, and single use of each {@code jti} through the database-backed {@link JtiRegister}, so a
 * token used once is refused by every gateway instance on the database, also after a restart.
 *
 * <p>Each check refuses with its own {@link LaunchRefusal}. Tokens naming their own keys ({@code
 * jku}, {@code jwk}, {@code x5u}, {@code x5c}) are refused outright rather than merely ignored: no
 * trusted issuer needs them (RFC 8725 section 3.10).
 *
 * <p>Thread-safe.
 */
@Singleton
public class LaunchTokenVerifier {

  static final JOSEObjectType TOKEN_TYPE = new JOSEObjectType("carelens-launch+jwt");

  /** RFC 8725 section 3.1: an allow-list, asymmetric only; never {@code none} or HMAC. */
  static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384);

  /** Far above any real launch token (about 2 KB), far below what could strain the parser. */
  static final int MAX_TOKEN_LENGTH = 16_384;

  /** RFC 7519 leaves {@code jti} unbounded; the register stores at most this many characters. */
  static final int MAX_JTI_LENGTH = 256;

  /** Launch tokens are for one hand-over; GP Connect's consumer JWT allows at most 5 minutes. */
  static final Duration MAX_LIFETIME = Duration.ofHours(1);

  private static final String REPLAYED = "This launch token has already been used";

  private static final String REPLAY_CHECK_UNAVAILABLE =
      "The launch could not be checked for replay; try again shortly";

  private static final DefaultJWSVerifierFactory VERIFIERS = new DefaultJWSVerifierFactory();

  private final TrustedIssuers issuers;
  private final JtiRegister usedTokenIds;
  private final Clock clock;
  private final Duration clockSkew;

  @Inject
  public LaunchTokenVerifier(
      TrustedIssuers issuers, LaunchProperties properties, Clock clock, JtiRegister usedTokenIds) {
    this.issuers = issuers;
    this.clock = clock;
    this.clockSkew = properties.getClockSkew();
    this.usedTokenIds = usedTokenIds;
  }

  /**
   * Verifies {@code token} and consumes its {@code jti}.
   *
   * @throws LaunchRejectedException saying which check refused the token and why
   */
  public LaunchContext verify(String token) {
    LaunchContext context = verifyBeforeUse(token);
    usedTokenIds.spend(null, context, REPLAYED, REPLAY_CHECK_UNAVAILABLE);
    return context;
  }

  /**
   * Every check of {@link #verify} but single use: the caller consumes the {@code jti} with {@link
   * #markUsed} in the transaction that opens the session, so that a launch costs one commit, and a
   * launch refused after this point (a user over their limit, an audit that cannot be written)
   * leaves its token unused.
   *
   * @throws LaunchRejectedException saying which check refused the token and why
   */
  public LaunchContext verifyBeforeUse(String token) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw refuse(
          LaunchRefusal.TOKEN_TOO_LARGE,
          "The token is longer than " + MAX_TOKEN_LENGTH + " characters");
    }
    SignedJWT jwt = parse(token);
    checkHeader(jwt.getHeader());
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw refuse(
          LaunchRefusal.CLAIM_INVALID, "The token's claims are invalid: " + e.getMessage());
    }
    if (claims.getIssuer() == null || claims.getIssuer().isBlank()) {
      throw refuse(LaunchRefusal.CLAIM_MISSING, "claim iss is missing");
    }
    // Unverified until the signature checks out, but only to choose whose keys to try.
    TrustedIssuers.Entry trusted =
        issuers
            .find(claims.getIssuer())
            .orElseThrow(
                () ->
                    refuse(
                        LaunchRefusal.ISSUER_UNKNOWN,
                        "iss '" + claims.getIssuer() + "' is not a trusted launching system"));
    verifySignature(jwt, trusted);
    checkRegisteredClaims(claims, jwt.getPayload().toJSONObject(), trusted.issuer());
    LaunchContext context = LaunchClaims.read(claims);
    if (context.jti().length() > MAX_JTI_LENGTH) {
      throw refuse(
          LaunchRefusal.CLAIM_INVALID,
          "claim jti is longer than " + MAX_JTI_LENGTH + " characters");
    }
    checkAssertions(context, trusted.issuer());
    return context;
  }

  /**
   * Consumes the {@code jti} of a launch {@link #verifyBeforeUse} accepted, in {@code connection}'s
   * transaction: it counts as used only if that transaction commits.
   *
   * @throws LaunchRejectedException {@code TOKEN_REPLAYED} if it was used before (roll back), or
   *     {@code REPLAY_CHECK_UNAVAILABLE} if the register cannot be written
   */
  public void markUsed(Connection connection, LaunchContext context) {
    usedTokenIds.spend(connection, context, REPLAYED, REPLAY_CHECK_UNAVAILABLE);
  }

  private static SignedJWT parse(String token) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw refuse(LaunchRefusal.TOKEN_MALFORMED, "The token is not a signed JWT");
    }
    return switch (jwt) {
      case SignedJWT signed -> signed;
      case PlainJWT plain ->
          throw refuse(
              LaunchRefusal.ALGORITHM_NOT_ALLOWED,
              "The token is unsigned (alg 'none'); only " + allowed() + " are accepted");
      default -> throw refuse(LaunchRefusal.TOKEN_MALFORMED, "The token is not a signed JWT");
    };
  }

  private static void checkHeader(JWSHeader header) {
    if (!ALLOWED_ALGORITHMS.contains(header.getAlgorithm())) {
      // Also stops HMAC keyed with an issuer's public key (RFC 8725 section 2.1).
      throw refuse(
          LaunchRefusal.ALGORITHM_NOT_ALLOWED,
          "alg '" + header.getAlgorithm() + "' is not allowed; only " + allowed() + " are");
    }
    if (!TOKEN_TYPE.equals(header.getType())) {
      throw refuse(
          LaunchRefusal.TOKEN_TYPE_INVALID,
          "typ must be '" + TOKEN_TYPE + "', was '" + header.getType() + "'");
    }
    String named =
        header.getJWKURL() != null
            ? "jku"
            : header.getJWK() != null
                ? "jwk"
                : header.getX509CertURL() != null
                    ? "x5u"
                    : header.getX509CertChain() != null ? "x5c" : null;
    if (named != null) {
      throw refuse(
          LaunchRefusal.HEADER_NAMES_KEY,
          "The token names its own key in header '"
              + named
              + "'; keys are taken only from the configured issuer");
    }
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      throw refuse(
          LaunchRefusal.CRITICAL_HEADER_UNSUPPORTED,
          "The token marks header parameters " + header.getCriticalParams() + " critical");
    }
  }

  private void verifySignature(SignedJWT jwt, TrustedIssuers.Entry trusted) {
    JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
    List<JWK> candidates;
    try {
      candidates = trusted.keys().select(selector);
    } catch (KeySourceException e) {
      // Fail closed: without the issuer's keys nothing can be trusted.
      throw refuse(
          LaunchRefusal.ISSUER_KEYS_UNAVAILABLE,
          "The keys of launching system '" + trusted.issuer().name() + "' could not be fetched");
    }
    for (JWK key : candidates) {
      if (verifies(jwt, key)) {
        return;
      }
    }
    refuseIfSignedByAnotherIssuer(jwt, selector, trusted);
    if (candidates.isEmpty()) {
      throw refuse(
          LaunchRefusal.KEY_UNKNOWN,
          "Launching system '"
              + trusted.issuer().name()
              + "' publishes no "
              + jwt.getHeader().getAlgorithm()
              + " key with kid '"
              + jwt.getHeader().getKeyID()
              + "'");
    }
    throw refuse(
        LaunchRefusal.SIGNATURE_INVALID,
        "The token's signature does not verify with the keys of launching system '"
            + trusted.issuer().name()
            + "'");
  }

  /**
   * Names the misuse when another trusted issuer's key signed a token naming this issuer. Uses only
   * keys already held: a refused token never causes a fetch.
   */
  private void refuseIfSignedByAnotherIssuer(
      SignedJWT jwt, JWKSelector selector, TrustedIssuers.Entry named) {
    for (TrustedIssuers.Entry other : issuers.entries()) {
      if (other == named) {
        continue;
      }
      for (JWK key : selector.select(other.keys().lastKnown())) {
        if (verifies(jwt, key)) {
          throw refuse(
              LaunchRefusal.ISSUER_KEY_MISMATCH,
              "The token names launching system '"
                  + named.issuer().name()
                  + "' but is signed with a key of '"
                  + other.issuer().name()
                  + "'; a token is verified only with the keys of the issuer it names");
        }
      }
    }
  }

  static boolean verifies(SignedJWT jwt, JWK key) {
    if (!(key instanceof AsymmetricJWK asymmetric)) {
      return false;
    }
    try {
      JWSVerifier verifier = VERIFIERS.createJWSVerifier(jwt.getHeader(), asymmetric.toPublicKey());
      return jwt.verify(verifier);
    } catch (JOSEException | IllegalStateException e) {
      return false;
    }
  }

  private void checkRegisteredClaims(
      JWTClaimsSet claims, Map<String, Object> payload, TrustedIssuer issuer) {
    for (String name : List.of("sub", "aud", "exp", "iat", "jti")) {
      if (claims.getClaim(name) == null) {
        // Nimbus drops a registered claim of a type it does not expect (e.g. a numeric aud).
        throw payload.get(name) == null
            ? refuse(LaunchRefusal.CLAIM_MISSING, "claim " + name + " is missing")
            : refuse(LaunchRefusal.CLAIM_INVALID, "claim " + name + " has the wrong type");
      }
    }
    if (!claims.getAudience().contains(issuer.audience())) {
      throw refuse(
          LaunchRefusal.AUDIENCE_INVALID,
          "aud " + claims.getAudience() + " does not name '" + issuer.audience() + "'");
    }
    Instant now = clock.instant();
    Instant expiresAt = claims.getExpirationTime().toInstant();
    Instant issuedAt = claims.getIssueTime().toInstant();
    Date notBefore = claims.getNotBeforeTime();
    if (!now.isBefore(expiresAt.plus(clockSkew))) {
      throw refuse(
          LaunchRefusal.TOKEN_EXPIRED,
          "The token expired at " + expiresAt + " (clock skew " + clockSkew.toSeconds() + " s)");
    }
    if (notBefore != null && notBefore.toInstant().isAfter(now.plus(clockSkew))) {
      throw refuse(
          LaunchRefusal.TOKEN_NOT_YET_VALID,
          "The token is not valid before " + notBefore.toInstant());
    }
    if (issuedAt.isAfter(now.plus(clockSkew))) {
      throw refuse(
          LaunchRefusal.TOKEN_ISSUED_IN_FUTURE, "The token was issued in the future: " + issuedAt);
    }
    if (expiresAt.isAfter(issuedAt.plus(MAX_LIFETIME))) {
      throw refuse(
          LaunchRefusal.TOKEN_LIFETIME_TOO_LONG,
          "The token's lifetime exceeds one hour; launch tokens must be short-lived");
    }
  }

  private static void checkAssertions(LaunchContext context, TrustedIssuer issuer) {
    if (!issuer.mayAssertOrganisation(context.organisationOds(), context.organisationType())) {
      throw refuse(
          LaunchRefusal.ISSUER_MAY_NOT_ASSERT_ORGANISATION,
          "Launching system '%s' may not assert organisation %s of type '%s'; it may assert ODS codes %s of types %s"
              .formatted(
                  issuer.name(),
                  context.organisationOds(),
                  context.organisationType(),
                  issuer.odsCodes(),
                  issuer.organisationTypes()));
    }
    if (!issuer.mayAssertRole(context.role())) {
      throw refuse(
          LaunchRefusal.ISSUER_MAY_NOT_ASSERT_ROLE,
          "Launching system '%s' may not assert role '%s'; it may assert %s"
              .formatted(issuer.name(), context.role().code(), issuer.roles()));
    }
  }

  static String allowed() {
    return ALLOWED_ALGORITHMS.stream().map(JWSAlgorithm::getName).sorted().toList().toString();
  }

  private static LaunchRejectedException refuse(LaunchRefusal reason, String message) {
    return new LaunchRejectedException(reason, message);
  }
}
