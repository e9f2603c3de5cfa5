package org.carelens.adapters.gpconnect.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Turns a GP Connect error response (an HTTP error status with an OperationOutcome whose {@code
 * issue.details} carries a Spine error code) into an outcome. Only the code and its fixed display
 * are reported: {@code diagnostics} is free text that may echo patient details, so it is never
 * copied into the outcome.
 */
public final class ErrorResponses {

  private ErrorResponses() {}

  /** A Spine error code with its display, e.g. {@code PATIENT_NOT_FOUND}. */
  public record SpineError(String code, Optional<String> display) {}

  public static SourceOutcome interpret(int status, byte[] body) {
    Optional<SpineError> error = spineError(body);
    String code = error.map(SpineError::code).orElse("");
    // GP Connect 1.6: 404 PATIENT_NOT_FOUND when the practice holds no record for the number.
    if (status == 404 && code.equals("PATIENT_NOT_FOUND")) {
      return new SourceOutcome.NoRecord(
          "the GP practice holds no record for this NHS number (PATIENT_NOT_FOUND)");
    }
    // GP Connect 1.6: 403 NO_PATIENT_CONSENT when the patient dissented from sharing at the
    // practice.
    if (status == 403 && code.equals("NO_PATIENT_CONSENT")) {
      return new SourceOutcome.WithheldBySource(
          "NO_PATIENT_CONSENT",
          "the patient has asked their GP practice not to share their record (NO_PATIENT_CONSENT)");
    }
    String detail =
        error
            .map(e -> "HTTP %d %s: %s".formatted(status, e.code(), e.display().orElse(e.code())))
            .orElse(
                "HTTP %d from the GP Connect provider, without a Spine error code"
                    .formatted(status));
    return new SourceOutcome.Failed(Kind.SOURCE_ERROR, detail);
  }

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
