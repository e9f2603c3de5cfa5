package org.carelens.simulators.gp;

import java.util.Objects;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueType;

/**
 * A request the practice refuses, carrying everything its OperationOutcome needs: the HTTP status
 * and the Spine error code GP Connect 1.6 prescribes for that failure.
 */
final class GpConnectException extends RuntimeException {

  /** The Spine-ErrorOrWarningCode-1 codes this simulator answers with. */
  enum ErrorCode {
    BAD_REQUEST(400, "Bad request", IssueType.INVALID),
    INVALID_PARAMETER(400, "Submitted parameter is not valid.", IssueType.INVALID),
    INVALID_NHS_NUMBER(400, "NHS number invalid", IssueType.VALUE),
    INVALID_RESOURCE(400, "Submitted resource is not valid.", IssueType.INVALID),
    // GP Connect 1.6: NO_PATIENT_CONSENT means the patient dissented at the practice.
    NO_PATIENT_CONSENT(403, "Patient has not provided consent to share data", IssueType.FORBIDDEN),
    PATIENT_NOT_FOUND(404, "Patient not found", IssueType.NOTFOUND),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", IssueType.INVALID);

    final int status;
    final String display;
    final IssueType issueType;

    ErrorCode(int status, String display, IssueType issueType) {
      this.status = status;
      this.display = display;
      this.issueType = issueType;
    }
  }

  private final ErrorCode code;

  GpConnectException(ErrorCode code, String diagnostics) {
    super(Objects.requireNonNull(diagnostics, "diagnostics"));
    this.code = Objects.requireNonNull(code, "code");
  }

  ErrorCode code() {
    return code;
  }

  OperationOutcome toOperationOutcome() {
    OperationOutcome outcome = new OperationOutcome();
    outcome.getMeta().addProfile(GpConnect.OPERATION_OUTCOME_PROFILE);
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(code.issueType)
        .setDetails(
            new CodeableConcept()
                .addCoding(new Coding(GpConnect.ERROR_CODE_SYSTEM, code.name(), code.display)))
        .setDiagnostics(getMessage());
    return outcome;
  }
}
