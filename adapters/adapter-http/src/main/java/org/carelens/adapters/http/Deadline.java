package org.carelens.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The moment by which a whole fetch (every exchange it makes, bodies included) must be done, on the
 * {@link System#nanoTime()} clock. One deadline is shared by all the calls of a fetch, so a token
 * request, a lookup and the data calls together stay within the adapter's time limit.
 *
 * @param limit the time limit the deadline was set from, for messages
 */
public record Deadline(long nanoTime, Duration limit) {

  public Deadline {
    Objects.requireNonNull(limit, "limit");
  }

  /** The deadline {@code limit} from now. */
  public static Deadline after(Duration limit) {
    return new Deadline(System.nanoTime() + limit.toNanos(), limit);
  }

  /** What is left; zero once passed, never negative. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
  }

  public boolean passed() {
    return nanoTime - System.nanoTime() <= 0;
  }
}
