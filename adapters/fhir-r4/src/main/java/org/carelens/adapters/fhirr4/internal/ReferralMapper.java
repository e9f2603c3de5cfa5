package org.carelens.adapters.fhirr4.internal;

import java.util.Optional;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.ReferralItem;
import org.carelens.sdk.model.ReferralItem.Status;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ServiceRequest;

/** UK Core ServiceRequest (referrals, test requests) and Appointment to {@link ReferralItem}. */
final class ReferralMapper {

  private ReferralMapper() {}

  static Optional<ReferralItem> request(
      ServiceRequest request, ResourceIndex index, ItemOrigin origin) throws BadResourceException {
    if (!request.hasStatus()) {
      throw new BadResourceException(request, "without a status");
    }
    Status status =
        switch (request.getStatus()) {
          case ENTEREDINERROR -> null;
          case ACTIVE, ONHOLD -> Status.ACTIVE;
          case COMPLETED -> Status.COMPLETED;
          case REVOKED -> Status.CANCELLED;
          default -> Status.PENDING;
        };
    if (status == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ReferralItem(
            origin.provenance(request),
            R4Values.requireConcept(request.getCode(), request, "code", CodedConcept.SNOMED_CT),
            status,
            R4Values.day(request.getAuthoredOnElement()),
            request.getPerformer().stream()
                .map(p -> index.display(p, request))
                .flatMap(Optional::stream)
                .findFirst(),
            request.hasPriority()
                ? Optional.of(request.getPriority().getDisplay())
                : Optional.empty(),
            Optional.empty(),
            SensitivityLabels.of(request)));
  }

  static Optional<ReferralItem> appointment(
      Appointment appointment, ResourceIndex index, ItemOrigin origin) throws BadResourceException {
    if (!appointment.hasStatus()) {
      throw new BadResourceException(appointment, "without a status");
    }
    Status status =
        switch (appointment.getStatus()) {
          case ENTEREDINERROR -> null;
          case PROPOSED, PENDING, WAITLIST -> Status.PENDING;
          case BOOKED, ARRIVED, CHECKEDIN -> Status.ACTIVE;
          case FULFILLED -> Status.COMPLETED;
          default -> Status.CANCELLED;
        };
    if (status == null) {
      return Optional.empty();
    }
    CodedConcept concept =
        first(appointment.getServiceType())
            .or(() -> first(appointment.getSpecialty()))
            .or(() -> R4Values.concept(appointment.getAppointmentType(), CodedConcept.SNOMED_CT))
            .or(() -> first(appointment.getReasonCode()))
            .orElseThrow(
                () -> new BadResourceException(appointment, "without a coded service or reason"));
    return Optional.of(
        new ReferralItem(
            origin.provenance(appointment),
            concept,
            status,
            R4Values.day(appointment.getCreatedElement()),
            appointment.getParticipant().stream()
                .filter(p -> p.hasActor() && !isPatient(p.getActor().getReference()))
                .map(p -> index.display(p.getActor(), appointment))
                .flatMap(Optional::stream)
                .findFirst(),
            Optional.empty(),
            R4Values.day(appointment.getStartElement()),
            SensitivityLabels.of(appointment)));
  }

  private static Optional<CodedConcept> first(java.util.List<CodeableConcept> concepts) {
    return concepts.stream()
        .map(c -> R4Values.concept(c, CodedConcept.SNOMED_CT))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static boolean isPatient(String reference) {
    return reference != null && reference.startsWith("Patient/");
  }
}
