package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Provenance of a merged item: which source recorded it, under which identifier.
 *
 * @param values for a medication, what this source holds for it (its own type, dose, quantity,
 *     dates and status); null for other sections, and from gateways that do not send it
 */
@Serdeable
public record ItemSource(
    String id, String name, @Nullable String itemId, @Nullable MedicationValues values) {

  public ItemSource {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }

  /** A source without per-source values: every section but medications. */
  public ItemSource(String id, String name, @Nullable String itemId) {
    this(id, name, itemId, null);
  }

  public Optional<MedicationValues> valuesIfKnown() {
    return Optional.ofNullable(values);
  }
}
