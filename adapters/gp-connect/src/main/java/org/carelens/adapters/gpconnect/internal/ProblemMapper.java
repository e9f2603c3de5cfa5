package org.carelens.adapters.gpconnect.internal;

import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.ProblemItem;
import org.hl7.fhir.dstu3.model.Condition;

/**
 * GP Connect's ProblemHeader Condition (CareConnect-GPC-ProblemHeader-Condition-1) as a problem.
 */
final class ProblemMapper {

  private ProblemMapper() {}

  /** Maps one problem; empty for one the source marks entered-in-error. */
  static Optional<ProblemItem> map(Condition condition, ItemOrigin origin)
      throws BadResourceException {
    if (condition.getVerificationStatus() == Condition.ConditionVerificationStatus.ENTEREDINERROR) {
      return Optional.empty();
    }
    if (!condition.hasCode()) {
      throw new BadResourceException(condition, "without a code");
    }
    CodedConcept concept =
        Stu3Values.concept(condition.getCode(), condition, CodedConcept.SNOMED_CT);
    ProblemItem.Status status;
    if (!condition.hasClinicalStatus()) {
      status = condition.hasAbatement() ? ProblemItem.Status.INACTIVE : ProblemItem.Status.ACTIVE;
    } else {
      // GP Connect 1.6 uses active and inactive on problem headers; the rest are mapped for
      // providers that send them.
      status =
          switch (condition.getClinicalStatus()) {
            case ACTIVE, RECURRENCE -> ProblemItem.Status.ACTIVE;
            case RESOLVED, REMISSION -> ProblemItem.Status.RESOLVED;
            default -> ProblemItem.Status.INACTIVE;
          };
    }
    ProblemItem.Significance significance =
        switch (Stu3Values.extensionCodes(condition, Gpc.PROBLEM_SIGNIFICANCE_EXTENSION).stream()
            .findFirst()
            .orElse("")) {
          case "major" -> ProblemItem.Significance.MAJOR;
          case "minor" -> ProblemItem.Significance.MINOR;
          default -> ProblemItem.Significance.UNSPECIFIED;
        };
    return Optional.of(
        new ProblemItem(
            origin.provenance(condition),
            concept,
            status,
            significance,
            condition.hasOnsetDateTimeType()
                ? Stu3Values.day(condition.getOnsetDateTimeType())
                : Optional.empty(),
            condition.hasAbatementDateTimeType()
                ? Stu3Values.day(condition.getAbatementDateTimeType())
                : Optional.empty(),
            Stu3Values.day(condition.getAssertedDateElement()),
            SensitiveCodes.label(concept).map(Set::of).orElse(Set.of())));
  }
}
