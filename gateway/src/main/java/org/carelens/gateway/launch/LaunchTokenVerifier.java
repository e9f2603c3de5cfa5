package org.carelens.gateway.launch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Set;

/**
 * Verifies a launch token per RFC 8725: asymmetric algorithms only, keys only from the configured
 * JWKS URL (cached, refreshed on an unknown {@code kid}, failing closed when unreachable), explicit
 * type {@code carelens-launch+jwt}, {@code iss}, {@code aud}, {@code exp}, {@code nbf} with bounded
 * clock skew, the GP Connect claim set, and single use of each {@code jti}.
 *
 * <p>Thread-safe. The {@code jti} register is in memory, so single use holds within one gateway
 * process only; the shared, persistent register belongs with the audit database.
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

  private final DefaultJWTProcessor<SecurityContext> processor;
  private final Cache<String, Boolean> usedTokenIds;
  private final Clock clock;

  public LaunchTokenVerifier(LaunchProperties properties, Clock clock) {
    this.clock = clock;
    JWKSource<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.create(URI.create(properties.getJwksUrl()).toURL())
              .cache(properties.getJwksCacheTtl().toMillis(), 5_000)
              .rateLimited(false)
              .retrying(false)
              .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "carelens.launch.jwks-url is not a valid URL: " + properties.getJwksUrl(), e);
    }
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
    // A used jti must be remembered at least as long as a token carrying it could still verify.
    usedTokenIds =
        Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1).plus(properties.getClockSkew()))
            .maximumSize(1_000_000)
            .build();
  }

  /**
   * Verifies {@code token} and consumes its {@code jti}.
   *
   * @throws LaunchRejectedException saying why the token was refused
   */
  public LaunchContext verify(String token) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
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
    if (issuedAt.toInstant().isAfter(clock.instant().plusSeconds(60))) {
      throw new LaunchRejectedException("INVALID_TOKEN", "The token was issued in the future");
    }
    if (claims.getExpirationTime().toInstant().isAfter(issuedAt.toInstant().plusSeconds(3600))) {
      throw new LaunchRejectedException(
          "INVALID_TOKEN",
          "The token's lifetime exceeds one hour; launch tokens must be short-lived");
    }
    LaunchContext context = LaunchClaims.read(claims);
    if (usedTokenIds.asMap().putIfAbsent(claims.getIssuer() + " " + claims.getJWTID(), true)
        != null) {
      throw new LaunchRejectedException(
          "TOKEN_REPLAYED", "This launch token has already been used");
    }
    return context;
  }
}
