package org.carelens.portal.record;

import com.vaadin.flow.data.renderer.LitRenderer;
import java.time.ZoneId;
import org.carelens.portal.gateway.RecordItem;

/**
 * The grid cell that flags an item the sources disagree about. Merging never resolves a conflict
 * silently, so the flag is words in the error colour, not an icon that a screen reader or a
 * colour-blind reader could miss, followed by each differing value beside its source (see {@link
 * SourceDifferences}). Values are bound as text, never as markup.
 */
final class ConflictMarker {

  static final String TEXT = "Sources disagree";

  private ConflictMarker() {}

  static <T extends RecordItem> LitRenderer<T> forItems() {
    return forItems(CuiFormat.UK);
  }

  /** Like {@link #forItems()}, with times among the differences in the viewer's zone. */
  static <T extends RecordItem> LitRenderer<T> forItems(ZoneId zone) {
    return LitRenderer.<T>of(
            "<span style=\"color:var(--lumo-error-text-color);font-weight:600\">${item.marker}</span>"
                + "<div class=\"source-differences\" style=\"white-space:pre-line\">"
                + "${item.differences}</div>")
        .withProperty("marker", item -> item.conflict() ? TEXT : "")
        .withProperty(
            "differences", item -> String.join("\n", SourceDifferences.lines(item, zone)));
  }
}
