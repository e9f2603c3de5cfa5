package org.carelens.gateway.merge;

import java.util.List;
import org.carelens.sdk.model.ClinicalItem;

/**
 * One item of the merged view: the item as first reported, every source that reported it, and
 * whether sources disagree about it.
 *
 * @param occurrences the item as each source reported it, in source order; never empty
 * @param conflict sources disagree about this item (e.g. active at one, stopped at another)
 */
public record Merged<T extends ClinicalItem>(T item, List<T> occurrences, boolean conflict) {

  public Merged {
    occurrences = List.copyOf(occurrences);
    if (occurrences.isEmpty()) {
      throw new IllegalArgumentException("a merged item needs at least one occurrence");
    }
  }
}
