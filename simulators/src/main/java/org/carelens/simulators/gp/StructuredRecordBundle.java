package org.carelens.simulators.gp;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.carelens.simulators.population.SyntheticPatient;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/** Assembles the {@code collection} Bundle a successful structured record call returns. */
final class StructuredRecordBundle {

  private StructuredRecordBundle() {}

  static Bundle build(
      SyntheticPatient source, StructuredRecordRequest request, Instant now, long seed) {
    Organization practice = DemographicResources.organization(source.practice());
    Practitioner gp = DemographicResources.practitioner(source.practice().usualGp());
    Patient patient = DemographicResources.patient(source, practice);
    Reference patientRef = Fhir.reference(patient);
    Reference gpRef = Fhir.reference(gp);
    DateTimeType nowType = new DateTimeType(Date.from(now), TemporalPrecisionEnum.SECOND);
    nowType.setTimeZoneZulu(true);

    List<Resource> resources = new ArrayList<>(List.of(patient, practice, gp));
    if (request.includeAllergies()) {
      resources.addAll(
          AllergyResources.build(
              source.allergies(), request.includeResolvedAllergies(), patientRef, gpRef, nowType));
    }
    if (request.includeMedication()) {
      resources.addAll(
          MedicationResources.build(
              source.prescriptions(),
              request.medicationSearchFromDate(),
              patientRef,
              gpRef,
              nowType));
    }

    if (request.includeProblems()) {
      resources.addAll(ProblemResources.build(source.problems(), patientRef, gpRef, nowType));
    }
    GpJournal journal =
        GpJournal.of(seed, source, now.atZone(java.time.ZoneOffset.UTC).toLocalDate());
    if (request.includes("includeImmunisations")) {
      resources.addAll(
          JournalResources.immunisations(journal.immunisations(), patientRef, gpRef, nowType));
    }
    if (request.includes("includeConsultations")) {
      resources.addAll(
          JournalResources.consultations(
              journal.consultations(), patientRef, gpRef, source.practice().name(), nowType));
    }
    if (request.includes("includeReferrals")) {
      resources.addAll(JournalResources.referrals(journal.referrals(), patientRef, gpRef, nowType));
    }
    if (request.includes("includeInvestigations")) {
      resources.addAll(
          JournalResources.investigations(journal.investigations(), patientRef, nowType));
    }
    if (request.includes("includeUncategorisedData")) {
      resources.addAll(
          JournalResources.uncategorised(journal.uncategorised(), patientRef, nowType));
    }

    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    bundle.setId(UUID.randomUUID().toString());
    bundle.getMeta().addProfile(GpConnect.BUNDLE_PROFILE).setLastUpdated(Date.from(now));
    resources.forEach(resource -> bundle.addEntry().setResource(resource));
    return bundle;
  }
}
