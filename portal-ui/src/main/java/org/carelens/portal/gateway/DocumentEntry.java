package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A document's metadata; its content is fetched on demand from {@code contentUrl}.
 *
 * @param time the document's date with its time of day, when the source recorded one; null when
 *     only the day is known
 * @param contentUrl the gateway path of the content, e.g. {@code
 *     /api/v1/patients/9990000018/documents/acute/DocumentReference%2F1}
 */
@Serdeable
public record DocumentEntry(
    String id,
    Concept concept,
    String title,
    @Nullable LocalDate date,
    @Nullable OffsetDateTime time,
    @Nullable String author,
    @Nullable String contentType,
    String contentUrl,
    @Nullable List<ItemSource> sources,
    boolean conflict,
    @Nullable List<ItemDifference> differences)
    implements RecordItem {

  public DocumentEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(contentUrl, "contentUrl");
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
