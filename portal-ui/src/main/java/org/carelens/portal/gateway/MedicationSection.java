package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The medications section.
 *
 * @param withheld true when the viewer may not see this section; {@code notice} then says why in
 *     generic words
 */
@Serdeable
public record MedicationSection(
    boolean withheld, @Nullable String notice, @Nullable List<MedicationEntry> items)
    implements SectionData<MedicationEntry> {

  public MedicationSection {
    items = items == null ? List.of() : List.copyOf(items);
  }

  @Override
  public List<MedicationEntry> items() {
    return Objects.requireNonNull(items);
  }

  @Override
  public Optional<String> noticeIfAny() {
    return Optional.ofNullable(notice).filter(n -> !n.isBlank());
  }
}
