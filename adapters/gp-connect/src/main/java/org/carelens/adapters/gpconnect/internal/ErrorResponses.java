package org.carelens.adapters.gpconnect.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.carelens.adapters.http.StatusMapping;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Reads a GP Connect error response (an HTTP error status with an OperationOutcome whose {@code
 * issue.details} carries a Spine error code) into an outcome, through {@link #STATUS}. Only the
 * code and its fixed display are reported: {@code diagnostics} is free text that may echo patient
 * details, so it is never copied into the outcome.
 */
public final class ErrorResponses {

  private ErrorResponses() {}

  /** A Spine error code with its display, e.g. {@code PATIENT_NOT_FOUND}. */
  public record SpineError(String code, Optional<String> display) {}

  /** GP Connect's status codes as outcomes. */
  public static final StatusMapping STATUS =
      StatusMapping.of("the GP Connect provider", body -> spineError(body).map(SpineError::code))
          // GP Connect 1.6: 404 PATIENT_NOT_FOUND when the practice holds no record for the
          // number; a 404 without it is a wrong endpoint, never "no record".
          .notFoundIsNoRecord(
              "PATIENT_NOT_FOUND",
              "the GP practice holds no record for this NHS number (PATIENT_NOT_FOUND)")
          // GP Connect 1.6: 403 NO_PATIENT_CONSENT when the patient dissented from sharing at the
          // practice.
          .forbiddenIsWithheld(
              "NO_PATIENT_CONSENT",
              "the patient has asked their GP practice not to share their record"
                  + " (NO_PATIENT_CONSENT)");

  /** The first Spine error code in an OperationOutcome body, if the body is one. */
  static Optional<SpineError> spineError(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    IBaseResource resource;
    try {
      resource = Gpc.jsonParser().parseResource(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException notFhir) {
      // An error page from a proxy or load balancer: the status alone is reported.
      return Optional.empty();
    }
    if (!(resource instanceof OperationOutcome outcome)) {
      return Optional.empty();
    }
    for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
      CodeableConcept details = issue.getDetails();
      for (Coding coding : details.getCoding()) {
        if (Gpc.SPINE_ERROR_SYSTEM.equals(coding.getSystem()) && coding.hasCode()) {
          return Optional.of(
              new SpineError(
                  coding.getCode(),
                  coding.hasDisplay() ? Optional.of(coding.getDisplay()) : Optional.empty()));
        }
      }
    }
    return Optional.empty();
  }
}
