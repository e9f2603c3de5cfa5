package org.carelens.gateway.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A cap on how many times one user may do something in any 24 hours (a rolling window, so there is
 * no midnight at which a fresh allowance can be spent at once). The caller counts from the
 * database, inside the transaction that records the new one, after the audit append in that
 * transaction has taken the chain-head lock: every such write is then serialised across gateway
 * instances, and the count sees every one committed before it.
 *
 * @param cap how many are allowed in any 24 hours, at least 1
 */
public record DailyCap(int cap) {

  /** The window the cap applies to. */
  public static final Duration WINDOW = Duration.ofHours(24);

  public DailyCap {
    if (cap < 1) {
      throw new IllegalArgumentException("A daily cap must be 1 or more, was " + cap);
    }
  }

  /** Where the window that ends at {@code now} starts (exclusive). */
  public static Instant windowStart(Instant now) {
    return now.minus(WINDOW);
  }

  /**
   * Checks the user's times within the window, the one being recorded now included.
   *
   * @param inWindow the times, oldest first, each after {@link #windowStart(Instant)}
   * @return empty if within the cap; else how long until one more would be allowed
   */
  public Optional<Duration> exceededBy(List<Instant> inWindow, Instant now) {
    int n = inWindow.size();
    if (n <= cap) {
      return Optional.empty();
    }
    // Without the new one there are n - 1; one more fits once n - cap of them have left the window,
    // i.e. when the (n - cap)-th oldest is 24 hours old.
    Instant freesAt = inWindow.get(n - cap - 1).plus(WINDOW);
    Duration wait = Duration.between(now, freesAt);
    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
  }

  /**
   * Thrown inside the recording transaction when the cap is exceeded, so the new row and its audit
   * entry roll back; the caller answers 429 with {@code Retry-After}.
   */
  public static final class Exceeded extends RuntimeException {

    private final int cap;
    private final Duration retryAfter;

    public Exceeded(int cap, Duration retryAfter) {
      super("daily cap of " + cap + " reached", null, false, false);
      this.cap = cap;
      this.retryAfter = retryAfter;
    }

    public int cap() {
      return cap;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  /**
   * Throws {@link Exceeded} when {@code inWindow} (the new one included) is over the cap.
   *
   * @throws Exceeded when over the cap
   */
  public void enforce(List<Instant> inWindow, Instant now) {
    exceededBy(inWindow, now)
        .ifPresent(
            wait -> {
              throw new Exceeded(cap, wait);
            });
  }
}
