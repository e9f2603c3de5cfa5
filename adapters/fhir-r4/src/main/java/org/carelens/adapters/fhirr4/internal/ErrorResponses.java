package org.carelens.adapters.fhirr4.internal;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.carelens.sdk.spi.SourceOutcome.Failed;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Turns an HTTP error from a search into an outcome. FHIR servers explain errors with an
 * OperationOutcome; its issue codes (and any coded details) are reported, never its {@code
 * diagnostics}, which is free text that may echo the query and so the NHS number.
 */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static Failed interpret(FhirContext fhir, Search search, int status, byte[] body) {
    List<String> codes = issueCodes(fhir, body);
    return new Failed(
        Kind.SOURCE_ERROR,
        codes.isEmpty()
            ? "HTTP %d from %s, without an OperationOutcome".formatted(status, search.describe())
            : "HTTP %d from %s (OperationOutcome: %s)"
                .formatted(status, search.describe(), String.join(", ", codes)));
  }

  private static List<String> issueCodes(FhirContext fhir, byte[] body) {
    List<String> codes = new ArrayList<>();
    if (body.length == 0) {
      return codes;
    }
    IBaseResource resource;
    try {
      resource = fhir.newJsonParser().parseResource(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException notFhir) {
      // An error page from a proxy or load balancer: the status alone is reported.
      return codes;
    }
    if (resource instanceof OperationOutcome outcome) {
      for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
        StringBuilder code = new StringBuilder(issue.hasCode() ? issue.getCode().toCode() : "?");
        issue.getDetails().getCoding().stream()
            .filter(c -> c.hasCode() && c.getCode().matches("[A-Za-z0-9_.-]{1,64}"))
            .findFirst()
            .ifPresent(c -> code.append(' ').append(c.getCode()));
        codes.add(code.toString());
      }
    }
    return codes;
  }
}
