package org.carelens.adapters.http.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carelens.adapters.http.ExchangeFailedException;
import org.carelens.adapters.http.SafeMessages;
import org.carelens.adapters.http.StatusMapping;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Reading FHIR R4 JSON answers the same way in every R4 adapter: a body that is not the resource
 * asked for is a malformed payload, described without quoting it; an error body's OperationOutcome
 * gives its issue codes, never its {@code diagnostics}, which is free text that may echo the query
 * and so the NHS number.
 *
 * <p>Needs {@code hapi-fhir-structures-r4} on the adapter's class path (an optional dependency of
 * this module).
 */
public final class FhirR4Replies {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private FhirR4Replies() {}

  /**
   * The resource of a 200 body.
   *
   * @param what names the call, e.g. {@code "the Patient search"}
   */
  public static <T extends IBaseResource> T resource(byte[] body, Class<T> expected, String what)
      throws ExchangeFailedException {
    return resource(body, expected, what, expected.getSimpleName());
  }

  private static <T extends IBaseResource> T resource(
      byte[] body, Class<T> expected, String what, String name) throws ExchangeFailedException {
    if (body.length == 0) {
      throw ExchangeFailedException.malformed(
          "HTTP 200 with an empty body from %s, where a %s was expected".formatted(what, name));
    }
    IBaseResource resource;
    try {
      resource = FHIR.newJsonParser().parseResource(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw ExchangeFailedException.malformed(
          "%s answered with something that is not FHIR R4 JSON (%d bytes; %s)"
              .formatted(what, body.length, SafeMessages.parserProblem(e)));
    }
    if (!expected.isInstance(resource)) {
      throw ExchangeFailedException.malformed(
          "%s answered with a %s, where a %s was expected"
              .formatted(what, resource.fhirType(), name));
    }
    return expected.cast(resource);
  }

  /** The searchset Bundle of a 200 body. */
  public static Bundle searchset(byte[] body, String what) throws ExchangeFailedException {
    Bundle bundle = resource(body, Bundle.class, what, "searchset Bundle");
    if (bundle.getType() != Bundle.BundleType.SEARCHSET) {
      throw ExchangeFailedException.malformed(
          "%s answered with a Bundle of type '%s', where a searchset was expected"
              .formatted(what, bundle.hasType() ? bundle.getType().toCode() : "(none)"));
    }
    return bundle;
  }

  /**
   * The status mapping of a FHIR R4 search API: an error names its OperationOutcome's issue codes;
   * a 404 is a missing endpoint, never "no record", since FHIR answers a search that finds nothing
   * with an empty searchset.
   *
   * @param source names the source in details, e.g. {@code "the pointer service"}
   */
  public static StatusMapping searchStatus(String source) {
    return StatusMapping.of(
        source, body -> issueCodes(body).map(codes -> "OperationOutcome: " + codes));
  }

  /**
   * The issue codes of an OperationOutcome error body, each with its first coded detail ({@code
   * exception}, {@code not-found RESOURCE_NOT_FOUND}), joined; empty when the body is not one.
   */
  public static Optional<String> issueCodes(byte[] body) {
    List<String> codes = new ArrayList<>();
    for (OperationOutcome.OperationOutcomeIssueComponent issue : issues(body)) {
      StringBuilder code = new StringBuilder(issue.hasCode() ? issue.getCode().toCode() : "?");
      detail(issue).ifPresent(c -> code.append(' ').append(c));
      codes.add(code.toString());
    }
    return codes.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", codes));
  }

  /**
   * The first coded detail of an OperationOutcome error body, e.g. Spine's {@code
   * RESOURCE_NOT_FOUND}; empty when there is none.
   */
  public static Optional<String> detailCode(byte[] body) {
    return issues(body).stream().map(FhirR4Replies::detail).flatMap(Optional::stream).findFirst();
  }

  private static Optional<String> detail(OperationOutcome.OperationOutcomeIssueComponent issue) {
    return issue.getDetails().getCoding().stream()
        .filter(c -> c.hasCode() && c.getCode().matches("[A-Za-z0-9_.-]{1,64}"))
        .map(c -> c.getCode())
        .findFirst();
  }

  private static List<OperationOutcome.OperationOutcomeIssueComponent> issues(byte[] body) {
    if (body.length == 0) {
      return List.of();
    }
    try {
      IBaseResource resource =
          FHIR.newJsonParser().parseResource(new String(body, StandardCharsets.UTF_8));
      return resource instanceof OperationOutcome outcome ? outcome.getIssue() : List.of();
    } catch (RuntimeException notFhir) {
      // An error page from a proxy or load balancer: the status alone is reported.
      return List.of();
    }
  }
}
