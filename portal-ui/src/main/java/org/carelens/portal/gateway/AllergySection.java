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
    @Nullable List<AllergyEntry> items,
    @Nullable List<IncompleteEntry> incomplete,
    @Nullable List<String> withheldReasons)
    implements SectionData<AllergyEntry> {

  public AllergySection {
    items = items == null ? List.of() : List.copyOf(items);
    incomplete = incomplete == null ? List.of() : List.copyOf(incomplete);
    withheldReasons = withheldReasons == null ? List.of() : List.copyOf(withheldReasons);
  }

  @Override
  public List<AllergyEntry> items() {
    return Objects.requireNonNull(items);
  }

  /** A section from a gateway that does not report completeness or withheld reasons. */
  public AllergySection(
      boolean withheld,
      @Nullable String notice,
      @Nullable String state,
      @Nullable List<AllergyEntry> items) {
    this(withheld, notice, state, items, null, null);
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
