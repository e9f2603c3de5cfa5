package org.carelens.simulators.faults;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a simulated source misbehaves. */
public enum FaultProfile {
  /** Answers as generated (or from fixtures). */
  NORMAL,
  /**
   * Answers after {@code delayMs}, or a uniformly random delay in [{@code minDelayMs}, {@code
   * maxDelayMs}].
   */
  SLOW,
  /** Answers {@code errorRate}% of requests with HTTP {@code status} (500 unless given). */
  FLAKY,
  /** Refuses connections: the server is stopped, and restarted on the same port by NORMAL. */
  DOWN,
  /** Accepts the request and answers only after {@code hangMs} (ten minutes unless given). */
  HANGING,
  /** Answers 200 with a malformed payload. */
  GARBAGE,
  /** Answers 200 with a {@code sizeBytes} payload (20 MiB unless given). */
  HUGE;

  /** The name used on the admin API, e.g. {@code slow}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FaultProfile> fromKey(String key) {
    return Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst();
  }
}
