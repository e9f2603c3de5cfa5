package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A problem or diagnosis.
 *
 * @param status {@code ACTIVE}, {@code INACTIVE} or {@code RESOLVED}
 * @param significance {@code MAJOR}, {@code MINOR} or {@code UNSPECIFIED}
 */
@Serdeable
public record ProblemEntry(
    String id,
    Concept concept,
    String status,
    @Nullable String significance,
    @Nullable LocalDate onsetDate,
    @Nullable LocalDate endDate,
    @Nullable LocalDate recordedDate,
    @Nullable List<ItemSource> sources,
    boolean conflict,
    @Nullable List<ItemDifference> differences)
    implements RecordItem {

  public ProblemEntry {
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
