package org.carelens.gateway.launch;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Launch settings shared by every trusted issuer (clock skew, JWKS fetching), and the single-issuer
 * shorthand of earlier versions.
 *
 * <p>The trusted launching systems are listed under {@code carelens.launch.issuers.<name>} (see
 * {@link TrustedIssuerProperties}). The shorthand {@code carelens.launch.issuer} with {@code
 * jwks-url} or {@code jwks}, and {@code audience}, still works: it adds one more entry, named
 * {@value #SINGLE_ISSUER_NAME}, that may assert any organisation and role, as the single issuer
 * always could. Keys come only from configuration; headers such as {@code jku}, {@code x5u} and
 * {@code jwk} in a token are never followed (RFC 8725 section 3.10).
 */
@ConfigurationProperties("carelens.launch")
public class LaunchProperties {

  /** The registry name of the entry the single-issuer shorthand adds. */
  public static final String SINGLE_ISSUER_NAME = "single-issuer";

  private @Nullable String issuer;
  private String audience = "carelens-gateway";
  private @Nullable String jwksUrl;
  private @Nullable String jwks;
  private Duration clockSkew = Duration.ofSeconds(30);
  private Duration jwksCacheTtl = Duration.ofMinutes(5);
  private Duration jwksTimeout = Duration.ofSeconds(2);
  private Duration jwksRefetchInterval = Duration.ofSeconds(30);

  /** The shorthand's issuer; empty when only the registry is used. */
  public Optional<String> getIssuer() {
    return Optional.ofNullable(issuer).filter(s -> !s.isBlank());
  }

  public void setIssuer(@Nullable String issuer) {
    this.issuer = issuer;
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = audience;
  }

  public Optional<String> getJwksUrl() {
    return Optional.ofNullable(jwksUrl).filter(s -> !s.isBlank());
  }

  public void setJwksUrl(@Nullable String jwksUrl) {
    this.jwksUrl = jwksUrl;
  }

  /**
   * The shorthand issuer's keys as an inline JWK set (JSON). When set, nothing is fetched for that
   * issuer.
   */
  public Optional<String> getJwks() {
    return Optional.ofNullable(jwks).filter(s -> !s.isBlank());
  }

  public void setJwks(@Nullable String jwks) {
    this.jwks = jwks;
  }

  public Duration getClockSkew() {
    return clockSkew;
  }

  public void setClockSkew(Duration clockSkew) {
    if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException(
          "carelens.launch.clock-skew must be between 0 and 60 seconds, was " + clockSkew);
    }
    this.clockSkew = clockSkew;
  }

  /** Connect and read timeout for fetching a JWKS; past it the launch fails closed. */
  public Duration getJwksTimeout() {
    return jwksTimeout;
  }

  public void setJwksTimeout(Duration jwksTimeout) {
    if (jwksTimeout.isNegative() || jwksTimeout.isZero()) {
      throw new IllegalArgumentException(
          "carelens.launch.jwks-timeout must be positive, was " + jwksTimeout);
    }
    this.jwksTimeout = jwksTimeout;
  }

  public Duration getJwksCacheTtl() {
    return jwksCacheTtl;
  }

  public void setJwksCacheTtl(Duration jwksCacheTtl) {
    if (jwksCacheTtl.isNegative() || jwksCacheTtl.isZero()) {
      throw new IllegalArgumentException(
          "carelens.launch.jwks-cache-ttl must be positive, was " + jwksCacheTtl);
    }
    this.jwksCacheTtl = jwksCacheTtl;
  }

  /**
   * Per issuer, at most two refetches of its JWKS for unknown {@code kid}s in any window this long
   * (Nimbus's rate limiter), however many tokens with unknown keys arrive.
   */
  public Duration getJwksRefetchInterval() {
    return jwksRefetchInterval;
  }

  public void setJwksRefetchInterval(Duration jwksRefetchInterval) {
    if (jwksRefetchInterval.isNegative() || jwksRefetchInterval.isZero()) {
      throw new IllegalArgumentException(
          "carelens.launch.jwks-refetch-interval must be positive, was " + jwksRefetchInterval);
    }
    this.jwksRefetchInterval = jwksRefetchInterval;
  }

  /** The entry the single-issuer shorthand adds, if {@code carelens.launch.issuer} is set. */
  Optional<TrustedIssuer> singleIssuer() {
    return getIssuer()
        .map(
            iss ->
                new TrustedIssuer(
                    SINGLE_ISSUER_NAME,
                    iss,
                    audience,
                    TrustedIssuerProperties.keys("carelens.launch", jwksUrl, jwks),
                    TrustedIssuer.Allowed.anything(),
                    TrustedIssuer.Allowed.anything(),
                    TrustedIssuer.Allowed.anything()));
  }
}
