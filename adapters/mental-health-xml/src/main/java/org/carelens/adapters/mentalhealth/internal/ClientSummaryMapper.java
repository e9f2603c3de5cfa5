package org.carelens.adapters.mentalhealth.internal;

import static org.carelens.adapters.mentalhealth.internal.Elements.attribute;
import static org.carelens.adapters.mentalhealth.internal.Elements.child;
import static org.carelens.adapters.mentalhealth.internal.Elements.children;
import static org.carelens.adapters.mentalhealth.internal.Elements.date;
import static org.carelens.adapters.mentalhealth.internal.Elements.required;
import static org.carelens.adapters.mentalhealth.internal.Elements.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.AlertItem;
import org.carelens.sdk.model.CareTeamItem;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.DocumentItem;
import org.carelens.sdk.model.EncounterItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.ProblemItem;
import org.carelens.sdk.model.Provenance;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.Sensitivity;
import org.carelens.sdk.model.SourceRecord;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Maps the trust's client summary to the canonical model: care coordinator to the care team, risk
 * flags to alerts, diagnoses to problems, contacts to encounters and clinical notes to documents
 * labelled {@link Sensitivity#MENTAL_HEALTH_NOTES}.
 *
 * <p><b>Safety rules.</b> The summary must carry the requested NHS number, or the whole answer is
 * discarded (a mis-routed answer must never be shown as this patient's). Each item is mapped on its
 * own: one that is malformed, lacks a required attribute or is not of the element type its list
 * holds is counted, and its section is {@link Completeness.Partial} with the readable items still
 * in it, because a risk list silently missing one risk would read as complete, and one dropped for
 * a single bad risk would hide the others. Codes in systems this adapter does not know are kept
 * with their text. A list element that is missing (the trust always sends it, empty when nothing is
 * recorded) makes its section {@link Completeness.Unavailable}, never an empty answer. Notes are
 * always labelled sensitive, whatever the document's own {@code sensitive} flag says, because a
 * wrongly unflagged mental health note must fail closed.
 *
 * <p>Thread-safe and stateless apart from its configuration.
 */
public final class ClientSummaryMapper {

  /** RiO's role codes for the person who coordinates care; the trust's own code system. */
  public static final String ROLE_SYSTEM = "urn:riverside-mh:rio:role";

  /** RiO's note types; the trust's own code system. */
  public static final String NOTE_TYPE_SYSTEM = "urn:riverside-mh:rio:note-type";

  public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";

  private static final System.Logger LOG = System.getLogger(ClientSummaryMapper.class.getName());

  private final String sourceId;
  private final String trustOds;

  public ClientSummaryMapper(String sourceId, String trustOds) {
    this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
    this.trustOds = Objects.requireNonNull(trustOds, "trustOds");
  }

  /**
   * @param requested the sections asked for; only these appear in the result
   * @throws MalformedSummaryException when the document cannot be this patient's summary
   */
  public SourceRecord map(Document document, NhsNumber nhsNumber, Set<Section> requested)
      throws MalformedSummaryException {
    Element root = document.getDocumentElement();
    if (!"ClientSummary".equals(Elements.name(root))) {
      throw new MalformedSummaryException(
          "response body is a <%s> document, where a <ClientSummary> was expected"
              .formatted(Elements.name(root)));
    }
    Element client =
        child(root, "Client")
            .orElseThrow(() -> new MalformedSummaryException("the summary has no <Client>"));
    boolean matches = text(client, "NhsNumber").filter(nhsNumber.value()::equals).isPresent();
    if (!matches) {
      throw new MalformedSummaryException(
          "the summary's <Client> does not carry the requested NHS number; the answer may be"
              + " another client's and was discarded");
    }
    Origin origin = origin(root);

    Map<Section, SectionContent<?>> sections = new EnumMap<>(Section.class);
    if (requested.contains(Section.CARE_TEAM)) {
      sections.put(Section.CARE_TEAM, guarded(Section.CARE_TEAM, () -> careTeam(root, origin)));
    }
    if (requested.contains(Section.ALERTS)) {
      sections.put(
          Section.ALERTS,
          guarded(
              Section.ALERTS,
              () -> listed(root, Section.ALERTS, "RiskFlags", "RiskFlag", e -> risk(e, origin))));
    }
    if (requested.contains(Section.PROBLEMS)) {
      sections.put(
          Section.PROBLEMS,
          guarded(
              Section.PROBLEMS,
              () ->
                  listed(
                      root,
                      Section.PROBLEMS,
                      "Diagnoses",
                      "Diagnosis",
                      e -> diagnosis(e, origin))));
    }
    if (requested.contains(Section.ENCOUNTERS)) {
      sections.put(
          Section.ENCOUNTERS,
          guarded(
              Section.ENCOUNTERS,
              () ->
                  listed(
                      root, Section.ENCOUNTERS, "Contacts", "Contact", e -> contact(e, origin))));
    }
    if (requested.contains(Section.DOCUMENTS)) {
      sections.put(
          Section.DOCUMENTS,
          guarded(
              Section.DOCUMENTS,
              () ->
                  listed(root, Section.DOCUMENTS, "ClinicalNotes", "Note", e -> note(e, origin))));
    }
    return new SourceRecord(ClientIdentity.from(client, nhsNumber), sections);
  }

  /** The recording organisation: the document's {@code <Provider>}, else the configured trust. */
  private Origin origin(Element root) {
    Optional<Element> provider = child(root, "Provider");
    String ods =
        provider
            .flatMap(p -> attribute(p, "odsCode"))
            .filter(c -> c.matches("[A-Z0-9]{3,10}"))
            .orElse(trustOds);
    Optional<String> name =
        provider.map(Element::getTextContent).map(String::strip).filter(s -> !s.isEmpty());
    return new Origin(sourceId, ods, name);
  }

  /** The care coordinator: optional (not every client has one), and at most one item. */
  private SectionContent<CareTeamItem> careTeam(Element root, Origin origin) {
    Optional<Element> coordinator = child(root, "CareCoordinator");
    if (coordinator.isEmpty()) {
      return SectionContent.of(Section.CARE_TEAM, List.of());
    }
    Unreadable unreadable = new Unreadable("<CareCoordinator> items");
    List<CareTeamItem> items = new ArrayList<>();
    read(coordinator.get(), e -> coordinator(root, e, origin), items, unreadable);
    return result(Section.CARE_TEAM, items, unreadable);
  }

  private CareTeamItem coordinator(Element root, Element c, Origin origin) throws BadItemException {
    // Care Programme Approach: a client on CPA has a care coordinator; one who is not has a lead
    // professional (Department of Health, "Refocusing the Care Programme Approach", 2008).
    boolean cpa =
        child(root, "CareProgrammeApproach")
            .flatMap(e -> attribute(e, "status"))
            .filter("CPA"::equals)
            .isPresent();
    CodedConcept role =
        cpa
            ? new CodedConcept(
                ROLE_SYSTEM, "CARE_COORDINATOR", "Care coordinator (Care Programme Approach)")
            : new CodedConcept(ROLE_SYSTEM, "LEAD_PROFESSIONAL", "Lead professional (non-CPA)");
    String name =
        text(c, "Name").orElseThrow(() -> new BadItemException("the care coordinator has no name"));
    String member = text(c, "Profession").map(p -> name + ", " + p).orElse(name);
    Optional<String> team =
        text(c, "Team").map(t -> origin.name().map(n -> t + ", " + n).orElse(t));
    return new CareTeamItem(
        origin.provenance(required(c, "staffId")),
        role,
        member,
        team.or(origin::name),
        text(c, "Telephone"),
        CareTeamItem.Status.ACTIVE,
        date(c, "since"),
        Set.of());
  }

  private AlertItem risk(Element e, Origin origin) throws BadItemException {
    String category = attribute(e, "category").orElse("");
    // A risk to others is what PRODUCT.md calls a violence marker; risks to self have no
    // dedicated kind in the model.
    AlertItem.Kind kind =
        category.equals("HARM_TO_OTHERS") ? AlertItem.Kind.VIOLENCE_MARKER : AlertItem.Kind.OTHER;
    return new AlertItem(
        origin.provenance(required(e, "id")),
        preferredCode(e),
        kind,
        "INACTIVE".equals(required(e, "status"))
            ? AlertItem.Status.INACTIVE
            : AlertItem.Status.ACTIVE,
        date(e, "recorded"),
        Optional.empty(),
        Set.of());
  }

  private ProblemItem diagnosis(Element e, Origin origin) throws BadItemException {
    ProblemItem.Status status =
        switch (required(e, "status")) {
          case "ACTIVE" -> ProblemItem.Status.ACTIVE;
          case "RESOLVED" -> ProblemItem.Status.RESOLVED;
          case "INACTIVE" -> ProblemItem.Status.INACTIVE;
          default -> throw new BadItemException("a Diagnosis has an unknown status");
        };
    // The primary diagnosis is the one the trust treats the client for.
    ProblemItem.Significance significance =
        attribute(e, "primary").filter("true"::equals).isPresent()
            ? ProblemItem.Significance.MAJOR
            : ProblemItem.Significance.UNSPECIFIED;
    return new ProblemItem(
        origin.provenance(required(e, "id")),
        preferredCode(e),
        status,
        significance,
        date(e, "diagnosed"),
        Optional.empty(),
        Optional.empty(),
        Set.of());
  }

  private EncounterItem contact(Element e, Origin origin) throws BadItemException {
    EncounterItem.Kind kind =
        switch (attribute(e, "setting").orElse("")) {
          case "INPATIENT" -> EncounterItem.Kind.ADMISSION;
          case "OUTPATIENT" -> EncounterItem.Kind.OUTPATIENT;
          case "COMMUNITY", "TELEPHONE", "CRISIS" -> EncounterItem.Kind.COMMUNITY;
          default -> EncounterItem.Kind.OTHER;
        };
    Optional<LocalDate> start = date(e, "start");
    if (start.isEmpty()) {
      throw new BadItemException("a Contact has no start date");
    }
    return new EncounterItem(
        origin.provenance(required(e, "id")),
        preferredCode(e),
        kind,
        start,
        date(e, "end"),
        text(e, "Location"),
        text(e, "Clinician"),
        // The outcome is administrative ("Seen; follow-up in two weeks"); clinical narrative is
        // only ever in the notes, which are labelled.
        text(e, "Outcome"),
        Optional.empty(),
        Set.of());
  }

  private DocumentItem note(Element e, Origin origin) throws BadItemException {
    String id = required(e, "id");
    String title = text(e, "Title").orElse("Clinical note");
    String typeCode = title.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    return new DocumentItem(
        origin.provenance(id),
        new CodedConcept(NOTE_TYPE_SYSTEM, typeCode, title),
        title,
        date(e, "date"),
        text(e, "Author"),
        Optional.of("text/plain"),
        Optional.of("rio:note:" + id),
        Set.of(Sensitivity.MENTAL_HEALTH_NOTES));
  }

  /**
   * SNOMED CT where the item carries it, otherwise the first code given, in whatever system (e.g.
   * ICD-10 only, or the trust's own): an unfamiliar code is shown with its text, never dropped. A
   * code without a system keeps an empty system, as the GP Connect adapter does.
   */
  private static CodedConcept preferredCode(Element item) throws BadItemException {
    List<CodedConcept> codes = new ArrayList<>();
    for (Element code : children(item, "Code")) {
      Optional<String> value = attribute(code, "code");
      if (value.isPresent()) {
        codes.add(
            new CodedConcept(
                attribute(code, "system").orElse(""),
                value.get(),
                attribute(code, "display").orElse(value.get())));
      }
    }
    if (codes.isEmpty()) {
      throw new BadItemException(
          "a %s carries no <Code> with a code".formatted(Elements.name(item)));
    }
    return codes.stream()
        .filter(c -> c.system().equals(CodedConcept.SNOMED_CT))
        .findFirst()
        .orElse(codes.getFirst());
  }

  private interface ItemMapper<T> {
    T map(Element element) throws BadItemException;
  }

  private interface SectionReader<T extends ClinicalItem> {
    SectionContent<T> read();
  }

  /**
   * The items of one list element, each mapped on its own. A missing list element is a section the
   * trust did not send, so it is unavailable; a child that is not an {@code itemName}, or that
   * cannot be mapped, is counted as unreadable.
   */
  private <T extends ClinicalItem> SectionContent<T> listed(
      Element root, Section section, String container, String itemName, ItemMapper<T> mapper) {
    Optional<Element> list = child(root, container);
    if (list.isEmpty()) {
      return unavailable(
          section,
          "the summary has no <%s> element, which the trust sends even when it is empty"
              .formatted(container));
    }
    Unreadable unreadable = new Unreadable("<%s> items".formatted(itemName));
    List<T> items = new ArrayList<>();
    for (Element e : children(list.get())) {
      if (itemName.equals(Elements.name(e))) {
        read(e, mapper, items, unreadable);
      } else {
        // The element's own name is not echoed: nothing from the payload goes into a reason.
        unreadable.add("an element in <%s> is not a <%s>".formatted(container, itemName));
      }
    }
    return result(section, items, unreadable);
  }

  private static <T> void read(
      Element element, ItemMapper<T> mapper, List<T> items, Unreadable unreadable) {
    try {
      items.add(mapper.map(element));
    } catch (BadItemException e) {
      unreadable.add(e.getMessage());
    } catch (RuntimeException e) {
      // A model value refused what the item holds; its message may quote it, so only the type.
      unreadable.add(
          "a %s could not be mapped (%s)"
              .formatted(Elements.name(element), e.getClass().getSimpleName()));
    }
  }

  private <T extends ClinicalItem> SectionContent<T> result(
      Section section, List<T> items, Unreadable unreadable) {
    SectionContent<T> content =
        SectionContent.of(section, items).withCompleteness(unreadable.completeness(items.size()));
    if (content.completeness() instanceof Completeness.Partial partial) {
      LOG.log(
          System.Logger.Level.WARNING,
          "source {0}: {1} section partial: {2}",
          sourceId,
          section.key(),
          partial.reason());
    }
    return content;
  }

  /** A last guard: a fault this mapper did not foresee costs its section, never the record. */
  private <T extends ClinicalItem> SectionContent<T> guarded(
      Section section, SectionReader<T> reader) {
    try {
      return reader.read();
    } catch (RuntimeException e) {
      return unavailable(
          section,
          "the %s section could not be read (%s)"
              .formatted(section.key(), e.getClass().getSimpleName()));
    }
  }

  private <T extends ClinicalItem> SectionContent<T> unavailable(Section section, String reason) {
    LOG.log(
        System.Logger.Level.WARNING,
        "source {0}: {1} section unavailable: {2}",
        sourceId,
        section.key(),
        reason);
    return SectionContent.unavailable(section, reason);
  }

  /** Who recorded the items: this source, and the trust. */
  private record Origin(String sourceId, String ods, Optional<String> name) {
    Provenance provenance(String itemId) {
      return new Provenance(sourceId, itemId, Optional.of(ods), name);
    }
  }
}
