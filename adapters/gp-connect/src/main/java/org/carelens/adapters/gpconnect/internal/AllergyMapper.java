package org.carelens.adapters.gpconnect.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.CodedConcept;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceClinicalStatus;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceReactionComponent;
import org.hl7.fhir.dstu3.model.CodeableConcept;

/** GP Connect's AllergyIntolerance (CareConnect-GPC-AllergyIntolerance-1) as an allergy item. */
final class AllergyMapper {

  private AllergyMapper() {}

  /**
   * Maps one allergy; empty for one the source marks entered-in-error.
   *
   * @param fromEndedList the allergy was listed under "Ended allergies", so it is resolved whatever
   *     its clinicalStatus says
   */
  static Optional<AllergyItem> map(
      AllergyIntolerance allergy, boolean fromEndedList, ItemOrigin origin)
      throws BadResourceException {
    if (allergy.getVerificationStatus()
        == AllergyIntolerance.AllergyIntoleranceVerificationStatus.ENTEREDINERROR) {
      return Optional.empty();
    }
    if (!allergy.hasCode()) {
      throw new BadResourceException(allergy, "without a code");
    }
    CodedConcept concept = Stu3Values.concept(allergy.getCode(), allergy, CodedConcept.SNOMED_CT);
    AllergyItem.Status status =
        fromEndedList
                || allergy.getClinicalStatus() == AllergyIntoleranceClinicalStatus.RESOLVED
                || allergy.getClinicalStatus() == AllergyIntoleranceClinicalStatus.INACTIVE
            ? AllergyItem.Status.RESOLVED
            : AllergyItem.Status.ACTIVE;
    return Optional.of(
        new AllergyItem(
            origin.provenance(allergy),
            concept,
            status,
            allergy.hasOnsetDateTimeType()
                ? Stu3Values.day(allergy.getOnsetDateTimeType())
                : Optional.empty(),
            Stu3Values.day(allergy.getAssertedDateElement()),
            reactions(allergy),
            severity(allergy),
            Set.of()));
  }

  private static List<String> reactions(AllergyIntolerance allergy) {
    List<String> reactions = new ArrayList<>();
    for (AllergyIntoleranceReactionComponent reaction : allergy.getReaction()) {
      for (CodeableConcept manifestation : reaction.getManifestation()) {
        Stu3Values.text(manifestation)
            .filter(text -> !reactions.contains(text))
            .ifPresent(reactions::add);
      }
    }
    return reactions;
  }

  /** The most severe reaction's severity, as the source's code ("mild", "moderate", "severe"). */
  private static Optional<String> severity(AllergyIntolerance allergy) {
    return allergy.getReaction().stream()
        .filter(AllergyIntoleranceReactionComponent::hasSeverity)
        .map(AllergyIntoleranceReactionComponent::getSeverity)
        .max(Enum::compareTo)
        .map(AllergyIntolerance.AllergyIntoleranceSeverity::toCode);
  }
}
