package org.carelens.simulators.gp;

import java.util.ArrayList;
import java.util.List;
import org.carelens.simulators.population.Problem;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * The problems section: a "Problems" List and its ProblemHeader Conditions. Entries the practice
 * marked confidential are left out and the List carries the {@code confidential-items} warning, as
 * GP Connect 1.6 providers do ("Confidential items" in the Access Record: Structured guidance).
 */
final class ProblemResources {

  private ProblemResources() {}

  static List<Resource> build(
      List<Problem> problems, Reference patient, Reference recorder, DateTimeType now) {
    String stem = patient.getReference().substring("Patient/".length());
    ListResource list =
        Fhir.withIdAndProfile(new ListResource(), stem + "-problems", GpConnect.LIST_PROFILE);
    list.setStatus(ListResource.ListStatus.CURRENT)
        .setMode(ListResource.ListMode.SNAPSHOT)
        .setTitle("Problems")
        .setCode(Fhir.snomed(GpConnect.PROBLEMS_LIST_CODE, "Problems"))
        .setSubject(patient)
        .setDateElement(now);
    List<Resource> resources = new ArrayList<>();
    resources.add(list);
    boolean excluded = false;
    for (Problem problem : problems) {
      if (problem.confidential()) {
        excluded = true;
        continue;
      }
      Condition condition = condition(problem, patient, recorder);
      list.addEntry().setItem(Fhir.reference(condition));
      resources.add(condition);
    }
    if (excluded) {
      list.addExtension(
          new Extension(GpConnect.LIST_WARNING_EXTENSION, new CodeType("confidential-items")));
      list.addNote().setText("Items excluded due to confidentiality and/or patient preferences.");
    }
    if (list.getEntry().isEmpty()) {
      list.setEmptyReason(
          new CodeableConcept()
              .addCoding(
                  new Coding(
                      GpConnect.LIST_EMPTY_REASON, "no-content-recorded", "No Content Recorded")));
    }
    return resources;
  }

  private static Condition condition(Problem problem, Reference patient, Reference recorder) {
    Condition condition =
        Fhir.withIdAndProfile(new Condition(), problem.id(), GpConnect.PROBLEM_PROFILE);
    condition.addIdentifier(Fhir.crossCareSettingId(problem.id()));
    condition.addExtension(
        new Extension(
            GpConnect.PROBLEM_SIGNIFICANCE_EXTENSION,
            new CodeType(
                problem.significance() == Problem.Significance.MAJOR ? "major" : "minor")));
    condition.setClinicalStatus(
        problem.status() == Problem.Status.ACTIVE
            ? Condition.ConditionClinicalStatus.ACTIVE
            : Condition.ConditionClinicalStatus.INACTIVE);
    condition.addCategory(
        new CodeableConcept()
            .addCoding(
                new Coding(
                    "http://hl7.org/fhir/condition-category",
                    "problem-list-item",
                    "Problem List Item")));
    condition.setCode(Fhir.concept(problem.concept()));
    condition.setSubject(patient);
    condition.setOnset(Fhir.day(problem.onsetDate()));
    problem.endDate().ifPresent(end -> condition.setAbatement(Fhir.day(end)));
    condition.setAssertedDateElement(Fhir.day(problem.onsetDate()));
    condition.setAsserter(recorder);
    return condition;
  }
}
