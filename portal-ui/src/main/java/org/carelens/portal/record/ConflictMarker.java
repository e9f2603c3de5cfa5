package org.carelens.portal.record;

import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.SerializablePredicate;

/**
 * The grid cell that flags an item the sources disagree about. Merging never resolves a conflict
 * silently, so the flag is words in the error colour, not an icon that a screen reader or a
 * colour-blind reader could miss.
 */
final class ConflictMarker {

  static final String TEXT = "Sources disagree";

  private ConflictMarker() {}

  static <T> LitRenderer<T> renderer(SerializablePredicate<T> inConflict) {
    return LitRenderer.<T>of(
            "<span style=\"color:var(--lumo-error-text-color);font-weight:600\">${item.marker}</span>")
        .withProperty("marker", item -> inConflict.test(item) ? TEXT : "");
  }
}
