package org.carelens.adapters.fhirr4.internal;

import java.net.URI;
import java.util.Optional;
import java.util.stream.Stream;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.DocumentItem;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;

/**
 * UK Core DocumentReference (discharge summaries, clinic letters) and Composition to {@link
 * DocumentItem}. Content is never read here: {@code contentReference} is the absolute URL the
 * content can be fetched from on demand (the attachment URL, usually {@code Binary/{id}}, resolved
 * against the server's base). The date keeps its time where the source recorded one ({@code
 * DocumentReference.date} is an {@code instant}, always timed); a date-only value gives no time.
 */
final class DocumentMapper {

  private DocumentMapper() {}

  static Optional<DocumentItem> reference(
      DocumentReference document, ResourceIndex index, ItemOrigin origin, Optional<URI> base)
      throws BadResourceException {
    // Superseded documents have a current replacement; entered-in-error ones were never true.
    if (document.getStatus() == DocumentReferenceStatus.ENTEREDINERROR
        || document.getStatus() == DocumentReferenceStatus.SUPERSEDED) {
      return Optional.empty();
    }
    String itemId = R4Values.itemId(document);
    CodedConcept concept =
        R4Values.concept(document.getType(), CodedConcept.SNOMED_CT)
            .or(
                () ->
                    document.getCategory().stream()
                        .map(c -> R4Values.concept(c, CodedConcept.SNOMED_CT))
                        .flatMap(Optional::stream)
                        .findFirst())
            .orElseThrow(
                () ->
                    new BadResourceException(document, "with neither a coded type nor a category"));
    Optional<Attachment> attachment =
        document.getContent().stream().map(c -> c.getAttachment()).findFirst();
    String title =
        R4Values.hasText(document.getDescription())
            ? document.getDescription().strip()
            : attachment
                .filter(a -> R4Values.hasText(a.getTitle()))
                .map(a -> a.getTitle().strip())
                .orElse(concept.display());
    Optional<String> content =
        attachment
            .filter(a -> R4Values.hasText(a.getUrl()))
            .map(a -> absolute(a.getUrl().strip(), base))
            .or(() -> base.map(b -> b + "/" + itemId));
    // The document's date, else its attachment's creation, else the start of its context: the
    // first that gives a day, and its time from that same value, so the two never disagree.
    Optional<BaseDateTimeType> dated =
        Stream.of(
                document.getDateElement(),
                attachment.map(Attachment::getCreationElement).orElse(null),
                document.getContext().getPeriod().getStartElement())
            .filter(v -> v != null && R4Values.day(v).isPresent())
            .findFirst();
    return Optional.of(
        new DocumentItem(
            document.hasCustodian()
                ? origin.provenance(document, document.getCustodian(), index)
                : origin.provenance(document),
            concept,
            title,
            dated.flatMap(R4Values::day),
            dated.flatMap(R4Values::time),
            document.getAuthor().stream()
                .map(a -> index.display(a, document))
                .flatMap(Optional::stream)
                .findFirst(),
            attachment.filter(Attachment::hasContentType).map(Attachment::getContentType),
            content,
            SensitivityLabels.of(document)));
  }

  static Optional<DocumentItem> composition(
      Composition composition, ResourceIndex index, ItemOrigin origin, Optional<URI> base)
      throws BadResourceException {
    if (composition.getStatus() == Composition.CompositionStatus.ENTEREDINERROR) {
      return Optional.empty();
    }
    String itemId = R4Values.itemId(composition);
    CodedConcept concept =
        R4Values.requireConcept(composition.getType(), composition, "type", CodedConcept.SNOMED_CT);
    return Optional.of(
        new DocumentItem(
            composition.hasCustodian()
                ? origin.provenance(composition, composition.getCustodian(), index)
                : origin.provenance(composition),
            concept,
            R4Values.hasText(composition.getTitle())
                ? composition.getTitle().strip()
                : concept.display(),
            R4Values.day(composition.getDateElement()),
            R4Values.time(composition.getDateElement()),
            composition.getAuthor().stream()
                .map(a -> index.display(a, composition))
                .flatMap(Optional::stream)
                .findFirst(),
            Optional.of("application/fhir+json"),
            base.map(b -> b + "/" + itemId),
            SensitivityLabels.of(composition)));
  }

  /** A relative attachment URL ({@code Binary/123}) is relative to the FHIR base (R4 3.1.0.4). */
  private static String absolute(String url, Optional<URI> base) {
    if (url.contains("://") || base.isEmpty()) {
      return url;
    }
    return base.get() + "/" + (url.startsWith("/") ? url.substring(1) : url);
  }
}
