package org.carelens.adapters.fhirr4.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.EmptyReason;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.SourceOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Builds one source outcome from the answers to every search of a fetch.
 *
 * <p><b>Rules.</b> Every search empty (Patient included) means the trust holds no record: {@code
 * NO_RECORD}, as FHIR servers answer an unknown patient with an empty searchset. A Patient carrying
 * another NHS number means the answer may be another patient's, and the whole answer is refused.
 * Otherwise each section is read tolerantly, one resource at a time: a resource whose subject is
 * another patient, that cannot be mapped, or that a search matched although it does not belong to
 * its section costs only itself. It is counted, and the section is {@link Completeness.Partial}
 * with the readable items, because an allergy list silently missing one allergy would read as
 * complete. A result a report lists but the answer lacks is counted the same way. Only a search
 * that failed (or was not made) makes its section {@link Completeness.Unavailable}, with the
 * failure as the reason; when nothing at all came back, the first failure is the outcome.
 * Completeness reasons name resource types and searches, never ids, item content or patient data;
 * the ids go to the log.
 */
public final class RecordAssembler {

  private static final System.Logger LOG = System.getLogger(RecordAssembler.class.getName());

  private final String sourceId;
  private final R4ResourceMapper mapper;

  public RecordAssembler(String sourceId, R4ResourceMapper mapper) {
    this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /**
   * @param answered the pages of each search that succeeded, in page order
   * @param failed the searches that failed, each with its failure
   * @param requested the sections asked for; only these appear in the record
   */
  public SourceOutcome assemble(
      NhsNumber nhsNumber,
      Map<Search, List<Bundle>> answered,
      Map<Search, SourceOutcome.Failed> failed,
      Set<Section> requested) {
    ResourceIndex index = new ResourceIndex();
    answered.values().forEach(pages -> pages.forEach(index::add));

    List<Patient> patients = new ArrayList<>();
    for (Resource resource : matches(answered.getOrDefault(Search.PATIENT, List.of()), "Patient")) {
      if (resource instanceof Patient patient) {
        if (!PatientMapper.carries(patient, nhsNumber)) {
          return new SourceOutcome.Failed(
              SourceOutcome.Failed.Kind.MALFORMED_PAYLOAD,
              "the Patient search returned %s, which does not carry the requested NHS number; the"
                      .formatted(R4Values.describe(patient))
                  + " answer may be another patient's and was discarded");
        }
        patients.add(patient);
      }
    }
    Set<String> patientIds = new HashSet<>();
    patients.forEach(p -> patientIds.add("Patient/" + p.getIdElement().getIdPart()));

    boolean anyMatch = !patients.isEmpty();
    for (Map.Entry<Search, List<Bundle>> entry : answered.entrySet()) {
      if (entry.getKey() != Search.PATIENT
          && !matches(entry.getValue(), entry.getKey().resourceType()).isEmpty()) {
        anyMatch = true;
      }
    }
    if (!anyMatch) {
      if (!failed.isEmpty()) {
        return firstFailure(failed);
      }
      return new SourceOutcome.NoRecord(
          "the trust holds no record for this NHS number (every search was empty)");
    }

    Map<Section, SectionContent<?>> sections = new EnumMap<>(Section.class);
    for (Search search : Search.values()) {
      Optional<Section> section = search.section();
      if (section.isEmpty() || !requested.contains(section.get())) {
        continue;
      }
      if (failed.containsKey(search) || !answered.containsKey(search)) {
        String why =
            failed.containsKey(search)
                ? failure(search, failed.get(search))
                : search.describe() + " was not made";
        sections.put(section.get(), unavailable(section.get(), why));
        continue;
      }
      List<Resource> found = matches(answered.get(search), search.resourceType());
      try {
        sections.put(section.get(), section(search, found, index, nhsNumber, patientIds));
      } catch (RuntimeException e) {
        sections.put(
            section.get(),
            unavailable(
                section.get(),
                "%s could not be read (%s)"
                    .formatted(search.describe(), e.getClass().getSimpleName())));
      }
    }
    Optional<PatientIdentity> identity =
        patients.isEmpty()
            ? Optional.empty()
            : PatientMapper.identity(patients.getFirst(), nhsNumber, index);
    return new SourceOutcome.Loaded(new SourceRecord(identity, sections));
  }

  private SectionContent<ClinicalItem> section(
      Search search,
      List<Resource> found,
      ResourceIndex index,
      NhsNumber nhsNumber,
      Set<String> patientIds) {
    Section section = search.section().orElseThrow();
    List<ClinicalItem> items = new ArrayList<>();
    UnreadableItems unreadable = new UnreadableItems();
    boolean nilKnown = false;
    for (Resource resource : found) {
      if (section == Section.RESULTS && resource instanceof org.hl7.fhir.r4.model.Observation) {
        continue; // mapped with their report, or below if no report lists them
      }
      if (section == Section.ALLERGIES
          && R4ResourceMapper.assertsNoKnownAllergy(resource)
          && isThisPatients(resource, nhsNumber, patientIds)) {
        nilKnown = true;
        continue;
      }
      read(search, resource, index, nhsNumber, patientIds, items, unreadable);
    }
    if (section == Section.RESULTS) {
      for (Resource observation : unreportedObservations(found, index)) {
        read(search, observation, index, nhsNumber, patientIds, items, unreadable);
      }
    }
    // "No known allergies" holds only while no allergy is active (a later allergy supersedes it).
    boolean anyActive =
        items.stream()
            .anyMatch(
                i ->
                    i instanceof org.carelens.sdk.model.AllergyItem a
                        && a.status() == org.carelens.sdk.model.AllergyItem.Status.ACTIVE);
    Optional<EmptyReason> reason =
        nilKnown && !anyActive ? Optional.of(EmptyReason.NIL_KNOWN) : Optional.empty();
    if (unreadable.count() > 0) {
      LOG.log(
          System.Logger.Level.WARNING,
          "source {0}: {1} section partial, {2} item(s) unreadable: {3}",
          sourceId,
          section.key(),
          unreadable.count(),
          String.join("; ", unreadable.details()));
    }
    return new SectionContent<>(section, items, reason, false, unreadable.completeness());
  }

  /**
   * Maps one resource a search matched into {@code items}, or counts it in {@code unreadable}. The
   * parts of it that cannot be read are counted only when the rest of it could be.
   */
  private void read(
      Search search,
      Resource resource,
      ResourceIndex index,
      NhsNumber nhsNumber,
      Set<String> patientIds,
      List<ClinicalItem> items,
      UnreadableItems unreadable) {
    try {
      checkSubject(resource, nhsNumber, patientIds);
      if (R4ResourceMapper.SECTIONS.get(resource.fhirType()) != search.section().orElseThrow()) {
        throw new BadResourceException(
            "%s matched by %s".formatted(resource.fhirType(), search.describe()),
            "%s matched by %s".formatted(R4Values.describe(resource), search.describe()));
      }
      UnreadableItems parts = new UnreadableItems();
      List<ClinicalItem> mapped = mapper.map(resource, index, parts);
      items.addAll(mapped);
      unreadable.addAll(parts);
    } catch (BadResourceException e) {
      unreadable.add(e);
    } catch (RuntimeException e) {
      unreadable.add(resource, e);
    }
  }

  /**
   * Observations a server returned as matches of the DiagnosticReport search although no report
   * lists them; they are results too, and dropping them would hide them.
   */
  private static List<Resource> unreportedObservations(
      List<Resource> reports, ResourceIndex index) {
    Set<Resource> reported = new HashSet<>();
    for (Resource resource : reports) {
      if (resource instanceof DiagnosticReport report) {
        for (Reference result : report.getResult()) {
          index.resolve(result, report).ifPresent(reported::add);
        }
      }
    }
    List<Resource> unreported = new ArrayList<>();
    for (Resource resource : reports) {
      if (resource instanceof org.hl7.fhir.r4.model.Observation && !reported.contains(resource)) {
        unreported.add(resource);
      }
    }
    return unreported;
  }

  private static boolean isThisPatients(
      Resource resource, NhsNumber nhsNumber, Set<String> patientIds) {
    try {
      checkSubject(resource, nhsNumber, patientIds);
      return true;
    } catch (BadResourceException e) {
      return false;
    }
  }

  /**
   * A resource filed against another patient must never be shown as this one's: its subject must be
   * a Patient the Patient search returned, or carry the requested NHS number.
   */
  private static void checkSubject(Resource resource, NhsNumber nhsNumber, Set<String> patientIds)
      throws BadResourceException {
    for (String name : List.of("subject", "patient")) {
      Property property = resource.getNamedProperty(name);
      if (property == null) {
        continue;
      }
      for (var value : property.getValues()) {
        if (!(value instanceof Reference reference)) {
          continue;
        }
        if (reference.hasIdentifier()) {
          Identifier id = reference.getIdentifier();
          if (R4Values.NHS_NUMBER_SYSTEM.equals(id.getSystem())
              && id.hasValue()
              && !id.getValue().replace(" ", "").equals(nhsNumber.value())) {
            throw new BadResourceException(resource, "filed under another NHS number");
          }
        }
        if (reference.hasReference() && !patientIds.isEmpty()) {
          String target = reference.getReference();
          boolean known =
              patientIds.stream().anyMatch(p -> target.equals(p) || target.endsWith("/" + p));
          if (!known && target.contains("Patient/")) {
            throw new BadResourceException(
                resource, "referring to a Patient the Patient search did not return");
          }
        }
      }
    }
  }

  /**
   * The resources a search matched: entries with search mode {@code match}, or of the searched type
   * where the server does not say. Included resources and OperationOutcomes are context.
   */
  static List<Resource> matches(List<Bundle> pages, String resourceType) {
    List<Resource> found = new ArrayList<>();
    for (Bundle page : pages) {
      for (Bundle.BundleEntryComponent entry : page.getEntry()) {
        Resource resource = entry.getResource();
        if (resource == null) {
          continue;
        }
        SearchEntryMode mode = entry.getSearch().getMode();
        boolean match =
            mode == SearchEntryMode.MATCH
                || (mode == null || mode == SearchEntryMode.NULL)
                    && (resource.fhirType().equals(resourceType)
                        // Observations in a DiagnosticReport answer without a mode: results.
                        || resourceType.equals("DiagnosticReport")
                            && resource.fhirType().equals("Observation"));
        if (match) {
          found.add(resource);
        }
      }
    }
    return found;
  }

  private static SourceOutcome firstFailure(Map<Search, SourceOutcome.Failed> failed) {
    for (Search search : Search.values()) {
      if (failed.containsKey(search)) {
        return failed.get(search);
      }
    }
    throw new IllegalStateException("no failure among " + failed.keySet());
  }

  /** The failure as a section's reason, naming the search (transport failures name only a host). */
  private static String failure(Search search, SourceOutcome.Failed failed) {
    return failed.detail().contains(search.describe())
        ? failed.detail()
        : search.describe() + " failed: " + failed.detail();
  }

  private SectionContent<ClinicalItem> unavailable(Section section, String why) {
    LOG.log(
        System.Logger.Level.WARNING,
        "source {0}: {1} section unavailable: {2}",
        sourceId,
        section.key(),
        why);
    return SectionContent.unavailable(section, why);
  }
}
