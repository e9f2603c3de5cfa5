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
import org.carelens.sdk.model.DocumentItem;
import org.carelens.sdk.model.EmptyReason;
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
 * discarded (a mis-routed answer must never be shown as this patient's). An item that cannot be
 * mapped costs its section, which is reported as {@link EmptyReason#UNAVAILABLE}: the model cannot
 * mark a section partial, and a risk list silently missing one risk would read as complete. Notes
 * are always labelled sensitive, whatever the document's own {@code sensitive} flag says, because a
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
      sections.put(Section.CARE_TEAM, section(Section.CARE_TEAM, () -> careTeam(root, origin)));
    }
    if (requested.contains(Section.ALERTS)) {
      sections.put(
          Section.ALERTS,
          section(Section.ALERTS, () -> each(root, "RiskFlags", "RiskFlag", e -> risk(e, origin))));
    }
    if (requested.contains(Section.PROBLEMS)) {
      sections.put(
          Section.PROBLEMS,
          section(
              Section.PROBLEMS,
              () -> each(root, "Diagnoses", "Diagnosis", e -> diagnosis(e, origin))));
    }
    if (requested.contains(Section.ENCOUNTERS)) {
      sections.put(
          Section.ENCOUNTERS,
          section(
              Section.ENCOUNTERS,
              () -> each(root, "Contacts", "Contact", e -> contact(e, origin))));
    }
    if (requested.contains(Section.DOCUMENTS)) {
      sections.put(
          Section.DOCUMENTS,
          section(
              Section.DOCUMENTS, () -> each(root, "ClinicalNotes", "Note", e -> note(e, origin))));
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

  private List<CareTeamItem> careTeam(Element root, Origin origin) throws BadItemException {
    Optional<Element> coordinator = child(root, "CareCoordinator");
    if (coordinator.isEmpty()) {
      return List.of();
    }
    Element c = coordinator.get();
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
    return List.of(
        new CareTeamItem(
            origin.provenance(required(c, "staffId")),
            role,
            member,
            team.or(origin::name),
            text(c, "Telephone"),
            CareTeamItem.Status.ACTIVE,
            date(c, "since"),
            Set.of()));
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

  /** SNOMED CT where the item carries it, otherwise the first code given (e.g. ICD-10 only). */
  private static CodedConcept preferredCode(Element item) throws BadItemException {
    List<CodedConcept> codes = new ArrayList<>();
    for (Element code : children(item, "Code")) {
      Optional<String> system = attribute(code, "system");
      Optional<String> value = attribute(code, "code");
      if (system.isPresent() && value.isPresent()) {
        codes.add(
            new CodedConcept(
                system.get(), value.get(), attribute(code, "display").orElse(value.get())));
      }
    }
    if (codes.isEmpty()) {
      throw new BadItemException(
          "a %s carries no <Code> with a system and code".formatted(Elements.name(item)));
    }
    return codes.stream()
        .filter(c -> c.system().equals(CodedConcept.SNOMED_CT))
        .findFirst()
        .orElse(codes.getFirst());
  }

  private interface ItemMapper<T> {
    T map(Element element) throws BadItemException;
  }

  private interface SectionReader<T> {
    List<T> read() throws BadItemException;
  }

  private static <T> List<T> each(
      Element root, String container, String itemName, ItemMapper<T> mapper)
      throws BadItemException {
    Optional<Element> list = child(root, container);
    List<T> items = new ArrayList<>();
    if (list.isPresent()) {
      for (Element e : children(list.get(), itemName)) {
        items.add(mapper.map(e));
      }
    }
    return items;
  }

  private <T extends ClinicalItem> SectionContent<T> section(
      Section section, SectionReader<T> reader) {
    try {
      return SectionContent.of(section, reader.read());
    } catch (BadItemException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "source {0}: {1} section unavailable: {2}",
          sourceId,
          section.key(),
          e.getMessage());
      return new SectionContent<>(section, List.of(), Optional.of(EmptyReason.UNAVAILABLE), false);
    }
  }

  /** Who recorded the items: this source, and the trust. */
  private record Origin(String sourceId, String ods, Optional<String> name) {
    Provenance provenance(String itemId) {
      return new Provenance(sourceId, itemId, Optional.of(ods), name);
    }
  }
}
