package org.carelens.gateway.launch;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The trusted launching system: its issuer, where its keys are published, and the audience it must
 * name. Keys come only from here; headers such as {@code jku}, {@code x5u} and {@code jwk} in a
 * token are never followed (RFC 8725 section 3.10).
 */
@ConfigurationProperties("carelens.launch")
public class LaunchProperties {

  private String issuer = "http://localhost:8090";
  private String audience = "carelens-gateway";
  private String jwksUrl = "http://localhost:8090/.well-known/jwks.json";
  private Duration clockSkew = Duration.ofSeconds(30);
  private Duration jwksCacheTtl = Duration.ofMinutes(5);
  private Duration jwksTimeout = Duration.ofSeconds(2);
  private @Nullable String jwks;

  public String getIssuer() {
    return issuer;
  }

  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = audience;
  }

  public String getJwksUrl() {
    return jwksUrl;
  }

  public void setJwksUrl(String jwksUrl) {
    this.jwksUrl = jwksUrl;
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

  /**
   * The issuer's keys as an inline JWK set (JSON). When set, it is used instead of {@code jwks-url}
   * and nothing is fetched.
   */
  public Optional<String> getJwks() {
    return Optional.ofNullable(jwks).filter(s -> !s.isBlank());
  }

  public void setJwks(@Nullable String jwks) {
    this.jwks = jwks;
  }

  /** Connect and read timeout for fetching the JWKS; past it the launch fails closed. */
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
    this.jwksCacheTtl = jwksCacheTtl;
  }
}
