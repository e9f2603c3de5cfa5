package org.carelens.gateway.merge;

import java.util.Objects;
import java.util.Optional;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.Section;

/**
 * A section that a source answered but could not read completely: partial (some listed items
 * unreadable) or unavailable (the section could not be read at all). Never complete.
 *
 * @param sourceId the Carelens source id
 * @param sourceName what users call the source
 * @param completeness {@link Completeness.Partial} or {@link Completeness.Unavailable}
 */
public record SectionGap(
    String sourceId, String sourceName, Section section, Completeness completeness) {

  public SectionGap {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(section, "section");
    if (completeness.isComplete()) {
      throw new IllegalArgumentException(
          "source %s section %s is complete: not a gap".formatted(sourceId, section.key()));
    }
  }

  /** {@code PARTIAL} or {@code UNAVAILABLE}, as the API names the state. */
  public String state() {
    return completeness instanceof Completeness.Partial ? "PARTIAL" : "UNAVAILABLE";
  }

  /** How many listed items could not be read; empty when the whole section is unavailable. */
  public Optional<Integer> unreadableItems() {
    return completeness instanceof Completeness.Partial p
        ? Optional.of(p.unreadableItems())
        : Optional.empty();
  }

  /** What went wrong, as the adapter reported it (never patient data). */
  public String detail() {
    return switch (completeness) {
      case Completeness.Partial p -> p.reason();
      case Completeness.Unavailable u -> u.reason();
      case Completeness.Complete c -> throw new IllegalStateException("not a gap");
    };
  }

  /**
   * What a clinician reads, naming the source and the section but never the content, e.g.
   * "Riverside Medical Practice: 1 listed allergy could not be read".
   */
  public String message() {
    return switch (completeness) {
      case Completeness.Partial p ->
          "%s: %d listed %s could not be read"
              .formatted(
                  sourceName, p.unreadableItems(), SectionNouns.of(section, p.unreadableItems()));
      case Completeness.Unavailable u ->
          "%s: %s could not be read".formatted(sourceName, SectionNouns.title(section));
      case Completeness.Complete c -> throw new IllegalStateException("not a gap");
    };
  }
}
