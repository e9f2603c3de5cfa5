package org.carelens.portal.record;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.carelens.portal.gateway.SourceView;

/**
 * Whether a view may be missing information, and why, source by source (PRODUCT.md principle 3:
 * never silently incomplete). A source that was withheld, timed out, was not asked because its
 * circuit is open, failed, or answered from a cached copy over a minute old makes the view possibly
 * incomplete. A source that answered "no record" does not: it holds nothing for this patient, so
 * nothing is missing, and warning about it would teach clinicians to ignore the warning.
 */
public final class Completeness {

  /**
   * A cached copy younger than this is as good as a fresh answer: the gateway's fresh-cache window
   * is 30 s by default. Older copies are served only when the source failed (serve-stale-on-error),
   * so they are gaps.
   */
  static final Duration CURRENT = Duration.ofMinutes(1);

  private Completeness() {}

  /** One sentence per source that makes the view possibly incomplete; empty when complete. */
  public static List<String> gaps(List<SourceView> sources, Clock clock) {
    List<String> gaps = new ArrayList<>();
    for (SourceView source : sources) {
      String status = source.status();
      String gap =
          switch (status) {
            case "OK", "NO_RECORD" -> null;
            case "WITHHELD" ->
                source.name() + ": withheld. " + WithheldReasons.words(source.reasonIfAny()) + ".";
            case "TIMEOUT" -> source.name() + ": did not answer in time.";
            case "CIRCUIT_OPEN" ->
                source.name() + ": unavailable (failing recently, so not asked this time).";
            case "ERROR" -> source.name() + ": could not be read.";
            default -> source.name() + ": status " + status + ".";
          };
      if (gap != null && source.cached()) {
        // Serve-stale on failure: say what is shown instead, and how old it is.
        gap +=
            source
                .retrievedAtIfKnown()
                .map(
                    at ->
                        " Showing a cached copy " + SourceTiming.age(at, clock.instant()) + " old.")
                .orElse(" Showing a cached copy of unknown age.");
      } else if (gap == null
          && source.cached()
          && source
              .retrievedAtIfKnown()
              .map(at -> Duration.between(at, clock.instant()).compareTo(CURRENT) > 0)
              .orElse(true)) {
        gap =
            source
                .retrievedAtIfKnown()
                .map(
                    at ->
                        source.name()
                            + ": shown from a cached copy "
                            + SourceTiming.age(at, clock.instant())
                            + " old.")
                .orElse(source.name() + ": shown from a cached copy of unknown age.");
      }
      if (gap != null) {
        gaps.add(gap);
      }
    }
    return List.copyOf(gaps);
  }
}
