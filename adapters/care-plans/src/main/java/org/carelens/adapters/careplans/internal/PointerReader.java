package org.carelens.adapters.careplans.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.NhsNumber;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads the pointers of one searchset, each on its own (tolerant reader): a pointer that cannot be
 * read is counted by kind and left out, and the rest are kept. A pointer that names another patient
 * condemns the whole answer ({@link WrongPatientException}); one marked {@code entered-in-error}
 * was withdrawn by its author and is not a plan, so it is neither shown nor counted.
 */
public final class PointerReader {

  /** NHS England's ODS organisation code system, as NRL pointers identify authors. */
  static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

  private static final ZoneId UK = ZoneId.of("Europe/London");

  private PointerReader() {}

  /** What one search answered. */
  public record Read(List<Pointer> pointers, Map<String, Integer> unreadable, int unlisted) {

    public Read {
      pointers = List.copyOf(pointers);
      unreadable = Map.copyOf(unreadable);
    }

    /** Pointers that could not be read, plus those the answer left on later pages. */
    public int unreadableCount() {
      return unreadable.values().stream().mapToInt(Integer::intValue).sum() + unlisted;
    }
  }

  /** A pointer whose subject is another patient: the answer is not this patient's. */
  public static final class WrongPatientException extends Exception {
    private static final long serialVersionUID = 1L;

    WrongPatientException() {
      super(
          "a care plan pointer names another patient; the answer may be another patient's and"
              + " was discarded",
          null,
          false,
          false);
    }
  }

  /**
   * Reads one page.
   *
   * @param morePages whether the page links to a next one, which this adapter does not follow
   */
  public static Read read(Bundle page, NhsNumber patient, boolean morePages)
      throws WrongPatientException {
    List<Pointer> pointers = new ArrayList<>();
    Map<String, Integer> unreadable = new TreeMap<>();
    for (Bundle.BundleEntryComponent entry : page.getEntry()) {
      if (entry.hasSearch()
          && entry.getSearch().getMode() != null
          && entry.getSearch().getMode() != Bundle.SearchEntryMode.MATCH) {
        continue;
      }
      Resource resource = entry.getResource();
      if (resource instanceof OperationOutcome) {
        continue;
      }
      if (!(resource instanceof DocumentReference pointer)) {
        unreadable.merge("not a DocumentReference", 1, Integer::sum);
        continue;
      }
      Optional<String> problem = problem(pointer, patient);
      if (problem.isPresent()) {
        unreadable.merge(problem.get(), 1, Integer::sum);
        continue;
      }
      if (pointer.getStatus() == DocumentReferenceStatus.ENTEREDINERROR) {
        continue;
      }
      pointers.add(pointer(pointer));
    }
    // A searchset's total counts its matches; entries beyond this page were not read.
    int unlisted = 0;
    if (morePages) {
      unlisted = page.hasTotal() ? Math.max(1, page.getTotal() - countMatches(page)) : 1;
    }
    return new Read(pointers, unreadable, unlisted);
  }

  private static int countMatches(Bundle page) {
    return (int)
        page.getEntry().stream()
            .filter(
                e ->
                    !e.hasSearch()
                        || e.getSearch().getMode() == null
                        || e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
            .count();
  }

  /** Why a pointer cannot be read, if it cannot; throws if it is another patient's. */
  private static Optional<String> problem(DocumentReference pointer, NhsNumber patient)
      throws WrongPatientException {
    Identifier subject = pointer.getSubject().getIdentifier();
    if (!subject.hasValue() || !PointerSearch.NHS_NUMBER_SYSTEM.equals(subject.getSystem())) {
      return Optional.of("no NHS number for its patient");
    }
    if (!subject.getValue().equals(patient.value())) {
      throw new WrongPatientException();
    }
    if (!pointer.getIdElement().hasIdPart()) {
      return Optional.of("no id");
    }
    if (pointer.getStatus() == null) {
      return Optional.of("no status");
    }
    if (coding(pointer).isEmpty()) {
      return Optional.of("no coded type");
    }
    return Optional.empty();
  }

  private static Optional<Coding> coding(DocumentReference pointer) {
    List<Coding> codings = pointer.getType().getCoding();
    return codings.stream()
        .filter(c -> c.hasCode() && PlanType.ofCode(c.getSystem(), c.getCode()).isPresent())
        .findFirst()
        .or(() -> codings.stream().filter(Coding::hasCode).findFirst());
  }

  private static Pointer pointer(DocumentReference pointer) {
    Coding coding = coding(pointer).orElseThrow();
    Optional<PlanType> type = PlanType.ofCode(coding.getSystem(), coding.getCode());
    CodedConcept concept =
        new CodedConcept(
            coding.hasSystem() ? coding.getSystem() : "",
            coding.getCode(),
            coding.hasDisplay()
                ? coding.getDisplay()
                : type.map(PlanType::display).orElse(coding.getCode()));
    Optional<Reference> author =
        pointer.getAuthor().stream().filter(a -> a.hasIdentifier() || a.hasDisplay()).findFirst();
    Optional<Reference> organisation =
        author.isPresent()
            ? author
            : Optional.of(pointer.getCustodian()).filter(c -> c.hasIdentifier() || c.hasDisplay());
    Optional<Attachment> attachment =
        pointer.getContent().stream()
            .map(DocumentReference.DocumentReferenceContentComponent::getAttachment)
            .filter(Attachment::hasUrl)
            .findFirst();
    Set<String> replaces = new HashSet<>();
    for (DocumentReference.DocumentReferenceRelatesToComponent relation : pointer.getRelatesTo()) {
      if (relation.getCode() == DocumentReference.DocumentRelationshipType.REPLACES
          && relation.getTarget().hasReference()) {
        replaces.add(relation.getTarget().getReferenceElement().getIdPart());
      }
    }
    return new Pointer(
        pointer.getIdElement().getIdPart(),
        type,
        concept,
        pointer.getStatus() == DocumentReferenceStatus.CURRENT,
        Optional.ofNullable(pointer.getDate()).map(d -> LocalDate.ofInstant(d.toInstant(), UK)),
        // In UK time, like the day, so the two name the same day.
        Optional.ofNullable(pointer.getDate())
            .map(d -> d.toInstant().atZone(UK).toOffsetDateTime()),
        organisation
            .map(Reference::getIdentifier)
            .filter(i -> ODS_SYSTEM.equals(i.getSystem()) && i.hasValue())
            .map(Identifier::getValue),
        organisation.filter(Reference::hasDisplay).map(Reference::getDisplay),
        attachment.filter(Attachment::hasTitle).map(Attachment::getTitle),
        attachment.filter(Attachment::hasContentType).map(Attachment::getContentType),
        attachment.isPresent(),
        replaces);
  }
}
