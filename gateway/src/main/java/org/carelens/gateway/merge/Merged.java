package org.carelens.gateway.merge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.carelens.sdk.model.ClinicalItem;

/**
 * One item of the merged view: the occurrence whose values are shown as the item's own, every
 * source that reported it, whether sources disagree about it, and every clinically meaningful value
 * on which they differ, each with its source.
 *
 * @param item the occurrence whose values are shown: the first of {@code occurrences}, chosen by
 *     the rule in {@link RecordMerger} (most recent by the section's date), never silently the
 *     first source in order of source id
 * @param occurrences the item as each source reported it, the shown one first; never empty
 * @param conflict sources disagree about this item (e.g. active at one, stopped at another, or a
 *     different dose); always true when {@code differences} is not empty
 * @param differences each meaningful field on which the sources differ, with every source's value;
 *     empty when they agree
 */
public record Merged<T extends ClinicalItem>(
    T item, List<T> occurrences, boolean conflict, List<Difference> differences) {

  public Merged {
    Objects.requireNonNull(item, "item");
    occurrences = List.copyOf(occurrences);
    differences = List.copyOf(differences);
    if (occurrences.isEmpty()) {
      throw new IllegalArgumentException("a merged item needs at least one occurrence");
    }
    if (!differences.isEmpty() && !conflict) {
      throw new IllegalArgumentException(
          "an item whose sources differ on %s must be flagged as a conflict"
              .formatted(differences.stream().map(Difference::field).toList()));
    }
  }

  /** An item without differences between its sources' values. */
  public Merged(T item, List<T> occurrences, boolean conflict) {
    this(item, occurrences, conflict, List.of());
  }

  /** The differences on one field, if the sources differ on it. */
  public Optional<Difference> difference(String field) {
    return differences.stream().filter(d -> d.field().equals(field)).findFirst();
  }

  /**
   * Sources differ on one field of one item.
   *
   * @param field the field's name as the record API names it, e.g. {@code dosageText}
   * @param values every source's value, in the order of the item's occurrences; at least two, and
   *     not all equal
   */
  public record Difference(String field, List<SourceValue> values) {

    public Difference {
      Objects.requireNonNull(field, "field");
      values = List.copyOf(values);
      if (values.size() < 2) {
        throw new IllegalArgumentException(
            "a difference on '%s' needs at least two values, had %d"
                .formatted(field, values.size()));
      }
    }
  }

  /**
   * One source's value for a field.
   *
   * @param source the source id
   * @param value the value as text (dates ISO 8601, lists joined with ", "); empty when the source
   *     records none
   */
  public record SourceValue(String source, Optional<String> value) {

    public SourceValue {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(value, "value");
    }
  }
}
