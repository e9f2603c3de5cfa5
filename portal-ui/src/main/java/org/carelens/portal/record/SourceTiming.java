package org.carelens.portal.record;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.carelens.portal.gateway.SourceView;

/**
 * How long a source took, and for cached answers how old they are: "143 ms · cached, as of 04:00".
 */
public final class SourceTiming {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private SourceTiming() {}

  public static String describe(SourceView source, ZoneId zone) {
    String elapsed = elapsed(source.elapsedMs());
    if (!source.cached()) {
      return elapsed;
    }
    return source
        .retrievedAtIfKnown()
        .map(at -> elapsed + " · cached, as of " + HH_MM.format(at.atZone(zone)))
        .orElse(elapsed + " · cached, age not known");
  }

  /** Milliseconds under a second, else seconds to one decimal place: "143 ms", "3.0 s". */
  public static String elapsed(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    return "%d.%d s".formatted(millis / 1000, (millis % 1000) / 100);
  }
}
