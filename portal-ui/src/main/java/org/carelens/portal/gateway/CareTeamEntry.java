package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Someone involved in the patient's care: a service, key worker or care coordinator.
 *
 * @param status {@code ACTIVE} or {@code ENDED}
 */
@Serdeable
public record CareTeamEntry(
    String id,
    Concept concept,
    String memberName,
    @Nullable String organisation,
    @Nullable String contact,
    String status,
    @Nullable LocalDate startDate,
    @Nullable List<ItemSource> sources,
    boolean conflict,
    @Nullable List<ItemDifference> differences)
    implements RecordItem {

  public CareTeamEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(memberName, "memberName");
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
