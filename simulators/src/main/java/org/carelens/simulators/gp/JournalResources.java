package org.carelens.simulators.gp;

import java.util.ArrayList;
import java.util.List;
import org.carelens.simulators.gp.GpJournal.Consultation;
import org.carelens.simulators.gp.GpJournal.Immunisation;
import org.carelens.simulators.gp.GpJournal.Investigation;
import org.carelens.simulators.gp.GpJournal.Measurement;
import org.carelens.simulators.gp.GpJournal.Referral;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DiagnosticReport;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Immunization;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Quantity;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Immunisations, consultations, referrals, investigations and uncategorised data, each a List with
 * its GP Connect 1.6 SNOMED CT code followed by the resources it references.
 */
final class JournalResources {

  static final String IMMUNISATIONS_LIST_CODE = "1102181000000102";
  static final String CONSULTATIONS_LIST_CODE = "1149501000000101";
  static final String REFERRALS_LIST_CODE = "792931000000107";
  static final String INVESTIGATIONS_LIST_CODE = "887191000000108";
  static final String UNCATEGORISED_LIST_CODE = "826501000000100";

  private static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";
  static final String VACCINATION_PROCEDURE_EXTENSION =
      SD + "Extension-CareConnect-GPC-VaccinationProcedure-1";

  private JournalResources() {}

  static List<Resource> immunisations(
      List<Immunisation> items, Reference patient, Reference gp, DateTimeType now) {
    ListResource list =
        list(patient, "-immunisations", IMMUNISATIONS_LIST_CODE, "Immunisations", now);
    List<Resource> resources = new ArrayList<>(List.of(list));
    for (Immunisation item : items) {
      Immunization immunization =
          Fhir.withIdAndProfile(
              new Immunization(), item.id(), SD + "CareConnect-GPC-Immunization-1");
      immunization.addIdentifier(Fhir.crossCareSettingId(item.id()));
      immunization.addExtension(
          new Extension(VACCINATION_PROCEDURE_EXTENSION, Fhir.concept(item.procedure())));
      immunization.setStatus(Immunization.ImmunizationStatus.COMPLETED);
      immunization.setNotGiven(!item.given());
      // GP systems often record the procedure, not the product: GP Connect then sends UNK.
      immunization.setVaccineCode(
          new CodeableConcept(new Coding("http://hl7.org/fhir/v3/NullFlavor", "UNK", "unknown")));
      immunization.setPatient(patient);
      immunization.setDateElement(Fhir.day(item.date()));
      immunization.setPrimarySource(true);
      immunization.addPractitioner().setActor(gp);
      item.dose()
          .ifPresent(
              dose ->
                  immunization
                      .addVaccinationProtocol()
                      .setDoseSequence(Integer.parseInt(dose))
                      .addTargetDisease(Fhir.concept(item.procedure())));
      list.addEntry().setItem(Fhir.reference(immunization));
      resources.add(immunization);
    }
    emptyIfNone(list);
    return resources;
  }

  static List<Resource> consultations(
      List<Consultation> items,
      Reference patient,
      Reference gp,
      String practiceName,
      DateTimeType now) {
    ListResource list =
        list(patient, "-consultations", CONSULTATIONS_LIST_CODE, "Consultations", now);
    List<Resource> resources = new ArrayList<>(List.of(list));
    for (Consultation item : items) {
      Encounter encounter =
          Fhir.withIdAndProfile(new Encounter(), item.id(), SD + "CareConnect-GPC-Encounter-1");
      encounter.addIdentifier(Fhir.crossCareSettingId(item.id()));
      encounter.setStatus(Encounter.EncounterStatus.FINISHED);
      encounter.addType(Fhir.concept(item.type()));
      encounter.setSubject(patient);
      encounter.addParticipant().setIndividual(gp);
      encounter.setPeriod(
          new Period()
              .setStartElement(
                  item.time()
                      .map(t -> Fhir.at(item.date(), t))
                      .orElseGet(() -> Fhir.day(item.date()))));
      encounter.addReason(new CodeableConcept().setText(item.reason()));
      encounter.addLocation().setLocation(new Reference().setDisplay(practiceName));
      // The consultation's own List carries the clinician's summary (GP Connect topic/heading).
      ListResource consultation =
          Fhir.withIdAndProfile(new ListResource(), item.id() + "-list", GpConnect.LIST_PROFILE)
              .setStatus(ListResource.ListStatus.CURRENT)
              .setMode(ListResource.ListMode.SNAPSHOT)
              .setTitle(item.reason())
              .setCode(Fhir.snomed("325851000000107", "Consultation encounter type"))
              .setSubject(patient)
              .setEncounter(Fhir.reference(encounter));
      consultation.addNote().setText(item.summary());
      list.addEntry().setItem(Fhir.reference(encounter));
      resources.add(encounter);
      resources.add(consultation);
    }
    emptyIfNone(list);
    return resources;
  }

