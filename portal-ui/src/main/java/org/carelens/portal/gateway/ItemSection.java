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
    boolean withheld, @Nullable String notice, @Nullable List<T> items) implements SectionData<T> {

  public ItemSection {
    items = items == null ? List.of() : List.copyOf(items);
  }

  @Override
  public List<T> items() {
    return Objects.requireNonNull(items);
  }

  @Override
  public Optional<String> noticeIfAny() {
    return Optional.ofNullable(notice).filter(n -> !n.isBlank());
  }
}
