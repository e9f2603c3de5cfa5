package org.carelens.simulators.gp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carelens.simulators.population.Prescription;
import org.carelens.simulators.population.Prescription.PrescriptionType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Medication;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.MedicationRequest.MedicationRequestIntent;
import org.hl7.fhir.dstu3.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.hl7.fhir.dstu3.model.MedicationStatement.MedicationStatementStatus;
import org.hl7.fhir.dstu3.model.MedicationStatement.MedicationStatementTaken;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.SimpleQuantity;

/**
 * The medication section: a "Medications and medical devices" List of MedicationStatements, each
 * with the MedicationRequest (intent {@code plan}) that authorised it and the dm+d-coded
 * Medication, as GP Connect 1.6 structures a course.
 */
final class MedicationResources {

  private MedicationResources() {}

  static List<Resource> build(
      List<Prescription> prescriptions,
      Optional<LocalDate> searchFromDate,
      Reference patient,
      Reference prescriber,
      DateTimeType now) {
    String stem = patient.getReference().substring("Patient/".length());
    ListResource list =
        Fhir.withIdAndProfile(new ListResource(), stem + "-medications", GpConnect.LIST_PROFILE)
            .setStatus(ListResource.ListStatus.CURRENT)
            .setMode(ListResource.ListMode.SNAPSHOT)
            .setTitle("Medications and medical devices")
            .setCode(
                Fhir.snomed(GpConnect.MEDICATIONS_LIST_CODE, "Medications and medical devices"))
            .setSubject(patient)
            .setDateElement(now);
    List<Resource> resources = new ArrayList<>();
    resources.add(list);
    Map<String, Medication> medications = new LinkedHashMap<>();
    for (Prescription prescription : prescriptions) {
      // GP Connect 1.6: medicationSearchFromDate returns courses whose period overlaps it.
      if (searchFromDate.isPresent()
          && prescription.endDate().filter(end -> end.isBefore(searchFromDate.get())).isPresent()) {
        continue;
      }
      Medication medication =
          medications.computeIfAbsent(
              prescription.medicine().code(), code -> medication(prescription));
      MedicationRequest request = request(prescription, medication, patient, prescriber);
      MedicationStatement statement = statement(prescription, medication, request, patient);
      list.addEntry().setItem(Fhir.reference(statement));
      resources.add(statement);
      resources.add(request);
    }
    if (list.getEntry().isEmpty()) {
      list.setEmptyReason(
          new CodeableConcept()
              .addCoding(
                  new Coding(
                      GpConnect.LIST_EMPTY_REASON, "no-content-recorded", "No Content Recorded")));
      list.addNote().setText("Information not available");
    }
    resources.addAll(medications.values());
    return resources;
  }

  private static Medication medication(Prescription prescription) {
    Medication medication =
        Fhir.withIdAndProfile(
            new Medication(),
            "medication-" + prescription.medicine().code(),
            GpConnect.MEDICATION_PROFILE);
    return medication.setCode(Fhir.concept(prescription.medicine()));
  }

  private static MedicationStatement statement(
      Prescription prescription,
      Medication medication,
      MedicationRequest request,
      Reference patient) {
    MedicationStatement statement =
        Fhir.withIdAndProfile(
            new MedicationStatement(),
            prescription.id() + "-statement",
            GpConnect.MEDICATION_STATEMENT_PROFILE);
    statement.addIdentifier(Fhir.crossCareSettingId(prescription.id() + "-statement"));
    prescription
        .lastIssueDate()
        .ifPresent(
            date -> statement.addExtension(GpConnect.LAST_ISSUE_DATE_EXTENSION, Fhir.day(date)));
    statement.addBasedOn(Fhir.reference(request));
    statement.setStatus(MedicationStatementStatus.fromCode(prescription.status().code()));
    statement.setMedication(Fhir.reference(medication));
    statement.setEffective(period(prescription));
    statement.setDateAssertedElement(Fhir.day(prescription.startDate()));
    statement.setSubject(patient);
    statement.setTaken(MedicationStatementTaken.UNK);
    statement.addDosage().setText(prescription.dosageText());
    return statement;
  }

  private static MedicationRequest request(
      Prescription prescription, Medication medication, Reference patient, Reference prescriber) {
    MedicationRequest request =
        Fhir.withIdAndProfile(
            new MedicationRequest(),
            prescription.id() + "-request",
            GpConnect.MEDICATION_REQUEST_PROFILE);
    request.addIdentifier(Fhir.crossCareSettingId(prescription.id() + "-request"));
    PrescriptionType type = prescription.type();
    request.addExtension(
        GpConnect.PRESCRIPTION_TYPE_EXTENSION,
        new CodeableConcept()
            .addCoding(
                new Coding(GpConnect.PRESCRIPTION_TYPE_SYSTEM, type.code(), type.display())));
    prescription
        .stopReason()
        .ifPresent(
            reason -> {
              Extension statusReason = new Extension(GpConnect.STATUS_REASON_EXTENSION);
              statusReason.addExtension("statusReason", new CodeableConcept().setText(reason));
              statusReason.addExtension(
                  "statusChangeDate", Fhir.day(prescription.endDate().orElseThrow()));
              request.addExtension(statusReason);
            });
    request.setStatus(MedicationRequestStatus.fromCode(prescription.status().code()));
    request.setIntent(MedicationRequestIntent.PLAN);
    request.setMedication(Fhir.reference(medication));
    request.setSubject(patient);
    request.setAuthoredOnElement(Fhir.day(prescription.startDate()));
    request.getRequester().setAgent(prescriber);
    request.addDosageInstruction().setText(prescription.dosageText());
    SimpleQuantity quantity = new SimpleQuantity();
    quantity.setValue(prescription.quantity()).setUnit(prescription.quantityUnit());
    request.getDispenseRequest().setQuantity(quantity).setValidityPeriod(period(prescription));
    if (type != PrescriptionType.ACUTE) {
      request.getDispenseRequest().setNumberOfRepeatsAllowed(6);
    }
    return request;
  }

  private static Period period(Prescription prescription) {
    Period period = new Period().setStartElement(Fhir.day(prescription.startDate()));
    prescription.endDate().ifPresent(end -> period.setEndElement(Fhir.day(end)));
    return period;
  }
}
