package org.carelens.sdk.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one source returned for one section.
 *
 * @param items the items, in the source's order
 * @param emptyReason set when the source explicitly says why there are no current items (GP
 *     Connect's List emptyReason), e.g. "no known allergies" while ended allergies are still listed
 * @param excludedAtSource the source says it left out confidential items (GP Connect's
 *     "confidential-items" warning); the viewer must be told, without detail
 */
public record SectionContent<T extends ClinicalItem>(
    Section section, List<T> items, Optional<EmptyReason> emptyReason, boolean excludedAtSource) {

  public SectionContent {
    Objects.requireNonNull(section, "section");
    items = List.copyOf(items);
    Objects.requireNonNull(emptyReason, "emptyReason");
    for (T item : items) {
      if (item.section() != section) {
        throw new IllegalArgumentException(
            "a %s item cannot be placed in section %s".formatted(item.section(), section));
      }
    }
  }

  public static <T extends ClinicalItem> SectionContent<T> of(Section section, List<T> items) {
    return new SectionContent<>(section, items, Optional.empty(), false);
  }
}
