package org.carelens.gateway.fanout;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Settings for the view as a whole. */
@ConfigurationProperties("carelens.fanout")
public class FanoutProperties {

  private Duration deadline = Duration.ofSeconds(5);

  /**
   * The overall deadline for a view: sources still running then are reported {@code TIMEOUT} and
   * their work is cancelled, so the clinician never waits longer than this for what did arrive.
   */
  public Duration getDeadline() {
    return deadline;
  }

  public void setDeadline(Duration deadline) {
    this.deadline = deadline;
  }
}