  static List<Resource> referrals(
      List<Referral> items, Reference patient, Reference gp, DateTimeType now) {
    ListResource list = list(patient, "-referrals", REFERRALS_LIST_CODE, "Outbound referral", now);
    List<Resource> resources = new ArrayList<>(List.of(list));
    for (Referral item : items) {
      ReferralRequest referral =
          Fhir.withIdAndProfile(
              new ReferralRequest(), item.id(), SD + "CareConnect-GPC-ReferralRequest-1");
      referral.addIdentifier(Fhir.crossCareSettingId(item.id()));
      referral.setStatus(
          item.completed()
              ? ReferralRequest.ReferralRequestStatus.COMPLETED
              : ReferralRequest.ReferralRequestStatus.ACTIVE);
      referral.setIntent(ReferralRequest.ReferralCategory.ORDER);
      referral.setPriority(
          item.urgent()
              ? ReferralRequest.ReferralPriority.URGENT
              : ReferralRequest.ReferralPriority.ROUTINE);
      referral.setSubject(patient);
      referral.setAuthoredOnElement(Fhir.day(item.authored()));
      referral.getRequester().setAgent(gp);
      referral.addReasonCode(Fhir.concept(item.service()));
      referral.addRecipient(new Reference().setDisplay(item.recipient()));
      list.addEntry().setItem(Fhir.reference(referral));
      resources.add(referral);
    }
    emptyIfNone(list);
    return resources;
  }

  static List<Resource> investigations(
      List<Investigation> items, Reference patient, DateTimeType now) {
    ListResource list =
        list(
            patient,
            "-investigations",
            INVESTIGATIONS_LIST_CODE,
            "Investigations and results",
            now);
    List<Resource> resources = new ArrayList<>(List.of(list));
    for (Investigation item : items) {
      DiagnosticReport report =
          Fhir.withIdAndProfile(
              new DiagnosticReport(), item.id(), SD + "CareConnect-GPC-DiagnosticReport-1");
      report.addIdentifier(Fhir.crossCareSettingId(item.id()));
      report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
      report.setCode(
          new CodeableConcept(
                  new Coding(GpConnect.SNOMED, "721981007", "Diagnostic studies report"))
              .setText(item.title()));
      report.setSubject(patient);
      report.setIssuedElement(new org.hl7.fhir.dstu3.model.InstantType(item.date() + "T12:00:00Z"));
      list.addEntry().setItem(Fhir.reference(report));
      resources.add(report);
      for (Measurement result : item.results()) {
        Observation observation = observation(result, patient);
        report.addResult(Fhir.reference(observation));
        resources.add(observation);
      }
    }
    emptyIfNone(list);
    return resources;
  }

  static List<Resource> uncategorised(
      List<Measurement> items, Reference patient, DateTimeType now) {
    ListResource list =
        list(patient, "-uncategorised", UNCATEGORISED_LIST_CODE, "Miscellaneous record", now);
    List<Resource> resources = new ArrayList<>(List.of(list));
    for (Measurement item : items) {
      Observation observation = observation(item, patient);
      list.addEntry().setItem(Fhir.reference(observation));
      resources.add(observation);
    }
    emptyIfNone(list);
    return resources;
  }

  private static Observation observation(Measurement item, Reference patient) {
    Observation observation =
        Fhir.withIdAndProfile(new Observation(), item.id(), SD + "CareConnect-GPC-Observation-1");
    observation.addIdentifier(Fhir.crossCareSettingId(item.id()));
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setCode(Fhir.concept(item.test()));
    observation.setSubject(patient);
    observation.setEffective(Fhir.day(item.date()));
    observation.setValue(
        new Quantity()
            .setValue(new java.math.BigDecimal(item.value()))
            .setUnit(item.unit())
            .setSystem("http://unitsofmeasure.org")
            .setCode(item.unit()));
    item.range().ifPresent(range -> observation.addReferenceRange().setText(range));
    item.flag()
        .ifPresent(
            flag ->
                observation.setInterpretation(
                    new CodeableConcept(
                        new Coding("http://hl7.org/fhir/v2/0078", flag, flagDisplay(flag)))));
    return observation;
  }

  private static String flagDisplay(String flag) {
    return switch (flag) {
      case "H" -> "High";
      case "L" -> "Low";
      default -> "Normal";
    };
  }

  private static ListResource list(
      Reference patient, String suffix, String code, String title, DateTimeType now) {
    String stem = patient.getReference().substring("Patient/".length());
    return Fhir.withIdAndProfile(new ListResource(), stem + suffix, GpConnect.LIST_PROFILE)
        .setStatus(ListResource.ListStatus.CURRENT)
        .setMode(ListResource.ListMode.SNAPSHOT)
        .setTitle(title)
        .setCode(Fhir.snomed(code, title))
        .setSubject(patient)
        .setDateElement(now);
  }

  private static void emptyIfNone(ListResource list) {
    if (list.getEntry().isEmpty()) {
      list.setEmptyReason(
          new CodeableConcept(
              new Coding(
                  GpConnect.LIST_EMPTY_REASON, "no-content-recorded", "No Content Recorded")));
      list.addNote().setText("Information not available");
    }
  }
}
