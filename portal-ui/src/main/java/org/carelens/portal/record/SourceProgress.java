package org.carelens.portal.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.carelens.portal.gateway.AllergyEntry;
import org.carelens.portal.gateway.SourceEvent;
import org.carelens.portal.gateway.SourceView;

/**
 * What a record that is still loading can honestly show: every expected source as loading until its
 * {@code source} event arrives, then that source's outcome, plus the allergies each source has sent
 * so far. Immutable; each event gives a new progress. Never a whole view: conflicts and
 * de-duplication exist only in the merged view the {@code complete} event carries.
 *
 * @param rows the sources in display order: expected ones first, unexpected arrivals appended
 * @param allergies allergies sent so far, per source, in arrival order; not merged or de-duplicated
 */
public record SourceProgress(List<Row> rows, List<ProvisionalAllergy> allergies) {

  /** The wire-like status a source has until its event arrives. */
  public static final String LOADING = "LOADING";

  /** One source in the strip. */
  public sealed interface Row {
    String id();

    String name();

    /** {@link #LOADING}, or the status the source's event gave. */
    String status();
  }

  /** A source the view expects and has not heard from yet. */
  public record Loading(String id, String name) implements Row {
    public Loading {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String status() {
      return LOADING;
    }
  }

  /** A source whose event has arrived. */
  public record Answered(SourceView source) implements Row {
    public Answered {
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String id() {
      return source.id();
    }

    @Override
    public String name() {
      return source.name();
    }

    @Override
    public String status() {
      return source.status();
    }
  }

  /** One allergy as one source sent it, before merging. */
  public record ProvisionalAllergy(
      String display, String sourceId, String sourceName, String status) {
    public ProvisionalAllergy {
      Objects.requireNonNull(sourceId, "sourceId");
      Objects.requireNonNull(display, "display");
      Objects.requireNonNull(sourceName, "sourceName");
      Objects.requireNonNull(status, "status");
    }
  }

  public SourceProgress {
    rows = List.copyOf(rows);
    allergies = List.copyOf(allergies);
    if (rows.stream().map(Row::id).distinct().count() != rows.size()) {
      throw new IllegalArgumentException("Each source may appear once, was " + rows);
    }
  }

  /** Every expected source loading (id to display name, in display order). */
  public static SourceProgress expecting(Map<String, String> expected) {
    List<Row> rows = new ArrayList<>();
    expected.forEach((id, name) -> rows.add(new Loading(id, name)));
    return new SourceProgress(rows, List.of());
  }

  /**
   * The progress after one source's event: its row takes the event's status (appended if it was not
   * expected) and its allergies, unless the section was withheld, join the provisional list. A
   * repeated event for the same source replaces the earlier one.
   */
  public SourceProgress arrived(SourceEvent event) {
    Objects.requireNonNull(event, "event");
    List<Row> next = new ArrayList<>(rows);
    Answered answered = new Answered(event.source());
    int at = indexOf(event.id());
    if (at < 0) {
      next.add(answered);
    } else {
      next.set(at, answered);
    }
    List<ProvisionalAllergy> nextAllergies = new ArrayList<>();
    for (ProvisionalAllergy allergy : allergies) {
      if (!allergy.sourceId().equals(event.id())) {
        nextAllergies.add(allergy);
      }
    }
    if (event.sections() != null && event.sections().allergies() != null) {
      var section = event.sections().allergies();
      if (!section.withheld()) {
        for (AllergyEntry item : section.items()) {
          nextAllergies.add(
              new ProvisionalAllergy(
                  item.concept().display(), event.id(), event.name(), item.status()));
        }
      }
    }
    return new SourceProgress(next, nextAllergies);
  }

  /** How many sources have answered so far. */
  public long answered() {
    return rows.stream().filter(Answered.class::isInstance).count();
  }

  /** How many expected sources have not answered yet. */
  public long loading() {
    return rows.stream().filter(Loading.class::isInstance).count();
  }

  /** The strip's headline while loading, e.g. "Loading: 2 of 6 sources have answered so far." */
  public String headline() {
    if (rows.isEmpty()) {
      return "Loading: waiting for the first source to answer.";
    }
    long answered = answered();
    return "Loading: %d of %d %s answered so far. The record is not complete yet."
        .formatted(answered, rows.size(), rows.size() == 1 ? "source has" : "sources have");
  }

  private int indexOf(String id) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
