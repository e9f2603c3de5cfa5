package org.carelens.adapters.fhirr4;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carelens.adapters.fhirr4.internal.ErrorResponses;
import org.carelens.adapters.fhirr4.internal.ItemOrigin;
import org.carelens.adapters.fhirr4.internal.MalformedPayloadException;
import org.carelens.adapters.fhirr4.internal.R4ResourceMapper;
import org.carelens.adapters.fhirr4.internal.RecordAssembler;
import org.carelens.adapters.fhirr4.internal.Search;
import org.carelens.adapters.http.BoundedBody;
import org.carelens.adapters.http.TransportFailures;
import org.carelens.sdk.spi.DocumentOutcome;
import org.carelens.sdk.spi.DocumentRequest;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceDescriptor;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.carelens.sdk.spi.SourceRequest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Reads a patient's record from an acute trust's UK Core FHIR R4 API: a Patient search and one
 * search per requested section (Encounter, Condition, AllergyIntolerance, MedicationStatement,
 * DiagnosticReport with its result Observations, DocumentReference), all by NHS number.
 *
 * <p>The searches are sent at once and collected against one deadline, {@link
 * FhirR4Config#requestTimeout()}, which bounds the whole fetch including every page followed.
 * Interruption cancels every exchange still in flight and propagates. Thread-safe: one {@link
 * HttpClient} serves every concurrent {@link #fetch}. Source failures come back as {@link
 * SourceOutcome} values, as the {@link SourceAdapter} contract says; a search that fails costs its
 * own section (reported unavailable, with the failure as its reason) when others answered, and a
 * resource that cannot be read costs only itself (its section is reported partial, with a count).
 */
public final class FhirR4Adapter implements SourceAdapter {

  static final String FHIR_JSON = "application/fhir+json";
  private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+");
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final FhirR4Config config;
  private final HttpClient client;
  private final SourceDescriptor descriptor;
  private final RecordAssembler assembler;

  public FhirR4Adapter(FhirR4Config config) {
    this.config = Objects.requireNonNull(config, "config");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            // HTTP/1.1 like the other adapters: cancelling an oversized HTTP/2 (h2c) stream races
            // with the stream reset, which then surfaced as "Stream cancelled" instead of the size
            // limit (seen under load in the TCK's oversized-payload check).
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.descriptor =
        new SourceDescriptor(
            config.sourceId(), config.displayName(), config.organisationOds(), Search.offered());
    this.assembler =
        new RecordAssembler(
            config.sourceId(),
            new R4ResourceMapper(
                new ItemOrigin(
                    config.sourceId(), config.organisationOds(), config.organisationName()),
                Optional.of(config.baseUrl())));
  }

  /**
   * HAPI builds each resource type's model on first use, seconds in all; parsing one bundle of
   * every type this adapter reads does it at start-up rather than in the first clinician's view.
   */
  @Override
  public void warmUp() {
    StringBuilder bundle =
        new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[");
    String[] types = {
      "Patient",
      "Organization",
      "Practitioner",
      "Encounter",
      "Condition",
      "Procedure",
      "AllergyIntolerance",
      "MedicationStatement",
      "MedicationRequest",
      "MedicationDispense",
      "Medication",
      "DiagnosticReport",
      "Observation",
      "DocumentReference",
      "Composition",
      "Immunization",
      "Flag",
      "CareTeam",
      "ServiceRequest",
      "Appointment",
      "OperationOutcome"
    };
    for (int i = 0; i < types.length; i++) {
      bundle
          .append(i == 0 ? "" : ",")
          .append("{\"resource\":{\"resourceType\":\"")
          .append(types[i])
          .append("\"}}");
    }
    bundle.append("]}");
    var parser = FHIR.newJsonParser();
    parser.encodeResourceToString(parser.parseResource(bundle.toString()));
  }

  @Override
  public SourceDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public SourceOutcome fetch(SourceRequest request) throws InterruptedException {
    Objects.requireNonNull(request, "request");
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before the searches were sent");
    }
    long deadline = System.nanoTime() + config.requestTimeout().toNanos();
    List<Search> plan = Search.plan(request.sections());
    List<CompletableFuture<HttpResponse<BoundedBody>>> inFlight = new ArrayList<>();
    Map<Search, CompletableFuture<HttpResponse<BoundedBody>>> firstPages =
        new EnumMap<>(Search.class);
    for (Search search : plan) {
      URI uri = URI.create(config.baseUrl() + search.pathAndQuery(request.nhsNumber()));
      firstPages.put(search, send(uri, request, inFlight));
    }
    Map<Search, List<Bundle>> answered = new EnumMap<>(Search.class);
    Map<Search, Failed> failed = new EnumMap<>(Search.class);
    try {
      for (Search search : plan) {
        collect(search, firstPages.get(search), deadline, request, inFlight, answered, failed);
      }
    } catch (InterruptedException e) {
      // The gateway's deadline passed: drop every connection and let the interruption propagate.
      inFlight.forEach(f -> f.cancel(true));
      throw e;
    }
    return assembler.assemble(request.nhsNumber(), answered, failed, request.sections());
  }

  /** Reads every page of one search into {@code answered}, or its failure into {@code failed}. */
  private void collect(
      Search search,
      CompletableFuture<HttpResponse<BoundedBody>> firstPage,
      long deadline,
      SourceRequest request,
      List<CompletableFuture<HttpResponse<BoundedBody>>> inFlight,
      Map<Search, List<Bundle>> answered,
      Map<Search, Failed> failed)
      throws InterruptedException {
    List<Bundle> pages = new ArrayList<>();
    CompletableFuture<HttpResponse<BoundedBody>> exchange = firstPage;
    URI endpoint = config.baseUrl();
    while (true) {
      HttpResponse<BoundedBody> response;
      try {
        long remaining = Math.max(0, deadline - System.nanoTime());
        response = exchange.get(remaining, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        exchange.cancel(true);
        failed.put(search, TransportFailures.timedOut(endpoint, config.requestTimeout()));
        return;
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        failed.put(search, TransportFailures.classify(cause, endpoint, config.connectTimeout()));
        return;
      }
      Bundle page;
      Optional<URI> next;
      try {
        page = page(search, response);
        next = next(page);
      } catch (MalformedPayloadException e) {
        failed.put(search, new Failed(Kind.MALFORMED_PAYLOAD, e.getMessage()));
        return;
      } catch (SearchFailedException e) {
        failed.put(search, e.failure);
        return;
      }
      pages.add(page);
      if (next.isEmpty()) {
        answered.put(search, pages);
        return;
      }
      if (pages.size() >= config.maxPages()) {
        failed.put(
            search,
            new Failed(
                Kind.SOURCE_ERROR,
                "%s has more than %d pages; it was not read to the end"
                    .formatted(search.describe(), config.maxPages())));
        return;
      }
      exchange = send(next.get(), request, inFlight);
    }
  }

  private CompletableFuture<HttpResponse<BoundedBody>> send(
      URI uri, SourceRequest request, List<CompletableFuture<HttpResponse<BoundedBody>>> inFlight) {
    HttpRequest http =
        HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .header("Accept", FHIR_JSON)
            // Lets the trust tie its own audit to the gateway's entry for this view.
            .header("X-Correlation-ID", request.context().correlationId())
            .header("X-Request-ID", request.context().correlationId())
            .GET()
            .build();
    CompletableFuture<HttpResponse<BoundedBody>> exchange =
        client.sendAsync(http, BoundedBody.handler(config.maxResponseBytes()));
    inFlight.add(exchange);
    return exchange;
  }

  private Bundle page(Search search, HttpResponse<BoundedBody> response)
      throws MalformedPayloadException, SearchFailedException {
    if (response.body() instanceof BoundedBody.TooLarge tooLarge) {
      throw new MalformedPayloadException(
          "%s answered more than %d bytes (HTTP %d); it was not read"
              .formatted(search.describe(), tooLarge.limit(), response.statusCode()));
    }
    byte[] body = ((BoundedBody.Complete) response.body()).bytes();
    int status = response.statusCode();
    if (status >= 400) {
      throw new SearchFailedException(ErrorResponses.interpret(FHIR, search, status, body));
    }
    if (status != 200) {
      throw new SearchFailedException(
          new Failed(
              Kind.SOURCE_ERROR,
              "HTTP %d from %s, where 200 with a searchset Bundle was expected"
                  .formatted(status, search.describe())));
    }
    if (body.length == 0) {
      throw new MalformedPayloadException(
          "HTTP 200 with an empty body from %s, where a searchset Bundle was expected"
              .formatted(search.describe()));
    }
    IBaseResource resource;
    try {
      resource = FHIR.newJsonParser().parseResource(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      // Parser messages can quote the payload, so only HAPI's message code is kept.
      Matcher code = HAPI_CODE.matcher(String.valueOf(e.getMessage()));
      throw new MalformedPayloadException(
          "%s answered with something that is not FHIR R4 JSON (%d bytes; %s)"
              .formatted(
                  search.describe(),
                  body.length,
                  code.find() ? code.group() : e.getClass().getSimpleName()));
    }
    if (!(resource instanceof Bundle bundle)) {
      throw new MalformedPayloadException(
          "%s answered with a %s, where a searchset Bundle was expected"
              .formatted(search.describe(), resource.fhirType()));
    }
    if (bundle.getType() != Bundle.BundleType.SEARCHSET) {
      throw new MalformedPayloadException(
          "%s answered with a Bundle of type '%s', where a searchset was expected"
              .formatted(
                  search.describe(), bundle.hasType() ? bundle.getType().toCode() : "(none)"));
    }
    return bundle;
  }

  /**
   * The next page, only on the same server: a link elsewhere would send the query (and with it the
   * NHS number) to a host nobody configured.
   */
  private Optional<URI> next(Bundle page) throws MalformedPayloadException {
    Bundle.BundleLinkComponent link = page.getLink(Bundle.LINK_NEXT);
    if (link == null || !link.hasUrl()) {
      return Optional.empty();
    }
    URI next;
    try {
      next =
          URI.create(link.getUrl()).isAbsolute()
              ? URI.create(link.getUrl())
              : config.baseUrl().resolve(link.getUrl());
    } catch (IllegalArgumentException e) {
      throw new MalformedPayloadException("a searchset's next link is not a URL");
    }
    if (!sameServer(next)) {
      throw new MalformedPayloadException(
          "a searchset's next link points to another server (%s); it was not followed"
              .formatted(next.getHost()));
    }
    return Optional.of(next);
  }

  /**
   * Fetches a document's content: first the DocumentReference, searched by id <em>and</em> the
   * patient's NHS number so a document of another patient is never served, then its attachment URL
   * (on this server only). The content is returned as the trust serves it (R4 Binary native
   * content).
   *
   * @param request {@code documentId} is the item's {@code sourceItemId}, {@code
   *     DocumentReference/{id}}
   */
  @Override
  public DocumentOutcome fetchDocument(DocumentRequest request) throws InterruptedException {
    Objects.requireNonNull(request, "request");
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before the document was requested");
    }
    String prefix = "DocumentReference/";
    String id =
        request.documentId().startsWith(prefix)
            ? request.documentId().substring(prefix.length())
            : request.documentId();
    if (!id.matches("[A-Za-z0-9\\-.]{1,64}")) {
      return new DocumentOutcome.NotFound("not a DocumentReference id of this source");
    }
    long deadline = System.nanoTime() + config.requestTimeout().toNanos();
    List<CompletableFuture<HttpResponse<BoundedBody>>> inFlight = new ArrayList<>();
    try {
      SourceRequest search =
          new SourceRequest(request.nhsNumber(), java.util.Set.of(), request.context());
      URI uri =
          URI.create(
              config.baseUrl() + Search.DOCUMENTS.pathAndQuery(request.nhsNumber()) + "&_id=" + id);
      Map<Search, List<Bundle>> answered = new EnumMap<>(Search.class);
      Map<Search, Failed> failed = new EnumMap<>(Search.class);
      collect(
          Search.DOCUMENTS,
          send(uri, search, inFlight),
          deadline,
          search,
          inFlight,
          answered,
          failed);
      if (failed.containsKey(Search.DOCUMENTS)) {
        Failed failure = failed.get(Search.DOCUMENTS);
        return new DocumentOutcome.Failed(failure.kind(), failure.detail());
      }
      Optional<org.hl7.fhir.r4.model.DocumentReference> document =
          answered.get(Search.DOCUMENTS).stream()
              .flatMap(b -> b.getEntry().stream())
              .map(Bundle.BundleEntryComponent::getResource)
              .filter(r -> r instanceof org.hl7.fhir.r4.model.DocumentReference)
              .map(org.hl7.fhir.r4.model.DocumentReference.class::cast)
              .filter(d -> id.equals(d.getIdElement().getIdPart()))
              .findFirst();
      if (document.isEmpty()) {
        return new DocumentOutcome.NotFound("the trust holds no such document for this NHS number");
      }
      Optional<String> url =
          document.get().getContent().stream()
              .map(c -> c.getAttachment())
              .filter(a -> a.hasUrl())
              .map(a -> a.getUrl())
              .findFirst();
      if (url.isEmpty()) {
        return new DocumentOutcome.NotFound("the document has no content URL");
      }
      URI content;
      try {
        content =
            URI.create(url.get()).isAbsolute()
                ? URI.create(url.get())
                : URI.create(config.baseUrl() + "/" + url.get().replaceFirst("^/", ""));
      } catch (IllegalArgumentException e) {
        return new DocumentOutcome.Failed(
            Kind.MALFORMED_PAYLOAD, "the document's content URL is not a URL");
      }
      if (!sameServer(content)) {
        return new DocumentOutcome.NotSupported(
            "the document's content is held on another server (%s)".formatted(content.getHost()));
      }
      return content(content, request, deadline, inFlight);
    } catch (InterruptedException e) {
      inFlight.forEach(f -> f.cancel(true));
      throw e;
    }
  }

  private DocumentOutcome content(
      URI uri,
      DocumentRequest request,
      long deadline,
      List<CompletableFuture<HttpResponse<BoundedBody>>> inFlight)
      throws InterruptedException {
    HttpRequest http =
        HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .header("Accept", "*/*")
            .header("X-Correlation-ID", request.context().correlationId())
            .GET()
            .build();
    CompletableFuture<HttpResponse<BoundedBody>> exchange =
        client.sendAsync(http, BoundedBody.handler(config.maxResponseBytes()));
    inFlight.add(exchange);
    HttpResponse<BoundedBody> response;
    try {
      response = exchange.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      Failed failed = TransportFailures.timedOut(uri, config.requestTimeout());
      return new DocumentOutcome.Failed(failed.kind(), failed.detail());
    } catch (ExecutionException e) {
      Failed failed =
          TransportFailures.classify(
              e.getCause() == null ? e : e.getCause(), uri, config.connectTimeout());
      return new DocumentOutcome.Failed(failed.kind(), failed.detail());
    }
    if (response.body() instanceof BoundedBody.TooLarge tooLarge) {
      return new DocumentOutcome.Failed(
          Kind.MALFORMED_PAYLOAD,
          "the document is larger than %d bytes; it was not read".formatted(tooLarge.limit()));
    }
    if (response.statusCode() == 404) {
      return new DocumentOutcome.NotFound("the trust no longer holds the document's content");
    }
    if (response.statusCode() != 200) {
      return new DocumentOutcome.Failed(
          Kind.SOURCE_ERROR,
          "HTTP %d when reading the document's content".formatted(response.statusCode()));
    }
    String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
    return new DocumentOutcome.Content(type, ((BoundedBody.Complete) response.body()).bytes());
  }

  private boolean sameServer(URI uri) {
    URI base = config.baseUrl();
    return Objects.equals(uri.getScheme(), base.getScheme())
        && Objects.equals(uri.getHost(), base.getHost())
        && uri.getPort() == base.getPort();
  }

  /** Aborts exchanges still in flight and releases the client's connections. */
  @Override
  public void close() {
    client.shutdownNow();
  }

  @Override
  public String toString() {
    return "FhirR4Adapter[" + config.sourceId() + " -> " + config.baseUrl() + "]";
  }

  /** A search answered with an error status. */
  private static final class SearchFailedException extends Exception {
    private final Failed failure;

    SearchFailedException(Failed failure) {
      super(failure.detail(), null, false, false);
      this.failure = failure;
    }
  }
}
