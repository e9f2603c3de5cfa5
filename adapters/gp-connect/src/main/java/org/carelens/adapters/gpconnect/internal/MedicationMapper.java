package org.carelens.adapters.gpconnect.internal;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.MedicationItem.PrescriptionType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Medication;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.SimpleQuantity;

/**
 * GP Connect's medication record as medication items. GP Connect models a course as a
 * MedicationStatement (status, dates, dose, last issue) based on an authorising MedicationRequest
 * with intent {@code plan} (prescription type, quantity, why it was stopped), which names the
 * Medication (dm+d).
 */
final class MedicationMapper {

  /** dm+d codes are SNOMED CT codes; some suppliers send them under the SNOMED system. */
  private static final String[] MEDICATION_SYSTEMS = {CodedConcept.DM_D, CodedConcept.SNOMED_CT};

  private MedicationMapper() {}

  /** Maps one course; empty for one the source marks entered-in-error. */
  static Optional<MedicationItem> map(
      MedicationStatement statement, BundleIndex index, ItemOrigin origin)
      throws BadResourceException {
    if (!statement.hasStatus()) {
      throw new BadResourceException(statement, "without a status");
    }
    if (statement.getStatus() == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR) {
      return Optional.empty();
    }
    MedicationItem.Status status =
        switch (statement.getStatus()) {
          case ACTIVE -> MedicationItem.Status.ACTIVE;
          case COMPLETED -> MedicationItem.Status.COMPLETED;
          case STOPPED -> MedicationItem.Status.DISCONTINUED;
          default ->
              throw new BadResourceException(
                  "MedicationStatement with a status GP Connect does not use",
                  "%s has status '%s', which GP Connect does not use"
                      .formatted(Stu3Values.describe(statement), statement.getStatus().toCode()));
        };
    Optional<MedicationRequest> authorisation = authorisation(statement, index);
    LocalDates dates = dates(statement);
    return Optional.of(
        new MedicationItem(
            origin.provenance(statement),
            medication(statement, index),
            status,
            authorisation.map(MedicationMapper::prescriptionType).orElse(PrescriptionType.UNKNOWN),
            statement.getDosage().stream()
                .filter(d -> d.hasText() && !d.getText().isBlank())
                .map(d -> d.getText().strip())
                .findFirst(),
            authorisation.flatMap(MedicationMapper::quantity),
            dates.start(),
            dates.end(),
            Stu3Values.extension(statement, Gpc.LAST_ISSUE_DATE_EXTENSION)
                .flatMap(e -> Stu3Values.day(e.getValue())),
            authorisation.flatMap(MedicationMapper::statusReason).or(() -> statusReason(statement)),
            Set.of()));
  }

  private record LocalDates(
      Optional<java.time.LocalDate> start, Optional<java.time.LocalDate> end) {}

  private static LocalDates dates(MedicationStatement statement) {
    if (statement.hasEffectivePeriod()) {
      Period period = statement.getEffectivePeriod();
      return new LocalDates(
          Stu3Values.day(period.getStartElement()), Stu3Values.day(period.getEndElement()));
    }
    if (statement.hasEffectiveDateTimeType()) {
      return new LocalDates(Stu3Values.day(statement.getEffectiveDateTimeType()), Optional.empty());
    }
    return new LocalDates(Optional.empty(), Optional.empty());
  }

  private static CodedConcept medication(MedicationStatement statement, BundleIndex index)
      throws BadResourceException {
    if (statement.hasMedicationReference()) {
      Medication medication =
          index.require(statement.getMedicationReference(), Medication.class, statement);
      if (!medication.hasCode()) {
        throw new BadResourceException(medication, "without a code");
      }
      return Stu3Values.concept(medication.getCode(), medication, MEDICATION_SYSTEMS);
    }
    if (statement.hasMedicationCodeableConcept()) {
      return Stu3Values.concept(
          statement.getMedicationCodeableConcept(), statement, MEDICATION_SYSTEMS);
    }
    throw new BadResourceException(statement, "naming no medication");
  }

  /**
   * The authorising MedicationRequest. A basedOn that leads nowhere leaves the prescription type
   * unknown rather than losing the course: what the patient takes matters more than how.
   */
  private static Optional<MedicationRequest> authorisation(
      MedicationStatement statement, BundleIndex index) {
    for (Reference basedOn : statement.getBasedOn()) {
      Optional<Resource> target = index.resolve(basedOn, statement);
      if (target.isPresent() && target.get() instanceof MedicationRequest request) {
        return Optional.of(request);
      }
    }
    return Optional.empty();
  }

  private static PrescriptionType prescriptionType(MedicationRequest request) {
    String code =
        Stu3Values.extensionCodes(request, Gpc.PRESCRIPTION_TYPE_EXTENSION).stream()
            .findFirst()
            .orElse("");
    // CareConnect-PrescriptionType-1 also has "-handwritten" variants of acute and repeat.
    if (code.equals("repeat-dispensing")) {
      return PrescriptionType.REPEAT_DISPENSING;
    }
    if (code.startsWith("repeat")) {
      return PrescriptionType.REPEAT;
    }
    if (code.startsWith("acute")) {
      return PrescriptionType.ACUTE;
    }
    return PrescriptionType.UNKNOWN;
  }

  /** "56 tablet": the quantity per issue, else the supplier's quantity text. */
  private static Optional<String> quantity(MedicationRequest request) {
    MedicationRequest.MedicationRequestDispenseRequestComponent dispense =
        request.getDispenseRequest();
    SimpleQuantity quantity = dispense.getQuantity();
    if (quantity.hasValue()) {
      BigDecimal value = quantity.getValue().stripTrailingZeros();
      String number = value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
      String unit = quantity.hasUnit() ? quantity.getUnit().strip() : "";
      return Optional.of(unit.isEmpty() ? number : number + " " + unit);
    }
    return Stu3Values.extension(dispense, Gpc.QUANTITY_TEXT_EXTENSION)
        .map(Extension::getValue)
        .filter(v -> v.isPrimitive() && !v.primitiveValue().isBlank())
        .map(v -> v.primitiveValue().strip());
  }

  /** Why the course was stopped, from the MedicationStatusReason extension's statusReason part. */
  private static Optional<String> statusReason(org.hl7.fhir.dstu3.model.DomainResource resource) {
    return Stu3Values.extension(resource, Gpc.STATUS_REASON_EXTENSION)
        .flatMap(e -> Stu3Values.extension(e, "statusReason"))
        .map(Extension::getValue)
        .filter(CodeableConcept.class::isInstance)
        .map(CodeableConcept.class::cast)
        .flatMap(Stu3Values::text);
  }
}
