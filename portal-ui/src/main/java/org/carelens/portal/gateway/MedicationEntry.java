package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One medication line, merged across sources.
 *
 * @param status {@code ACTIVE}, {@code COMPLETED} or {@code DISCONTINUED}
 * @param prescriptionType {@code ACUTE}, {@code REPEAT}, {@code REPEAT_DISPENSING} or {@code
 *     UNKNOWN}
 */
@Serdeable
public record MedicationEntry(
    String id,
    Concept concept,
    String status,
    @Nullable String prescriptionType,
    @Nullable String dosageText,
    @Nullable String quantityText,
    @Nullable LocalDate startDate,
    @Nullable LocalDate endDate,
    @Nullable LocalDate lastIssued,
    @Nullable String discontinuationReason,
    @Nullable List<ItemSource> sources,
    boolean conflict,
    @Nullable List<ItemDifference> differences)
    implements RecordItem {

  public MedicationEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(status, "status");
    sources = sources == null ? List.of() : List.copyOf(sources);
    differences = differences == null ? List.of() : List.copyOf(differences);
  }

  @Override
  public List<ItemSource> sources() {
    return Objects.requireNonNull(sources);
  }

  @Override
  public List<ItemDifference> differences() {
    return Objects.requireNonNull(differences);
  }
}
