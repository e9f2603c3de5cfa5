package org.carelens.portal.record;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.carelens.portal.gateway.IncompleteSection;
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

  /** "1 listed allergy could not be read", "care team could not be read". */
  static String sectionGap(IncompleteSection section) {
    SectionKind kind =
        java.util.Arrays.stream(SectionKind.values())
            .filter(k -> k.key().equals(section.section()))
            .findFirst()
            .orElse(null);
    if (kind == null) {
      return section.section() + " could not be read completely";
    }
    if ("PARTIAL".equals(section.state()) && section.unreadableItems() != null) {
      int n = section.unreadableItems();
      return "%d listed %s could not be read"
          .formatted(n, n == 1 ? kind.singular() : kind.plural());
    }
    return kind.heading().toLowerCase(java.util.Locale.UK) + " could not be read";
  }

  /**
   * One sentence per source that makes the view possibly incomplete, and one per section a source
   * answered but could not read completely; empty when complete.
   */
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
      for (IncompleteSection section : source.incompleteSections()) {
        // Issue 9: a source that answered can still have sections it could not read.
        gaps.add(source.name() + ": " + sectionGap(section) + ".");
      }
    }
    return List.copyOf(gaps);
  }
}
