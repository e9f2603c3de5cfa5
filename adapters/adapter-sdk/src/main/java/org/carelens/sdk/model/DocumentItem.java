package org.carelens.sdk.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A document such as a discharge summary or clinic letter. Its content is not part of the record
 * view: it is fetched on demand through the adapter, and audited, using {@code contentReference}.
 *
 * @param contentReference the source-specific reference the adapter needs to fetch the content
 */
public record DocumentItem(
    Provenance provenance,
    CodedConcept concept,
    String title,
    Optional<LocalDate> date,
    Optional<String> author,
    Optional<String> contentType,
    Optional<String> contentReference,
    Set<Sensitivity> sensitivity)
    implements ClinicalItem {

  public DocumentItem {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(contentReference, "contentReference");
    sensitivity = Set.copyOf(sensitivity);
  }

  @Override
  public Section section() {
    return Section.DOCUMENTS;
  }
}
