package org.carelens.adapters.gpconnect.internal;

import org.hl7.fhir.dstu3.model.Resource;

/**
 * One item cannot be mapped (missing code, dangling reference, unexpected type). It costs that item
 * only: the section counts it as unreadable and still shows the others.
 *
 * <p>{@link #problem()} says what kind of thing went wrong in resource types only
 * ("AllergyIntolerance without a code"), so it can be told to the viewer and counted with others of
 * its kind; the message adds resource ids for the operator's log. Neither carries item content or
 * patient data.
 */
final class BadResourceException extends Exception {

  private final String problem;

  /**
   * @param problem what went wrong, in resource types only
   * @param message the same with resource ids, for the log
   */
  BadResourceException(String problem, String message) {
    super(message);
    this.problem = problem;
  }

  /** "AllergyIntolerance without a code", logged as "AllergyIntolerance/2 without a code". */
  BadResourceException(Resource resource, String problem) {
    this(resource.fhirType() + " " + problem, Stu3Values.describe(resource) + " " + problem);
  }

  String problem() {
    return problem;
  }
}
