package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The allergies section.
 *
 * @param withheld true when the viewer may not see this section; items are then empty and {@code
 *     notice} carries the generic confidentiality banner
 * @param state {@code KNOWN}, {@code NO_KNOWN_ALLERGIES}, {@code NOT_RECORDED} or {@code
 *     UNAVAILABLE}; null is read as unavailable
 */
@Serdeable
public record AllergySection(
    boolean withheld,
    @Nullable String notice,
    @Nullable String state,
    @Nullable List<AllergyEntry> items)
    implements SectionData<AllergyEntry> {

  public AllergySection {
    items = items == null ? List.of() : List.copyOf(items);
  }

  @Override
  public List<AllergyEntry> items() {
    return Objects.requireNonNull(items);
  }

  @Override
  public Optional<String> noticeIfAny() {
    return Optional.ofNullable(notice).filter(n -> !n.isBlank());
  }
}
