package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An alert: safeguarding, end of life, DNACPR, ReSPECT or a violence marker.
 *
 * @param kind {@code SAFEGUARDING}, {@code END_OF_LIFE}, {@code DNACPR}, {@code RESPECT}, {@code
 *     CRISIS_PLAN}, {@code VIOLENCE_MARKER} or {@code OTHER}
 * @param status {@code ACTIVE} or {@code INACTIVE}
 */
@Serdeable
public record AlertEntry(
    String id,
    Concept concept,
    String kind,
    String status,
    @Nullable LocalDate recordedDate,
    @Nullable String note,
    @Nullable List<ItemSource> sources,
    boolean conflict,
    @Nullable List<ItemDifference> differences)
    implements RecordItem {

  public AlertEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(kind, "kind");
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
