package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A referral and its appointment.
 *
 * @param status {@code PENDING}, {@code ACTIVE}, {@code COMPLETED} or {@code CANCELLED}
 */
@Serdeable
public record ReferralEntry(
    String id,
    Concept concept,
    String status,
    @Nullable LocalDate requestedDate,
    @Nullable String recipient,
    @Nullable String priority,
    @Nullable LocalDate appointmentDate,
    @Nullable List<ItemSource> sources,
    boolean conflict,
    @Nullable List<ItemDifference> differences)
    implements RecordItem {

  public ReferralEntry {
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
