package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The sources of one merged item differ on a clinically meaningful field; the gateway keeps every
 * source's value (the API's {@code differences[]}).
 *
 * @param field the item's JSON field name, e.g. {@code dosageText}, {@code status}, {@code
 *     severity}
 * @param values every source's value, the one the item shows first
 */
@Serdeable
public record ItemDifference(String field, @Nullable List<SourceValue> values) {

  public ItemDifference {
    Objects.requireNonNull(field, "field");
    values = values == null ? List.of() : List.copyOf(values);
  }

  @Override
  public List<SourceValue> values() {
    return Objects.requireNonNull(values);
  }

  /**
   * One source's value.
   *
   * @param source the source id, as in the item's {@code sources[].id}
   * @param value as text (dates ISO 8601); null when the source records none
   */
  @Serdeable
  public record SourceValue(String source, @Nullable String value) {

    public SourceValue {
      Objects.requireNonNull(source, "source");
    }
  }
}
