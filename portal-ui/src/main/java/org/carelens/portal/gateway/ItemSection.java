package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A section whose items need nothing beyond {@code {withheld, notice, items[]}}: alerts, problems,
 * encounters, results, immunisations, documents, referrals, care team and social care.
 *
 * @param withheld true when the viewer may not see some or all of the section; {@code notice} then
 *     carries the generic words, which never say what or how much was hidden
 */
@Serdeable
public record ItemSection<T extends RecordItem>(
    boolean withheld,
    @Nullable String notice,
    @Nullable List<T> items,
    @Nullable List<IncompleteEntry> incomplete,
    @Nullable List<String> withheldReasons)
    implements SectionData<T> {

  public ItemSection {
    items = items == null ? List.of() : List.copyOf(items);
    incomplete = incomplete == null ? List.of() : List.copyOf(incomplete);
    withheldReasons = withheldReasons == null ? List.of() : List.copyOf(withheldReasons);
  }

  @Override
  public List<T> items() {
    return Objects.requireNonNull(items);
  }

  /** A section from a gateway that does not report completeness or withheld reasons. */
  public ItemSection(boolean withheld, @Nullable String notice, @Nullable List<T> items) {
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
