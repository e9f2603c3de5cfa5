package org.carelens.adapters.fhirr4.internal;

import java.util.Optional;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.ImmunisationItem;
import org.hl7.fhir.r4.model.Immunization;

/** UK Core Immunization to {@link ImmunisationItem}. */
final class ImmunisationMapper {

  private ImmunisationMapper() {}

  static Optional<ImmunisationItem> map(Immunization immunization, ItemOrigin origin)
      throws BadResourceException {
    if (!immunization.hasStatus()) {
      throw new BadResourceException(immunization, "without a status");
    }
    ImmunisationItem.Status status =
        switch (immunization.getStatus()) {
          case COMPLETED -> ImmunisationItem.Status.COMPLETED;
          case NOTDONE -> ImmunisationItem.Status.NOT_DONE;
          default -> null;
        };
    if (status == null) {
      return Optional.empty();
    }
    Optional<String> dose =
        immunization.getProtocolApplied().stream()
            .filter(p -> p.hasDoseNumber())
            .map(p -> p.getDoseNumber().primitiveValue())
            .filter(R4Values::hasText)
            .findFirst();
    return Optional.of(
        new ImmunisationItem(
            origin.provenance(immunization),
            R4Values.requireConcept(
                immunization.getVaccineCode(),
                immunization,
                "vaccine",
                CodedConcept.SNOMED_CT,
                R4Values.DMD),
            status,
            R4Values.day(immunization.getOccurrence())
                .or(() -> R4Values.day(immunization.getRecordedElement())),
            dose,
            SensitivityLabels.of(immunization)));
  }
}
