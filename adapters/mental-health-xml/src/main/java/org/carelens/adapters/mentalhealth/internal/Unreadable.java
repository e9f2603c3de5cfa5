package org.carelens.adapters.mentalhealth.internal;

import org.carelens.sdk.model.Completeness;
import org.jspecify.annotations.Nullable;

/**
 * Counts the listed items of one section that could not be read, so that the readable ones are
 * still returned and the section says how many are missing (PRODUCT.md principle 3). Reasons say
 * what kind of fault it was, never the item's content: they reach operators and the audit trail.
 * Not thread-safe; one per section read.
 */
final class Unreadable {

  private final String items;
  private int count;
  private @Nullable String first;

  /**
   * @param items what the section lists, in the plural, e.g. {@code "<Diagnosis> items"}
   */
  Unreadable(String items) {
    this.items = items;
  }

  void add(String why) {
    count++;
    if (first == null) {
      first = why;
    }
  }

  /** Complete when nothing was unreadable, else partial with the count and the first fault. */
  Completeness completeness(int read) {
    if (count == 0 || first == null) {
      return Completeness.complete();
    }
    return Completeness.partial(
        count,
        "%d of %d listed %s could not be read (%s%s)"
            .formatted(count, count + read, items, count > 1 ? "the first: " : "", first));
  }
}
