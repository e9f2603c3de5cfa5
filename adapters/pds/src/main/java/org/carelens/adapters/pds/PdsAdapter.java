package org.carelens.adapters.pds;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carelens.adapters.http.BoundedBody;
import org.carelens.adapters.http.TransportFailures;
import org.carelens.adapters.pds.internal.MalformedPatientException;
import org.carelens.adapters.pds.internal.PdsPatientMapper;
import org.carelens.adapters.pds.internal.PdsSearchMapper;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.DemographicQuery;
import org.carelens.sdk.spi.DemographicSearch;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SearchOutcome;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceDescriptor;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.carelens.sdk.spi.SourceRequest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;

/**
 * Reads a patient's identity from the demographics spine: {@code GET {base}/Patient/{nhsNumber}}
 * (PDS FHIR R4), and traces patients from their details ({@link #search}: {@code GET
 * {base}/Patient?family=&given=&gender=&birthdate=&address-postalcode=}). The record it returns
 * holds the identity only, no sections: the spine is where the gateway learns the registered
 * practice, the deceased date and the restricted ("S-flag") status, and against which other
 * sources' demographics are compared.
 *
 * <p>Thread-safe; failures are outcomes, interruption propagates, and every exchange is bounded by
 * {@link PdsConfig#requestTimeout()} and {@link PdsConfig#maxResponseBytes()}.
 */
public final class PdsAdapter implements SourceAdapter, DemographicSearch {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+");
  private static final String FHIR_JSON = "application/fhir+json";

  private final PdsConfig config;
  private final HttpClient client;
  private final SourceDescriptor descriptor;

  public PdsAdapter(PdsConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    // The spine holds no clinical sections; its Patient is the identity every other source is
    // compared against.
    this.descriptor =
        new SourceDescriptor(config.sourceId(), config.displayName(), "X26", Set.of());
  }

  /** Builds HAPI's Patient model at start-up rather than in the first view (seconds, cold). */
  @Override
  public void warmUp() {
    var parser = FHIR.newJsonParser();
    parser.encodeResourceToString(
        parser.parseResource(
            "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\"}},"
                + "{\"resource\":{\"resourceType\":\"OperationOutcome\"}}]}"));
  }

  @Override
  public SourceDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public SourceOutcome fetch(SourceRequest request) throws InterruptedException {
    Objects.requireNonNull(request, "request");
    return read(request);
  }

