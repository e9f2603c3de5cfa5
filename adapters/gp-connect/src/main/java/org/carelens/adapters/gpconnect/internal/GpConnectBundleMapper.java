package org.carelens.adapters.gpconnect.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.EmptyReason;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.ProblemItem;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.SourceRecord;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.DiagnosticReport;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Immunization;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Maps a GP Connect Access Record: Structured 1.6 response bundle to the canonical model.
 *
 * <p>GP Connect answers each clinical area with a List identified by its SNOMED CT code; the List
 * references the clinical resources, says why it is empty ({@code emptyReason}) and warns when
 * items were left out ({@code confidential-items}). This mapper reads those Lists rather than every
 * resource of a type, so it reports exactly what the provider said it answered.
 *
 * <p><b>Safety rules.</b> The bundle must hold exactly one Patient and it must carry the requested
 * NHS number; otherwise the whole answer is rejected, because a mis-routed answer must never be
 * shown as this patient's. Each List entry is then read on its own (a tolerant reader): an entry
 * that is dangling (not in the bundle), malformed or of an unexpected type costs only itself, and
 * its section is {@link Completeness.Partial} with the count of such entries, while the readable
 * ones are still returned. An allergy list silently missing one allergy would read as complete; one
 * that says "1 listed AllergyIntolerance not in the bundle" does not. A section is {@link
 * Completeness.Unavailable} only when it cannot be read at all (its List is missing from the
 * bundle, or reading it failed as a whole). Codes in systems this mapper does not know keep their
 * display text and are shown. Completeness reasons name resource types, never ids, item content or
 * patient data; the ids go to the log.
 *
 * <p>Thread-safe and stateless apart from the source id.
 */
public final class GpConnectBundleMapper {

  private static final System.Logger LOG = System.getLogger(GpConnectBundleMapper.class.getName());

  private final String sourceId;

  public GpConnectBundleMapper(String sourceId) {
    this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
  }

