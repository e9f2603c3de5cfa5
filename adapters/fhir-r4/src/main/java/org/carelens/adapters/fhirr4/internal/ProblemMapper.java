package org.carelens.adapters.fhirr4.internal;

import java.util.Optional;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.ProblemItem;
import org.carelens.sdk.model.ProblemItem.Significance;
import org.carelens.sdk.model.ProblemItem.Status;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Procedure;

/**
 * UK Core Condition (problem-list items and encounter diagnoses) and Procedure to {@link
 * ProblemItem}. A completed procedure is shown as an inactive problem, as GP and hospital problem
 * lists record past operations ("Total hip replacement") alongside diagnoses; the model has no
 * procedure section of its own.
 */
final class ProblemMapper {

  private static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  private static final String VERIFICATION =
      "http://terminology.hl7.org/CodeSystem/condition-ver-status";

  private ProblemMapper() {}

  static Optional<ProblemItem> condition(Condition condition, ItemOrigin origin)
      throws BadResourceException {
    boolean excluded =
        R4Values.code(condition.getVerificationStatus(), VERIFICATION)
            .filter(c -> c.equals("entered-in-error") || c.equals("refuted"))
            .isPresent();
    if (excluded) {
      return Optional.empty();
    }
    CodedConcept concept =
        R4Values.requireConcept(condition.getCode(), condition, "code", CodedConcept.SNOMED_CT);
    // Without a clinical status, an abatement date is the only evidence the problem has ended.
    String clinical =
        R4Values.code(condition.getClinicalStatus(), CLINICAL)
            .orElse(condition.hasAbatement() ? "resolved" : "active");
    Status status =
        switch (clinical) {
          case "inactive", "remission" -> Status.INACTIVE;
          case "resolved" -> Status.RESOLVED;
          default -> Status.ACTIVE;
        };
    return Optional.of(
        new ProblemItem(
            origin.provenance(condition),
            concept,
            status,
            Significance.UNSPECIFIED,
            R4Values.day(condition.getOnset()),
            condition.getAbatement() instanceof org.hl7.fhir.r4.model.Period period
                ? R4Values.day(period.getEndElement())
                : R4Values.day(condition.getAbatement()),
            R4Values.day(condition.getRecordedDateElement()),
            SensitivityLabels.of(condition)));
  }

  static Optional<ProblemItem> procedure(Procedure procedure, ItemOrigin origin)
      throws BadResourceException {
    if (!procedure.hasStatus()) {
      throw new BadResourceException(procedure, "without a status");
    }
    Status status =
        switch (procedure.getStatus()) {
          case ENTEREDINERROR, NOTDONE -> null;
          case PREPARATION, INPROGRESS, ONHOLD -> Status.ACTIVE;
          default -> Status.INACTIVE;
        };
    if (status == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ProblemItem(
            origin.provenance(procedure),
            R4Values.requireConcept(procedure.getCode(), procedure, "code", CodedConcept.SNOMED_CT),
            status,
            Significance.UNSPECIFIED,
            R4Values.day(procedure.getPerformed()),
            R4Values.end(procedure.getPerformed()),
            Optional.empty(),
            SensitivityLabels.of(procedure)));
  }
}
