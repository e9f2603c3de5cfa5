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
    boolean withheld,
    @Nullable String notice,
    @Nullable List<MedicationEntry> items,
    @Nullable List<IncompleteEntry> incomplete,
    @Nullable List<String> withheldReasons)
    implements SectionData<MedicationEntry> {

  public MedicationSection {
    items = items == null ? List.of() : List.copyOf(items);
    incomplete = incomplete == null ? List.of() : List.copyOf(incomplete);
    withheldReasons = withheldReasons == null ? List.of() : List.copyOf(withheldReasons);
  }

  @Override
  public List<MedicationEntry> items() {
    return Objects.requireNonNull(items);
  }

  /** A section from a gateway that does not report completeness or withheld reasons. */
  public MedicationSection(
      boolean withheld, @Nullable String notice, @Nullable List<MedicationEntry> items) {
    this(withheld, notice, items, null, null);
  }

  @Override
  public List<IncompleteEntry> incomplete() {
    return Objects.requireNonNull(incomplete);
  }

  @Override
  public List<String> withheldReasons() {
    return Objects.requireNonNull(withheldReasons);
  }

  @Override
  public Optional<String> noticeIfAny() {
    return Optional.ofNullable(notice).filter(n -> !n.isBlank());
  }
}
