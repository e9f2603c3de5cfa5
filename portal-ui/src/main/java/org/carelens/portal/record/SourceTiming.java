package org.carelens.portal.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.carelens.portal.gateway.SourceView;

/**
 * How long a source took, and for cached answers how old they are: "143 ms · cached, as of
 * 22-Nov-2026 04:00, 8 min old". A cached copy always says its age, so nobody mistakes it for a
 * fresh answer.
 */
public final class SourceTiming {

  private SourceTiming() {}

  /** Timing with the cached copy's local time, without its age. */
  public static String describe(SourceView source, ZoneId zone) {
    String elapsed = elapsed(source.elapsedMs());
    if (!source.cached()) {
      return elapsed;
    }
    return source
        .retrievedAtIfKnown()
        .map(at -> elapsed + " · cached, as of " + CuiFormat.dateTime(at, zone))
        .orElse(elapsed + " · cached, age not known");
  }

  /** Timing with the cached copy's local time and its age as of the clock's now. */
  public static String describe(SourceView source, Clock clock) {
    String described = describe(source, clock.getZone());
    if (!source.cached()) {
      return described;
    }
    return source
        .retrievedAtIfKnown()
        .map(at -> described + ", " + age(at, clock.instant()) + " old")
        .orElse(described);
  }

  /** "under a minute", "8 min", "2 h 5 min", "3 days": how old a cached copy is. */
  public static String age(Instant retrievedAt, Instant now) {
    Duration age = Duration.between(retrievedAt, now);
    if (age.isNegative() || age.toSeconds() < 60) {
      return "under a minute";
    }
    if (age.toMinutes() < 60) {
      return age.toMinutes() + " min";
    }
    if (age.toHours() < 48) {
      long minutes = age.toMinutesPart();
      return minutes == 0 ? age.toHours() + " h" : age.toHours() + " h " + minutes + " min";
    }
    return age.toDays() + " days";
  }

  /** Milliseconds under a second, else seconds to one decimal place: "143 ms", "3.0 s". */
  public static String elapsed(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    return "%d.%d s".formatted(millis / 1000, (millis % 1000) / 100);
  }
}
