package org.carelens.portal.record;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One tile of the summary: a few lines of what matters first, the sources they came from, and, when
 * any source that could hold more did not answer fully, why the tile may be incomplete (principle
 * 3: a summary is never silently incomplete).
 *
 * @param id the tile's element id, {@code tile-<name>}
 * @param title the tile's heading
 * @param lines what the tile lists, already in CUI words; empty when there is nothing
 * @param more how many further items the full section holds beyond {@code lines}
 * @param emptyText what the tile says when {@code lines} is empty, never implying "none exist" when
 *     that was not said
 * @param sources the names of the sources the lines came from
 * @param incomplete why the tile may be missing something; empty when complete
 * @param prominent care plans and safeguarding: shown first and marked out
 * @param section the full section one click away, by its anchor ({@code #<key>})
 */
public record SummaryTile(
    String id,
    String title,
    List<String> lines,
    int more,
    String emptyText,
    List<String> sources,
    List<String> incomplete,
    boolean prominent,
    Optional<SectionKind> section) {

  public SummaryTile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(emptyText, "emptyText");
    lines = List.copyOf(lines);
    sources = List.copyOf(sources);
    incomplete = List.copyOf(incomplete);
    if (more < 0) {
      throw new IllegalArgumentException("more must not be negative, was " + more);
    }
  }

  /** True when some source that could add to this tile did not answer completely. */
  public boolean mayBeIncomplete() {
    return !incomplete.isEmpty();
  }
}
