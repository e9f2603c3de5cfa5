package org.carelens.gateway.session;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Gateway session lifetimes: a session ends at whichever comes first, {@code idle-timeout} without
 * a request or {@code lifetime} after launch.
 */
@ConfigurationProperties("carelens.session")
public class SessionProperties {

  private Duration lifetime = Duration.ofHours(1);
  private Duration idleTimeout = Duration.ofMinutes(15);
  private Duration cacheTtl = Duration.ofMillis(500);
  private Duration touchInterval = Duration.ofSeconds(5);

  /** Absolute lifetime of a session from launch, however active it is. */
  public Duration getLifetime() {
    return lifetime;
  }

  public void setLifetime(Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException(
          "carelens.session.lifetime must be positive, was " + lifetime);
    }
    this.lifetime = lifetime;
  }

  /** How long a session survives without a request. */
  public Duration getIdleTimeout() {
    return idleTimeout;
  }

  public void setIdleTimeout(Duration idleTimeout) {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException(
          "carelens.session.idle-timeout must be positive, was " + idleTimeout);
    }
    this.idleTimeout = idleTimeout;
  }

  /**
   * How long a replica trusts what it read of a session before reading it again (issue 15): a
   * sign-out or expiry on one replica takes effect on the others within this time. Zero reads the
   * database on every request.
   */
  public Duration getCacheTtl() {
    return cacheTtl;
  }

  public void setCacheTtl(Duration cacheTtl) {
    if (cacheTtl.isNegative() || cacheTtl.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException(
          "carelens.session.cache-ttl must be between 0 and 1s (revocation must reach every"
              + " replica within 1 s), was "
              + cacheTtl);
    }
    this.cacheTtl = cacheTtl;
  }

  /**
   * How often a session's last use is written to the database at most: the idle timeout is exact to
   * within this, and a busy session costs one write per interval rather than one per request.
   */
  public Duration getTouchInterval() {
    return touchInterval;
  }

  public void setTouchInterval(Duration touchInterval) {
    if (touchInterval.isNegative()) {
      throw new IllegalArgumentException(
          "carelens.session.touch-interval must not be negative, was " + touchInterval);
    }
    this.touchInterval = touchInterval;
  }
}
