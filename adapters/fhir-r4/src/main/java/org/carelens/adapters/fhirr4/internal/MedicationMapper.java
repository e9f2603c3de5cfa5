package org.carelens.adapters.fhirr4.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.MedicationItem.PrescriptionType;
import org.carelens.sdk.model.MedicationItem.Status;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * UK Core MedicationStatement, MedicationRequest and MedicationDispense to {@link MedicationItem}.
 * A statement is the course as the hospital holds it (e.g. medication on discharge); a request is a
 * prescription; a dispense is one supply, reported as a completed course with its issue date.
 */
final class MedicationMapper {

  /** UK Core extension on MedicationStatement: when the course was last issued. */
  static final String LAST_ISSUE_DATE =
      "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationStatementLastIssueDate";

  private MedicationMapper() {}

  static Optional<MedicationItem> statement(
      MedicationStatement statement, ResourceIndex index, ItemOrigin origin)
      throws BadResourceException {
    if (!statement.hasStatus()) {
      throw new BadResourceException(statement, "without a status");
    }
    Status status =
        switch (statement.getStatus()) {
          case ENTEREDINERROR -> null;
          case COMPLETED -> Status.COMPLETED;
          case STOPPED, NOTTAKEN, ONHOLD -> Status.DISCONTINUED;
          default -> Status.ACTIVE;
        };
    if (status == null) {
      return Optional.empty();
    }
    PrescriptionType type = PrescriptionType.UNKNOWN;
    for (Reference basis : statement.getDerivedFrom()) {
      if (index.resolve(basis, statement).orElse(null) instanceof MedicationRequest request) {
        type = courseOfTherapy(request);
      }
    }
    Optional<LocalDate> lastIssued =
        statement.getExtensionsByUrl(LAST_ISSUE_DATE).stream()
            .map(Extension::getValue)
            .map(R4Values::day)
            .flatMap(Optional::stream)
            .findFirst();
    return Optional.of(
        new MedicationItem(
            origin.provenance(statement),
            medicine(statement.getMedication(), statement, index),
            status,
            type,
            statement.getDosage().stream().findFirst().flatMap(MedicationMapper::dosage),
            Optional.empty(),
            R4Values.day(statement.getEffective()),
            R4Values.end(statement.getEffective()),
            lastIssued,
            statement.getStatusReason().stream().findFirst().flatMap(R4Values::text),
            SensitivityLabels.of(statement)));
  }

  static Optional<MedicationItem> request(
      MedicationRequest request, ResourceIndex index, ItemOrigin origin)
      throws BadResourceException {
    if (!request.hasStatus()) {
      throw new BadResourceException(request, "without a status");
    }
    Status status =
        switch (request.getStatus()) {
          case ENTEREDINERROR -> null;
          case COMPLETED -> Status.COMPLETED;
          case STOPPED, CANCELLED -> Status.DISCONTINUED;
          default -> Status.ACTIVE;
        };
    if (status == null) {
      return Optional.empty();
    }
    Optional<LocalDate> start =
        R4Values.day(request.getAuthoredOnElement())
            .or(() -> R4Values.day(request.getDispenseRequest().getValidityPeriod()));
    return Optional.of(
        new MedicationItem(
            origin.provenance(request),
            medicine(request.getMedication(), request, index),
            status,
            courseOfTherapy(request),
            request.getDosageInstruction().stream().findFirst().flatMap(MedicationMapper::dosage),
            quantity(request.getDispenseRequest().getQuantity()),
            start,
            R4Values.end(request.getDispenseRequest().getValidityPeriod()),
            Optional.empty(),
            R4Values.text(request.getStatusReason()),
            SensitivityLabels.of(request)));
  }

  static Optional<MedicationItem> dispense(
      MedicationDispense dispense, ResourceIndex index, ItemOrigin origin)
      throws BadResourceException {
    if (!dispense.hasStatus()) {
      throw new BadResourceException(dispense, "without a status");
    }
    Status status =
        switch (dispense.getStatus()) {
          case ENTEREDINERROR -> null;
          case COMPLETED -> Status.COMPLETED;
          case CANCELLED, STOPPED, DECLINED -> Status.DISCONTINUED;
          default -> Status.ACTIVE;
        };
    if (status == null) {
      return Optional.empty();
    }
    Optional<LocalDate> issued =
        R4Values.day(dispense.getWhenHandedOverElement())
            .or(() -> R4Values.day(dispense.getWhenPreparedElement()));
    PrescriptionType type = PrescriptionType.UNKNOWN;
    for (Reference prescription : dispense.getAuthorizingPrescription()) {
      if (index.resolve(prescription, dispense).orElse(null) instanceof MedicationRequest request) {
        type = courseOfTherapy(request);
      }
    }
    return Optional.of(
        new MedicationItem(
            origin.provenance(dispense),
            medicine(dispense.getMedication(), dispense, index),
            status,
            type,
            dispense.getDosageInstruction().stream().findFirst().flatMap(MedicationMapper::dosage),
            quantity(dispense.getQuantity()),
            issued,
            Optional.empty(),
            issued,
            dispense.hasStatusReasonCodeableConcept()
                ? R4Values.text(dispense.getStatusReasonCodeableConcept())
                : Optional.empty(),
            SensitivityLabels.of(dispense)));
  }

  /**
   * The medicine: a CodeableConcept, or a reference to a Medication (contained, in the same answer,
   * or elsewhere on the server). dm+d is preferred, as UK Core binds it.
   */
  static CodedConcept medicine(Type medication, Resource owner, ResourceIndex index)
      throws BadResourceException {
    if (medication instanceof CodeableConcept concept) {
      return R4Values.requireConcept(
          concept, owner, "medication", R4Values.DMD, CodedConcept.SNOMED_CT);
    }
    if (medication instanceof Reference reference) {
      Optional<Resource> target = index.resolve(reference, owner);
      if (target.isPresent() && target.get() instanceof Medication med) {
        return R4Values.requireConcept(
            med.getCode(), owner, "medication", R4Values.DMD, CodedConcept.SNOMED_CT);
      }
      throw new BadResourceException(
          owner.fhirType() + " referring to a Medication not in the answer",
          "%s refers to medication '%s', which is not in the answer"
              .formatted(R4Values.describe(owner), reference.getReference()));
    }
    throw new BadResourceException(owner, "naming no medication");
  }

  /**
   * FHIR course-of-therapy "acute" and "continuous", and UK Core's "continuous-repeat-dispensing",
   * are the hospital's acute / repeat / repeat-dispensing.
   */
  private static PrescriptionType courseOfTherapy(MedicationRequest request) {
    for (var coding : request.getCourseOfTherapyType().getCoding()) {
      if (!coding.hasCode()) {
        continue;
      }
      switch (coding.getCode()) {
        case "acute" -> {
          return PrescriptionType.ACUTE;
        }
        case "continuous" -> {
          return PrescriptionType.REPEAT;
        }
        case "continuous-repeat-dispensing" -> {
          return PrescriptionType.REPEAT_DISPENSING;
        }
        default -> {}
      }
    }
    return PrescriptionType.UNKNOWN;
  }

  private static Optional<String> dosage(Dosage dosage) {
    if (R4Values.hasText(dosage.getText())) {
      return Optional.of(dosage.getText().strip());
    }
    return R4Values.hasText(dosage.getPatientInstruction())
        ? Optional.of(dosage.getPatientInstruction().strip())
        : Optional.empty();
  }

  private static Optional<String> quantity(Quantity quantity) {
    return R4Values.quantity(quantity)
        .map(v -> R4Values.unit(quantity).map(u -> v + " " + u).orElse(v));
  }
}
