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
}
