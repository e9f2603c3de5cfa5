package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A social care package and its status.
 *
 * @param status {@code PLANNED}, {@code ACTIVE} or {@code ENDED}
 */
@Serdeable
public record SocialCareEntry(
    String id,
    Concept concept,
    String description,
    String status,
    @Nullable LocalDate startDate,
    @Nullable LocalDate endDate,
    @Nullable String provider,
    @Nullable List<ItemSource> sources,
    boolean conflict,
    @Nullable List<ItemDifference> differences)
    implements RecordItem {

  public SocialCareEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(description, "description");
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
