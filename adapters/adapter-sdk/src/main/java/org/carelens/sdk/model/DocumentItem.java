package org.carelens.sdk.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A document such as a discharge summary or clinic letter. Its content is not part of the record
 * view: it is fetched on demand through the adapter, and audited, using {@code contentReference}.
 *
 * <p>{@code date} is the day the source dates the document; {@code time} is present only when the
 * source recorded a time of day too (a FHIR {@code instant}, or a {@code dateTime} with a time
 * part), with the offset it wrote. A date-only value gives no time: Carelens never invents one.
 * When a time is present, {@code date} is present and is the time's local date.
 *
 * @param date the day of the document
 * @param time the same moment with its time of day and offset; empty when the source recorded only
 *     a date (or none)
 * @param contentReference the source-specific reference the adapter needs to fetch the content
 */
public record DocumentItem(
    Provenance provenance,
    CodedConcept concept,
    String title,
    Optional<LocalDate> date,
    Optional<OffsetDateTime> time,
    Optional<String> author,
    Optional<String> contentType,
    Optional<String> contentReference,
    Set<Sensitivity> sensitivity)
    implements ClinicalItem {

  /**
   * @throws IllegalArgumentException when a time is given without its date, or on another day
   */
  public DocumentItem {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(contentReference, "contentReference");
    Times.requireSameDay("date", date, time);
    sensitivity = Set.copyOf(sensitivity);
  }

  /** A document whose source records its date only: no time. */
  public DocumentItem(
      Provenance provenance,
      CodedConcept concept,
      String title,
      Optional<LocalDate> date,
      Optional<String> author,
      Optional<String> contentType,
      Optional<String> contentReference,
      Set<Sensitivity> sensitivity) {
    this(
        provenance,
        concept,
        title,
        date,
        Optional.empty(),
        author,
        contentType,
        contentReference,
        sensitivity);
  }

  @Override
  public Section section() {
    return Section.DOCUMENTS;
  }
}
