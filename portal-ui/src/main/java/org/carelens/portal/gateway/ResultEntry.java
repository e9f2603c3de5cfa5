package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A test result with the flag as the laboratory gave it.
 *
 * @param flag {@code NORMAL}, {@code LOW}, {@code HIGH}, {@code CRITICALLY_LOW}, {@code
 *     CRITICALLY_HIGH}, {@code ABNORMAL} or {@code NOT_GIVEN}
 * @param report the report (panel) the result belongs to, e.g. "Renal function panel"
 */
@Serdeable
public record ResultEntry(
    String id,
    Concept concept,
    @Nullable String value,
    @Nullable String unit,
    @Nullable String referenceRange,
    @Nullable String flag,
    @Nullable String status,
    @Nullable LocalDate effectiveDate,
    @Nullable String report,
    @Nullable List<ItemSource> sources,
    boolean conflict,
    @Nullable List<ItemDifference> differences)
    implements RecordItem {

  public ResultEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(concept, "concept");
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