  private SourceOutcome read(SourceRequest request) throws InterruptedException {
    URI endpoint = URI.create(config.baseUrl() + "/Patient/" + request.nhsNumber().value());
    HttpRequest http =
        HttpRequest.newBuilder(endpoint)
            .timeout(config.requestTimeout())
            .header("Accept", FHIR_JSON)
            // PDS requires a UUID request id per call; the correlation id ties it to the audit.
            .header(
                "X-Request-ID",
                UUID.nameUUIDFromBytes(
                        (request.context().correlationId() + "/" + System.nanoTime())
                            .getBytes(StandardCharsets.UTF_8))
                    .toString())
            .header("X-Correlation-ID", request.context().correlationId())
            .GET()
            .build();
    CompletableFuture<HttpResponse<BoundedBody>> exchange =
        client.sendAsync(http, BoundedBody.handler(config.maxResponseBytes()));
    HttpResponse<BoundedBody> response;
    try {
      response = exchange.get(config.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return TransportFailures.timedOut(endpoint, config.requestTimeout());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return TransportFailures.classify(cause, endpoint, config.connectTimeout());
    }
    return interpret(response, request);
  }

  private SourceOutcome interpret(HttpResponse<BoundedBody> response, SourceRequest request) {
    if (response.body() instanceof BoundedBody.TooLarge tooLarge) {
      return new SourceOutcome.Failed(
          Kind.MALFORMED_PAYLOAD,
          "response exceeded %d bytes (HTTP %d); it was not read"
              .formatted(tooLarge.limit(), response.statusCode()));
    }
    byte[] body = ((BoundedBody.Complete) response.body()).bytes();
    int status = response.statusCode();
    if (status == 404) {
      // PDS: 404 RESOURCE_NOT_FOUND when the spine holds no patient with this number.
      return new SourceOutcome.NoRecord(
          "the demographics spine holds no patient with this NHS number"
              + spineCode(body).map(c -> " (" + c + ")").orElse(""));
    }
    if (status != 200) {
      return new SourceOutcome.Failed(
          Kind.SOURCE_ERROR,
          "HTTP %d from the demographics spine%s"
              .formatted(status, spineCode(body).map(c -> " " + c).orElse("")));
    }
    if (body.length == 0) {
      return new SourceOutcome.Failed(
          Kind.MALFORMED_PAYLOAD, "HTTP 200 with an empty body, where a Patient was expected");
    }
    IBaseResource resource;
    try {
      resource = parser().parseResource(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      Matcher code = HAPI_CODE.matcher(String.valueOf(e.getMessage()));
      return new SourceOutcome.Failed(
          Kind.MALFORMED_PAYLOAD,
          "response body is not FHIR R4 JSON (%d bytes; %s)"
              .formatted(body.length, code.find() ? code.group() : e.getClass().getSimpleName()));
    }
    if (!(resource instanceof Patient patient)) {
      return new SourceOutcome.Failed(
          Kind.MALFORMED_PAYLOAD,
          "response body is a %s, where a Patient was expected".formatted(resource.fhirType()));
    }
    try {
      PatientIdentity identity = PdsPatientMapper.map(patient, request.nhsNumber());
      return new SourceOutcome.Loaded(new SourceRecord(Optional.of(identity), Map.of()));
    } catch (MalformedPatientException e) {
      return new SourceOutcome.Failed(Kind.MALFORMED_PAYLOAD, e.getMessage());
    }
  }

  /**
   * PDS FHIR "Search for a patient": {@code birthdate} with the {@code eq} prefix, {@code
   * _fuzzy-match} and {@code _max-results} as the query says. 400 is the spine refusing the
   * criteria ({@link SearchOutcome.Invalid}); an OperationOutcome {@code TOO_MANY_MATCHES}, in the
   * Bundle or bare, at 200 or 400, is {@link SearchOutcome.TooManyMatches}.
   */
  @Override
  public SearchOutcome search(DemographicQuery query, RequestContext context)
      throws InterruptedException {
    Objects.requireNonNull(query, "query");
    StringBuilder params = new StringBuilder();
    param(params, "family", query.family());
    query.given().ifPresent(g -> param(params, "given", g));
    query
        .gender()
        .ifPresent(g -> param(params, "gender", g.name().toLowerCase(java.util.Locale.ROOT)));
    param(params, "birthdate", "eq" + query.birthDate());
    query.postcode().ifPresent(p -> param(params, "address-postalcode", p));
    param(params, "_fuzzy-match", String.valueOf(query.fuzzy()));
    param(params, "_max-results", String.valueOf(query.maxResults()));
    URI endpoint = URI.create(config.baseUrl() + "/Patient?" + params);
    return searchExchange(
        endpoint,
        context,
        body -> {
          IBaseResource resource = parser().parseResource(new String(body, StandardCharsets.UTF_8));
          if (resource instanceof OperationOutcome outcome
              && PdsSearchMapper.tooManyMatches(outcome).isPresent()) {
            return PdsSearchMapper.tooManyMatches(outcome).get();
          }
          if (!(resource instanceof Bundle bundle)) {
            return new SearchOutcome.Failed(
                "the demographics spine answered a %s, where a Bundle was expected"
                    .formatted(resource.fhirType()));
          }
          return PdsSearchMapper.map(bundle);
        });
  }

  /** {@code GET {base}/Patient/{nhsNumber}}: one match, or none for 404. */
  @Override
  public SearchOutcome lookup(NhsNumber nhsNumber, RequestContext context)
      throws InterruptedException {
    Objects.requireNonNull(nhsNumber, "nhsNumber");
    URI endpoint = URI.create(config.baseUrl() + "/Patient/" + nhsNumber.value());
    return searchExchange(
        endpoint,
        context,
        body -> {
          IBaseResource resource = parser().parseResource(new String(body, StandardCharsets.UTF_8));
          if (!(resource instanceof Patient patient)) {
            return new SearchOutcome.Failed(
                "the demographics spine answered a %s, where a Patient was expected"
                    .formatted(resource.fhirType()));
          }
          return PdsSearchMapper.single(patient, nhsNumber);
        });
  }

  /** Reads a 200 body into an outcome. */
  @FunctionalInterface
  private interface SearchBody {
    SearchOutcome read(byte[] body) throws MalformedPatientException;
  }

  private SearchOutcome searchExchange(URI endpoint, RequestContext context, SearchBody reader)
      throws InterruptedException {
    HttpRequest http =
        HttpRequest.newBuilder(endpoint)
            .timeout(config.requestTimeout())
            .header("Accept", FHIR_JSON)
            // PDS requires a UUID request id per call.
            .header("X-Request-ID", UUID.randomUUID().toString())
            .header("X-Correlation-ID", context.correlationId())
            .GET()
            .build();
    CompletableFuture<HttpResponse<BoundedBody>> exchange =
        client.sendAsync(http, BoundedBody.handler(config.maxResponseBytes()));
    HttpResponse<BoundedBody> response;
    try {
      response = exchange.get(config.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return new SearchOutcome.Failed(
          "the demographics spine did not answer within "
              + config.requestTimeout().toMillis()
              + " ms");
    } catch (ExecutionException e) {
      return new SearchOutcome.Failed("the demographics spine could not be reached");
    }
    if (response.body() instanceof BoundedBody.TooLarge) {
      return new SearchOutcome.Failed("the demographics spine's answer was too large to read");
    }
    byte[] body = ((BoundedBody.Complete) response.body()).bytes();
    int status = response.statusCode();
    if (status == 404) {
      return new SearchOutcome.Matches(List.of());
    }
    if (status == 400
        && spineCode(body).filter(PdsSearchMapper.TOO_MANY_MATCHES::equals).isPresent()) {
      // NHS Digital's PDS sandbox answers "too many matches" as 400 (the specification says 200).
      return PdsSearchMapper.refineTheSearch();
    }
    if (status == 400) {
      return new SearchOutcome.Invalid(
          "the demographics spine refused the search criteria"
              + spineCode(body).map(c -> " (" + c + ")").orElse(""));
    }
    if (status != 200) {
      return new SearchOutcome.Failed(
          "HTTP %d from the demographics spine%s"
              .formatted(status, spineCode(body).map(c -> " " + c).orElse("")));
    }
    try {
      return reader.read(body);
    } catch (MalformedPatientException e) {
      return new SearchOutcome.Failed(
          "the demographics spine's answer is malformed: " + e.getMessage());
    } catch (RuntimeException e) {
      return new SearchOutcome.Failed("the demographics spine's answer is not FHIR R4 JSON");
    }
  }

  private static void param(StringBuilder params, String name, String value) {
    if (!params.isEmpty()) {
      params.append('&');
    }
    params
        .append(name)
        .append('=')
        .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  /** The Spine error code of an OperationOutcome body; never its free-text diagnostics. */
  private static Optional<String> spineCode(byte[] body) {
    try {
      IBaseResource resource = parser().parseResource(new String(body, StandardCharsets.UTF_8));
      if (resource instanceof OperationOutcome outcome && outcome.hasIssue()) {
        return outcome.getIssueFirstRep().getDetails().getCoding().stream()
            .map(c -> c.getCode())
            .filter(c -> c != null && c.matches("[A-Z_]{3,60}"))
            .findFirst();
      }
    } catch (RuntimeException notFhir) {
      // An error page from a proxy: the status alone is reported.
    }
    return Optional.empty();
  }

  private static IParser parser() {
    return FHIR.newJsonParser();
  }

  @Override
  public void close() {
    client.shutdownNow();
  }

  @Override
  public String toString() {
    return "PdsAdapter[" + config.sourceId() + " -> " + config.baseUrl() + "]";
  }
}
