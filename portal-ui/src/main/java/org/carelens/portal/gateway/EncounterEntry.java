package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A contact with a service: A&amp;E, admission, outpatient, GP or out-of-hours consultation.
 *
 * @param kind {@code EMERGENCY_ATTENDANCE}, {@code ADMISSION}, {@code OUTPATIENT}, {@code
 *     GP_CONSULTATION}, {@code OUT_OF_HOURS}, {@code COMMUNITY} or {@code OTHER}
 * @param startTime the start with its time of day, when the source recorded one; null when only the
 *     day is known (never shown as 00:00)
 * @param endTime the end with its time of day, likewise
 */
@Serdeable
public record EncounterEntry(
    String id,
    Concept concept,
    String kind,
    @Nullable LocalDate start,
    @Nullable LocalDate end,
    @Nullable OffsetDateTime startTime,
    @Nullable OffsetDateTime endTime,
    @Nullable String location,
    @Nullable String clinician,
    @Nullable String summary,
    @Nullable String dischargeDetails,
    @Nullable List<ItemSource> sources,
    boolean conflict,
    @Nullable List<ItemDifference> differences)
    implements RecordItem {

  public EncounterEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(kind, "kind");
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
