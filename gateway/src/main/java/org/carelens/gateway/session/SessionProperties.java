package org.carelens.gateway.session;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Gateway session lifetimes. */
@ConfigurationProperties("carelens.session")
public class SessionProperties {

  private Duration lifetime = Duration.ofMinutes(15);

  /** Absolute lifetime of a session from launch. */
  public Duration getLifetime() {
    return lifetime;
  }

  public void setLifetime(Duration lifetime) {
    this.lifetime = lifetime;
  }
}
