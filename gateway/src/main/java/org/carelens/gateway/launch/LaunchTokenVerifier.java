package org.carelens.gateway.launch;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Set;

/**
 * Verifies a launch token per RFC 8725: asymmetric algorithms only, keys only from the configured
 * JWKS (inline, or from the configured URL: cached, refreshed on an unknown {@code kid}, failing
 * closed when unreachable), explicit type {@code carelens-launch+jwt}, {@code iss}, {@code aud},
 * {@code exp}, {@code nbf} and {@code iat} with bounded clock skew, the GP Connect claim set, and
 * single use of each {@code jti} through the database-backed {@link JtiRegister}, so a token used
 * once is refused by every gateway instance on the database, also after a restart.
 *
 * <p>Tokens naming their own keys ({@code jku}, {@code jwk}, {@code x5u}, {@code x5c}) are refused
 * outright rather than merely ignored: no trusted issuer needs them (RFC 8725 section 3.10).
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

  private static final Set<String> REQUIRED_CLAIMS =
      Set.of(
          "iss",
          "sub",
          "aud",
          "exp",
          "iat",
          "jti",
          "reason_for_request",
          "requested_record",
          "requesting_practitioner",
          "requesting_organization",
          "requesting_device");

  /** Far above any real launch token (about 2 KB), far below what could strain the parser. */
  static final int MAX_TOKEN_LENGTH = 16_384;

  /** RFC 7519 leaves {@code jti} unbounded; the register stores at most this many characters. */
  static final int MAX_JTI_LENGTH = 256;

  private final DefaultJWTProcessor<SecurityContext> processor;
  private final JtiRegister usedTokenIds;
  private final Clock clock;
  private final Duration clockSkew;

  public LaunchTokenVerifier(LaunchProperties properties, Clock clock, JtiRegister usedTokenIds) {
    this.clock = clock;
    this.clockSkew = properties.getClockSkew();
    this.usedTokenIds = usedTokenIds;
    JWKSource<SecurityContext> keys = keys(properties);
    processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TOKEN_TYPE));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALLOWED_ALGORITHMS, keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            properties.getAudience(),
            new JWTClaimsSet.Builder().issuer(properties.getIssuer()).build(),
            REQUIRED_CLAIMS) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    claims.setMaxClockSkew((int) properties.getClockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  private static JWKSource<SecurityContext> keys(LaunchProperties properties) {
    if (properties.getJwks().isPresent()) {
      try {
        // Only the public halves: a configured private key must never sign anything here.
        return new ImmutableJWKSet<>(JWKSet.parse(properties.getJwks().get()).toPublicJWKSet());
      } catch (ParseException e) {
        throw new IllegalStateException(
            "carelens.launch.jwks is not a valid JWK set: " + e.getMessage(), e);
      }
    }
    try {
      int timeout = (int) properties.getJwksTimeout().toMillis();
      // Nimbus's own 500 ms default fails a cold or busy issuer; 50 KB bounds a hostile reply.
      return JWKSourceBuilder.create(
              URI.create(properties.getJwksUrl()).toURL(),
              new DefaultResourceRetriever(timeout, timeout, 50 * 1024))
          .cache(properties.getJwksCacheTtl().toMillis(), 5_000)
          .rateLimited(false)
          .retrying(false)
          .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "carelens.launch.jwks-url is not a valid URL: " + properties.getJwksUrl(), e);
    }
  }

  /**
   * Verifies {@code token} and consumes its {@code jti}.
   *
   * @throws LaunchRejectedException saying why the token was refused
   */
  public LaunchContext verify(String token) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new LaunchRejectedException(
          "INVALID_TOKEN", "The token is longer than " + MAX_TOKEN_LENGTH + " characters");
    }
    JWTClaimsSet claims;
    try {
      JWT jwt = JWTParser.parse(token);
      if (jwt instanceof SignedJWT signed) {
        refuseSelfNamedKeys(signed.getHeader());
      }
      claims = processor.process(jwt, null);
    } catch (ParseException e) {
      throw new LaunchRejectedException("INVALID_TOKEN", "The token is not a signed JWT");
    } catch (BadJWTException e) {
      String message = e.getMessage();
      String code = message.contains("Expired") ? "TOKEN_EXPIRED" : "INVALID_TOKEN";
      throw new LaunchRejectedException(code, "The token's claims were refused: " + message);
    } catch (KeySourceException e) {
      // Fail closed: without the issuer's keys nothing can be trusted.
      throw new LaunchRejectedException(
          "ISSUER_KEYS_UNAVAILABLE", "The launching system's keys could not be fetched");
    } catch (BadJOSEException e) {
      throw new LaunchRejectedException(
          "INVALID_TOKEN", "The token was refused: " + e.getMessage());
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new LaunchRejectedException(
          "INVALID_TOKEN", "The token's signature could not be checked: " + e.getMessage());
    }
    Date issuedAt = claims.getIssueTime();
    if (issuedAt.toInstant().isAfter(clock.instant().plus(clockSkew))) {
      throw new LaunchRejectedException("INVALID_TOKEN", "The token was issued in the future");
    }
    if (claims.getExpirationTime().toInstant().isAfter(issuedAt.toInstant().plusSeconds(3600))) {
      throw new LaunchRejectedException(
          "INVALID_TOKEN",
          "The token's lifetime exceeds one hour; launch tokens must be short-lived");
    }
    LaunchContext context = LaunchClaims.read(claims);
    if (context.jti().length() > MAX_JTI_LENGTH) {
      throw new LaunchRejectedException(
          "INVALID_TOKEN", "claim jti is longer than " + MAX_JTI_LENGTH + " characters");
    }
    boolean firstUse;
    try {
      firstUse = usedTokenIds.firstUse(context.issuer(), context.jti(), context.expiresAt());
    } catch (SQLException e) {
      // Fail closed: without the register a replay could not be told from a first use.
      throw new LaunchRejectedException(
          "REPLAY_CHECK_UNAVAILABLE",
          "The launch could not be checked for replay; try again shortly",
          null,
          true);
    }
    if (!firstUse) {
      throw new LaunchRejectedException(
          "TOKEN_REPLAYED", "This launch token has already been used", context, false);
    }
    return context;
  }

  private static void refuseSelfNamedKeys(JWSHeader header) {
    String named =
        header.getJWKURL() != null
            ? "jku"
            : header.getJWK() != null
                ? "jwk"
                : header.getX509CertURL() != null
                    ? "x5u"
                    : header.getX509CertChain() != null ? "x5c" : null;
    if (named != null) {
      throw new LaunchRejectedException(
          "INVALID_TOKEN",
          "The token names its own key in header '"
              + named
              + "'; keys are taken only from the configured issuer");
    }
  }
}
