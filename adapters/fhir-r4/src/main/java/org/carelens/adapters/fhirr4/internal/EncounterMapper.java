package org.carelens.adapters.fhirr4.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.EncounterItem;
import org.carelens.sdk.model.EncounterItem.Kind;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.DiagnosisComponent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * UK Core Encounter to {@link EncounterItem}. The kind comes from {@code Encounter.class} (HL7 v3
 * ActCode: EMER, IMP, AMB ...); the discharge details from the discharge diagnosis ({@code
 * diagnosis.use} DD), UK Core's discharge method extension, {@code hospitalization.
 * dischargeDisposition} (discharge destination) and any planned follow-up encounter that is {@code
 * partOf} this one. Start and end keep their times where {@code period} records them (an admission
 * at 23:50), and are dates only where it records days.
 */
final class EncounterMapper {

  /**
   * The follow-up date written into the discharge text, in the NHS CUI form the portal uses
   * everywhere ({@code 22-Oct-2026}); it is text, so the portal cannot reformat it.
   */
  private static final java.time.format.DateTimeFormatter CUI_DATE =
      java.time.format.DateTimeFormatter.ofPattern("dd-MMM-yyyy", java.util.Locale.ENGLISH);

  static final String DISCHARGE_METHOD =
      "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-DischargeMethod";
  private static final String DIAGNOSIS_ROLE =
      "http://terminology.hl7.org/CodeSystem/diagnosis-role";

  private EncounterMapper() {}

  static Optional<EncounterItem> map(Encounter encounter, ResourceIndex index, ItemOrigin origin)
      throws BadResourceException {
    if (!encounter.hasStatus()) {
      throw new BadResourceException(encounter, "without a status");
    }
    switch (encounter.getStatus()) {
      case ENTEREDINERROR, CANCELLED -> {
        return Optional.empty();
      }
      default -> {}
    }
    String classCode = encounter.getClass_().hasCode() ? encounter.getClass_().getCode() : "";
    Kind kind =
        switch (classCode) {
          case "EMER" -> Kind.EMERGENCY_ATTENDANCE;
          case "IMP", "ACUTE", "NONAC", "SS", "PRENC" -> Kind.ADMISSION;
          case "AMB", "OBSENC" -> Kind.OUTPATIENT;
          case "HH", "FLD" -> Kind.COMMUNITY;
          default -> Kind.OTHER;
        };
    CodedConcept concept =
        encounter.getType().stream()
            .map(t -> R4Values.concept(t, CodedConcept.SNOMED_CT))
            .flatMap(Optional::stream)
            .findFirst()
            .or(() -> R4Values.concept(encounter.getServiceType(), CodedConcept.SNOMED_CT))
            .or(
                () ->
                    encounter.getClass_().hasCode()
                        ? Optional.of(R4Values.coding(encounter.getClass_()))
                        : Optional.empty())
            .orElseThrow(
                () -> new BadResourceException(encounter, "with neither a coded type nor a class"));
    Optional<String> location =
        encounter.getLocation().stream()
            .map(l -> index.display(l.getLocation(), encounter))
            .flatMap(Optional::stream)
            .findFirst()
            .or(() -> R4Values.text(encounter.getServiceType()));
    Optional<String> clinician =
        encounter.getParticipant().stream()
            .filter(p -> p.hasIndividual())
            .map(p -> index.display(p.getIndividual(), encounter))
            .flatMap(Optional::stream)
            .findFirst();
    return Optional.of(
        new EncounterItem(
            encounter.hasServiceProvider()
                ? origin.provenance(encounter, encounter.getServiceProvider(), index)
                : origin.provenance(encounter),
            concept,
            kind,
            R4Values.day(encounter.getPeriod().getStartElement()),
            R4Values.day(encounter.getPeriod().getEndElement()),
            R4Values.time(encounter.getPeriod().getStartElement()),
            R4Values.time(encounter.getPeriod().getEndElement()),
            location,
            clinician,
            summary(encounter, index),
            discharge(encounter, kind, index),
            SensitivityLabels.of(encounter)));
  }

  /** The reasons for the encounter, and "Planned" for one that has not happened yet. */
  private static Optional<String> summary(Encounter encounter, ResourceIndex index) {
    List<String> parts = new ArrayList<>();
    encounter.getReasonCode().stream()
        .map(R4Values::text)
        .flatMap(Optional::stream)
        .forEach(parts::add);
    encounter.getReasonReference().stream()
        .map(r -> index.display(r, encounter))
        .flatMap(Optional::stream)
        .forEach(parts::add);
    String reasons = String.join("; ", parts);
    if (encounter.getStatus() == Encounter.EncounterStatus.PLANNED) {
      return Optional.of(reasons.isEmpty() ? "Planned" : "Planned: " + reasons);
    }
    return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons);
  }

  private static Optional<String> discharge(Encounter encounter, Kind kind, ResourceIndex index) {
    if (kind != Kind.ADMISSION && kind != Kind.EMERGENCY_ATTENDANCE) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    List<String> diagnoses = new ArrayList<>();
    for (DiagnosisComponent diagnosis : encounter.getDiagnosis()) {
      boolean atDischarge =
          R4Values.code(diagnosis.getUse(), DIAGNOSIS_ROLE).filter("DD"::equals).isPresent();
      if (atDischarge || !diagnosis.hasUse()) {
        index.display(diagnosis.getCondition(), encounter).ifPresent(diagnoses::add);
      }
    }
    if (!diagnoses.isEmpty()) {
      parts.add("Discharge diagnosis: " + String.join("; ", diagnoses));
    }
    encounter.getExtensionsByUrl(DISCHARGE_METHOD).stream()
        .map(Extension::getValue)
        .filter(v -> v instanceof org.hl7.fhir.r4.model.CodeableConcept)
        .map(v -> R4Values.text((org.hl7.fhir.r4.model.CodeableConcept) v))
        .flatMap(Optional::stream)
        .findFirst()
        .ifPresent(m -> parts.add("Method: " + m));
    R4Values.text(encounter.getHospitalization().getDischargeDisposition())
        .ifPresent(d -> parts.add("Destination: " + d));
    followUps(encounter, index).forEach(f -> parts.add("Follow-up: " + f));
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(". ", parts));
  }

  /** Planned encounters that say they are part of this one: the follow-up it arranged. */
  private static List<String> followUps(Encounter encounter, ResourceIndex index) {
    List<String> followUps = new ArrayList<>();
    for (Resource resource : index.all()) {
      if (!(resource instanceof Encounter planned)
          || planned.getStatus() != Encounter.EncounterStatus.PLANNED
          || !planned.hasPartOf()) {
        continue;
      }
      Reference parent = planned.getPartOf();
      Optional<Resource> target = index.resolve(parent, planned);
      if (target.isPresent() && target.get() == encounter) {
        String what =
            planned.getType().stream()
                .map(R4Values::text)
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> R4Values.text(planned.getServiceType()))
                .orElse("appointment");
        followUps.add(
            R4Values.day(planned.getPeriod().getStartElement())
                .map(d -> what + " on " + CUI_DATE.format(d))
                .orElse(what));
      }
    }
    return followUps;
  }
}
