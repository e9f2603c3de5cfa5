package org.carelens.adapters.fhirr4.internal;

import org.hl7.fhir.r4.model.Resource;

/**
 * One resource cannot be mapped (missing code, dangling reference, another patient's subject). It
 * costs that item only: its section counts it as unreadable and still shows the others.
 *
 * <p>{@link #problem()} says what kind of thing went wrong in resource types only ("Flag without a
 * status"), so it can be told to the viewer and counted with others of its kind; the message adds
 * resource ids for the operator's log. Neither carries item content or patient data.
 */
public final class BadResourceException extends Exception {

  private final String problem;

  /**
   * @param problem what went wrong, in resource types only
   * @param message the same with resource ids, for the log
   */
  public BadResourceException(String problem, String message) {
    super(message);
    this.problem = problem;
  }

  /** "Flag without a status", logged as "Flag/f1 without a status". */
  public BadResourceException(Resource resource, String problem) {
    this(resource.fhirType() + " " + problem, R4Values.describe(resource) + " " + problem);
  }

  /** What went wrong, in resource types only: safe to show and to count. */
  public String problem() {
    return problem;
  }
}