  /**
   * Maps the bundle.
   *
   * @param requested the sections asked for; only these appear in the result
   * @throws MalformedBundleException when the bundle cannot be this patient's record
   */
  public SourceRecord map(Bundle bundle, NhsNumber nhsNumber, Set<Section> requested)
      throws MalformedBundleException {
    BundleIndex index = new BundleIndex(bundle);
    Patient patient = thePatient(index, nhsNumber);
    Optional<Organization> practice = practice(index, patient);
    ItemOrigin origin =
        new ItemOrigin(
            sourceId,
            practice.flatMap(
                o -> Stu3Values.identifier(o.getIdentifier(), Gpc.ODS_ORGANISATION_SYSTEM)),
            practice.filter(Organization::hasName).map(o -> o.getName().strip()));

    OtherLists others = new OtherLists(index);
    if (!others.unplaced().isEmpty()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "source {0}: {1} listed item(s) of a kind no section holds: {2}",
          sourceId,
          others.unplaced().size(),
          String.join("; ", others.unplaced()));
    }
    Map<Section, SectionContent<?>> sections = new EnumMap<>(Section.class);
    if (requested.contains(Section.ALLERGIES)) {
      sections.put(Section.ALLERGIES, allergies(index, others, origin));
    }
    if (requested.contains(Section.MEDICATIONS)) {
      sections.put(Section.MEDICATIONS, medications(index, others, origin));
    }
    if (requested.contains(Section.PROBLEMS)) {
      sections.put(Section.PROBLEMS, problems(index, others, origin));
    }
    if (requested.contains(Section.ENCOUNTERS)) {
      sections.put(
          Section.ENCOUNTERS,
          area(
              index,
              others,
              Section.ENCOUNTERS,
              List.of(Gpc.LIST_CONSULTATIONS),
              "Encounter",
              (entry, list, unreadable) ->
                  List.of(JournalMapper.consultation(as(entry, Encounter.class), index, origin))));
    }
    if (requested.contains(Section.IMMUNISATIONS)) {
      sections.put(
          Section.IMMUNISATIONS,
          area(
              index,
              others,
              Section.IMMUNISATIONS,
              List.of(Gpc.LIST_IMMUNISATIONS),
              "Immunization",
              (entry, list, unreadable) ->
                  List.of(
                      entry instanceof Observation record
                          // Consent, dissent or an invitation: GP Connect 1.6 lists these with the
                          // immunisations, as Observations, to be kept apart from doses given.
                          ? JournalMapper.immunisationStatus(record, origin)
                          : JournalMapper.immunisation(as(entry, Immunization.class), origin))));
    }
    if (requested.contains(Section.REFERRALS)) {
      sections.put(
          Section.REFERRALS,
          area(
              index,
              others,
              Section.REFERRALS,
              List.of(Gpc.LIST_REFERRALS),
              "ReferralRequest",
              (entry, list, unreadable) ->
                  List.of(
                      JournalMapper.referral(as(entry, ReferralRequest.class), index, origin))));
    }
    if (requested.contains(Section.RESULTS)) {
      sections.put(
          Section.RESULTS,
          area(
              index,
              others,
              Section.RESULTS,
              List.of(Gpc.LIST_INVESTIGATIONS, Gpc.LIST_UNCATEGORISED),
              "Observation or DiagnosticReport",
              (entry, list, unreadable) ->
                  entry instanceof DiagnosticReport report
                      ? JournalMapper.investigation(report, index, origin, unreadable)
                      : List.of(
                          JournalMapper.result(
                              as(entry, Observation.class), Optional.of(category(list)), origin))));
    }
    return new SourceRecord(
        PatientMapper.identity(patient, nhsNumber, origin.practiceOds()), sections);
  }

  private static Patient thePatient(BundleIndex index, NhsNumber nhsNumber)
      throws MalformedBundleException {
    List<Patient> patients = index.all(Patient.class);
    if (patients.size() != 1) {
      throw new MalformedBundleException(
          "a structured record bundle must hold exactly one Patient, this one holds "
              + patients.size());
    }
    Patient patient = patients.getFirst();
    boolean matches =
        patient.getIdentifier().stream()
            .anyMatch(
                i ->
                    Gpc.NHS_NUMBER_SYSTEM.equals(i.getSystem())
                        && i.hasValue()
                        && i.getValue().strip().equals(nhsNumber.value()));
    if (!matches) {
      throw new MalformedBundleException(
          "the bundle's Patient (%s) does not carry the requested NHS number; the answer may be"
                  .formatted(Stu3Values.describe(patient))
              + " another patient's and was discarded");
    }
    return patient;
  }

  /**
   * The registered practice: GP Connect 1.6 puts it in {@code managingOrganization}; some providers
   * reference it from {@code generalPractitioner} instead, so both are read.
   */
  private static Optional<Organization> practice(BundleIndex index, Patient patient) {
    List<Reference> candidates = new ArrayList<>();
    if (patient.hasManagingOrganization()) {
      candidates.add(patient.getManagingOrganization());
    }
    candidates.addAll(patient.getGeneralPractitioner());
    for (Reference reference : candidates) {
      Optional<Resource> target = index.resolve(reference, patient);
      if (target.isPresent() && target.get() instanceof Organization organisation) {
        return Optional.of(organisation);
      }
    }
    return Optional.empty();
  }

  private SectionContent<AllergyItem> allergies(
      BundleIndex index, OtherLists others, ItemOrigin origin) {
    List<ListResource> current = new ArrayList<>(lists(index, Gpc.LIST_ALLERGIES));
    // Allergies under codes this adapter does not know: each keeps its own clinicalStatus.
    current.addAll(others.of(Section.ALLERGIES));
    List<ListResource> ended = lists(index, Gpc.LIST_ENDED_ALLERGIES);
    boolean excluded = confidentialItemsExcluded(current) || confidentialItemsExcluded(ended);
    if (current.isEmpty()) {
      return unavailable(Section.ALLERGIES, excluded, "the bundle has no allergies List");
    }
    try {
      UnreadableItems unreadable = new UnreadableItems();
      List<AllergyItem> items = new ArrayList<>();
      items.addAll(
          read(
              index,
              current,
              "AllergyIntolerance",
              unreadable,
              (entry, list, u) ->
                  AllergyMapper.map(as(entry, AllergyIntolerance.class), false, origin).stream()
                      .toList()));
      items.addAll(
          read(
              index,
              ended,
              "AllergyIntolerance",
              unreadable,
              (entry, list, u) ->
                  AllergyMapper.map(as(entry, AllergyIntolerance.class), true, origin).stream()
                      .toList()));
      // The reason belongs to the current-allergies List: "No known allergies" stays true of the
      // present even when ended allergies are listed, and the banner must still say so.
      boolean anyActive = items.stream().anyMatch(i -> i.status() == AllergyItem.Status.ACTIVE);
      Optional<EmptyReason> reason = anyActive ? Optional.empty() : emptyReason(current);
      return section(Section.ALLERGIES, items, reason, excluded, unreadable);
    } catch (RuntimeException e) {
      return unavailable(Section.ALLERGIES, excluded, failure(Section.ALLERGIES, e));
    }
  }

  private SectionContent<MedicationItem> medications(
      BundleIndex index, OtherLists others, ItemOrigin origin) {
    return area(
        index,
        others,
        Section.MEDICATIONS,
        List.of(Gpc.LIST_MEDICATIONS),
        "MedicationStatement",
        (entry, list, unreadable) ->
            MedicationMapper.map(as(entry, MedicationStatement.class), index, origin).stream()
                .toList());
  }

  private SectionContent<ProblemItem> problems(
      BundleIndex index, OtherLists others, ItemOrigin origin) {
    return area(
        index,
        others,
        Section.PROBLEMS,
        List.of(Gpc.LIST_PROBLEMS),
        "Condition",
        (entry, list, unreadable) ->
            ProblemMapper.map(as(entry, Condition.class), origin).stream().toList());
  }

  /**
   * Maps one List entry to its items. A bad entry throws and costs only itself; an entry made of
   * parts (a report and its results) may count the parts it cannot read in {@code unreadable}.
   */
  @FunctionalInterface
  private interface EntryMapper<T extends ClinicalItem> {
    List<T> map(Resource entry, ListResource list, UnreadableItems unreadable)
        throws BadResourceException;
  }

  /**
   * A clinical area answered by Lists with these codes. Each entry is read on its own: one that is
   * dangling, malformed or of an unexpected type is counted, and the section is partial with the
   * others. Only a missing List, or a failure of the section as a whole, makes it unavailable.
   * Items the provider listed under codes this adapter does not know ({@link OtherLists}) are read
   * with the section's own Lists.
   *
   * @param expected what the Lists should hold, as messages name it ("AllergyIntolerance")
   */
  private <T extends ClinicalItem> SectionContent<T> area(
      BundleIndex index,
      OtherLists others,
      Section section,
      List<String> listCodes,
      String expected,
      EntryMapper<T> mapper) {
    List<ListResource> lists = new ArrayList<>();
    for (String code : listCodes) {
      lists.addAll(lists(index, code));
    }
    lists.addAll(others.of(section));
    boolean excluded = confidentialItemsExcluded(lists);
    if (lists.isEmpty()) {
      return unavailable(section, excluded, "the bundle has no " + section.key() + " List");
    }
    try {
      UnreadableItems unreadable = new UnreadableItems();
      List<T> items = read(index, lists, expected, unreadable, mapper);
      Optional<EmptyReason> reason = items.isEmpty() ? emptyReason(lists) : Optional.empty();
      return section(section, items, reason, excluded, unreadable);
    } catch (RuntimeException e) {
      return unavailable(section, excluded, failure(section, e));
    }
  }

  /**
   * The items of every entry of these Lists that can be read; the others go to {@code unreadable}.
   */
  private static <T extends ClinicalItem> List<T> read(
      BundleIndex index,
      List<ListResource> lists,
      String expected,
      UnreadableItems unreadable,
      EntryMapper<T> mapper) {
    List<T> items = new ArrayList<>();
    for (ListResource list : lists) {
      for (ListResource.ListEntryComponent entry : list.getEntry()) {
        if (entry.getDeleted()) {
          continue;
        }
        Optional<Resource> target = index.resolve(entry.getItem(), list);
        if (target.isEmpty()) {
          unreadable.add(
              new BadResourceException(
                  "listed " + expected + " not in the bundle",
                  "%s lists '%s', which is not in the bundle"
                      .formatted(Stu3Values.describe(list), entry.getItem().getReference())));
          continue;
        }
        try {
          items.addAll(mapper.map(target.get(), list, unreadable));
        } catch (BadResourceException e) {
          unreadable.add(e);
        } catch (RuntimeException e) {
          unreadable.add(target.get(), e);
        }
      }
    }
    return items;
  }

  private <T extends ClinicalItem> SectionContent<T> section(
      Section section,
      List<T> items,
      Optional<EmptyReason> reason,
      boolean excluded,
      UnreadableItems unreadable) {
    if (unreadable.count() > 0) {
      LOG.log(
          System.Logger.Level.WARNING,
          "source {0}: {1} section partial, {2} item(s) unreadable: {3}",
          sourceId,
          section.key(),
          unreadable.count(),
          String.join("; ", unreadable.details()));
    }
    return new SectionContent<>(section, items, reason, excluded, unreadable.completeness());
  }

  /**
   * Every List with this SNOMED CT code. GP Connect may send more than one for an area (data
   * awaiting filing comes in a List of its own with the same code). The code is matched whatever
   * system URI the provider wrote it under: a misspelt SNOMED CT URI must not lose a whole area.
   */
  private static List<ListResource> lists(BundleIndex index, String snomedCode) {
    return index.all(ListResource.class).stream()
        .filter(list -> hasCode(list, snomedCode))
        .toList();
  }

  /** What a result's List says it is: investigations, uncategorised data, or its own title. */
  private static String category(ListResource list) {
    if (hasCode(list, Gpc.LIST_UNCATEGORISED)) {
      return "Uncategorised data";
    }
    if (hasCode(list, Gpc.LIST_INVESTIGATIONS)) {
      return "Investigations";
    }
    return OtherLists.title(list).orElse("Investigations");
  }

  private static boolean hasCode(ListResource list, String snomedCode) {
    return list.getCode().getCoding().stream()
        .anyMatch(c -> c.hasCode() && c.getCode().strip().equals(snomedCode));
  }

  private static <T extends Resource> T as(Resource resource, Class<T> type)
      throws BadResourceException {
    if (!type.isInstance(resource)) {
      throw new BadResourceException(
          "listed %s where %s was expected"
              .formatted(resource.fhirType(), Stu3Values.withArticle(type.getSimpleName())),
          "a List lists %s where %s was expected"
              .formatted(
                  Stu3Values.describe(resource), Stu3Values.withArticle(type.getSimpleName())));
    }
    return type.cast(resource);
  }

  private static boolean confidentialItemsExcluded(List<ListResource> lists) {
    return lists.stream()
        .anyMatch(
            list ->
                Stu3Values.extensionCodes(list, Gpc.LIST_WARNING_EXTENSION)
                    .contains("confidential-items"));
  }

  /**
   * GP Connect says an empty List is "no content recorded" ({@code no-content-recorded}), and a
   * positive "nil known" uses FHIR's {@code nilknown}; both spellings of the latter are accepted.
   */
  private static Optional<EmptyReason> emptyReason(List<ListResource> lists) {
    for (ListResource list : lists) {
      if (!list.hasEmptyReason()) {
        continue;
      }
      for (String code :
          list.getEmptyReason().getCoding().stream()
              .filter(c -> c.hasCode())
              .map(c -> c.getCode())
              .toList()) {
        switch (code) {
          case "nilknown", "nil-known":
            return Optional.of(EmptyReason.NIL_KNOWN);
          case "no-content-recorded", "notasked":
            return Optional.of(EmptyReason.NOT_RECORDED);
          case "unavailable", "withheld":
            return Optional.of(EmptyReason.UNAVAILABLE);
          default:
            // Workflow reasons (closed, notstarted) say nothing about the patient: no reason.
        }
      }
    }
    return Optional.empty();
  }

  /** What went wrong with a whole section, by exception class only (a message may quote data). */
  private static String failure(Section section, RuntimeException e) {
    return "the %s section could not be read (%s)"
        .formatted(section.key(), e.getClass().getSimpleName());
  }

  private <T extends ClinicalItem> SectionContent<T> unavailable(
      Section section, boolean excluded, String why) {
    LOG.log(
        System.Logger.Level.WARNING,
        "source {0}: {1} section unavailable: {2}",
        sourceId,
        section.key(),
        why);
    return new SectionContent<>(
        section, List.of(), Optional.empty(), excluded, Completeness.unavailable(why));
  }
}
