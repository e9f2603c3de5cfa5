package org.carelens.sdk.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one source returned for one section.
 *
 * @param items the items, in the source's order; the readable ones even when others were not
 * @param emptyReason set when the source explicitly says why there are no current items (GP
 *     Connect's List emptyReason), e.g. "no known allergies" while ended allergies are still
 *     listed; {@link EmptyReason#UNAVAILABLE} exactly when {@code completeness} is {@link
 *     Completeness.Unavailable}
 * @param excludedAtSource the source says it left out confidential items (GP Connect's
 *     "confidential-items" warning); the viewer must be told, without detail
 * @param completeness whether every item the source listed could be read; never complete for a
 *     section the adapter could not read
 */
public record SectionContent<T extends ClinicalItem>(
    Section section,
    List<T> items,
    Optional<EmptyReason> emptyReason,
    boolean excludedAtSource,
    Completeness completeness) {

  /** Said of a section reported {@link EmptyReason#UNAVAILABLE} without a reason of its own. */
  public static final String UNAVAILABLE_WITHOUT_REASON = "the source could not provide it";

  public SectionContent {
    Objects.requireNonNull(section, "section");
    items = List.copyOf(items);
    Objects.requireNonNull(emptyReason, "emptyReason");
    Objects.requireNonNull(completeness, "completeness");
    for (T item : items) {
      if (item.section() != section) {
        throw new IllegalArgumentException(
            "a %s item cannot be placed in section %s".formatted(item.section(), section));
      }
    }
    // The two ways of saying "unavailable" must agree, so no reader can see one without the other.
    if (emptyReason.equals(Optional.of(EmptyReason.UNAVAILABLE)) && completeness.isComplete()) {
      completeness = Completeness.unavailable(UNAVAILABLE_WITHOUT_REASON);
    }
    if (completeness instanceof Completeness.Unavailable) {
      if (!items.isEmpty()) {
        throw new IllegalArgumentException(
            "an unavailable %s section cannot carry %d items: report it partial instead"
                .formatted(section.key(), items.size()));
      }
      emptyReason = Optional.of(EmptyReason.UNAVAILABLE);
    }
  }

  /**
   * A complete section; {@code emptyReason} {@link EmptyReason#UNAVAILABLE} makes it unavailable.
   */
  public SectionContent(
      Section section, List<T> items, Optional<EmptyReason> emptyReason, boolean excludedAtSource) {
    this(section, items, emptyReason, excludedAtSource, Completeness.complete());
  }

  public static <T extends ClinicalItem> SectionContent<T> of(Section section, List<T> items) {
    return new SectionContent<>(section, items, Optional.empty(), false);
  }

  /** A section the source could not provide at all, with what went wrong. */
  public static <T extends ClinicalItem> SectionContent<T> unavailable(
      Section section, String reason) {
    return new SectionContent<>(
        section, List.of(), Optional.empty(), false, Completeness.unavailable(reason));
  }

  /** This section with {@code completeness} in place of its own. */
  public SectionContent<T> withCompleteness(Completeness completeness) {
    return new SectionContent<>(section, items, emptyReason, excludedAtSource, completeness);
  }
}
