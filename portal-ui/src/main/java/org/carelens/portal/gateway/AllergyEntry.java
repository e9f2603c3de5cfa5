package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One allergy or intolerance, merged across sources.
 *
 * @param status {@code ACTIVE} or {@code RESOLVED}
 * @param conflict true when sources disagree about it (shown, never resolved silently)
 */
@Serdeable
public record AllergyEntry(
    String id,
    Concept concept,
    String status,
    @Nullable LocalDate onsetDate,
    @Nullable LocalDate recordedDate,
    @Nullable List<String> reactions,
    @Nullable String severity,
    @Nullable List<ItemSource> sources,
    boolean conflict,
    @Nullable List<ItemDifference> differences)
    implements RecordItem {

  public AllergyEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(status, "status");
    reactions = reactions == null ? List.of() : List.copyOf(reactions);
    sources = sources == null ? List.of() : List.copyOf(sources);
    differences = differences == null ? List.of() : List.copyOf(differences);
  }

  @Override
  public List<String> reactions() {
    return Objects.requireNonNull(reactions);
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
