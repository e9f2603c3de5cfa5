package org.carelens.adapters.careplans;

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
import org.carelens.adapters.careplans.internal.PlanMapper;
import org.carelens.adapters.careplans.internal.PointerReader;
import org.carelens.adapters.careplans.internal.PointerSearch;
import org.carelens.adapters.http.BoundedBody;
import org.carelens.adapters.http.TransportFailures;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.DocumentOutcome;
import org.carelens.sdk.spi.DocumentRequest;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceDescriptor;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.carelens.sdk.spi.SourceRequest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Reads a patient's care plans from an NRL-style FHIR R4 pointer service: one DocumentReference
 * search per requested section, sent at once and collected against one deadline ({@link
 * CarePlansConfig#requestTimeout()}); interruption cancels every exchange in flight and propagates.
 * Current plans become alerts, every plan a document whose content {@link #fetchDocument} reads on
 * demand from the same server.
 *
 * <p>Failures are values: a search that fails costs its own section (unavailable, with the failure
 * as reason) when the other answered; only when nothing asked for could be read is the outcome
 * {@link Failed}. A search that finds no pointer at all is {@link SourceOutcome.NoRecord}. A
 * pointer for another patient discards the whole answer. Thread-safe: one {@link HttpClient} serves
 * every concurrent call.
 */
public final class CarePlansAdapter implements SourceAdapter {

  static final String FHIR_JSON = "application/fhir+json";
  private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+");
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final CarePlansConfig config;
  private final HttpClient client;
  private final SourceDescriptor descriptor;
  private final PlanMapper mapper;

  public CarePlansAdapter(CarePlansConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            // HTTP/1.1 like the other adapters: an oversized body is cut by closing the stream.
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.descriptor =
        new SourceDescriptor(
            config.sourceId(), config.displayName(), config.serviceOds(), PointerSearch.offered());
    this.mapper = new PlanMapper(config.sourceId());
  }

  /** Builds HAPI's DocumentReference model at start-up, not in the first clinician's view. */
  @Override
  public void warmUp() {
    var parser = FHIR.newJsonParser();
    parser.encodeResourceToString(
        parser.parseResource(
            "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"DocumentReference\",\"status\":\"current\"}},"
                + "{\"resource\":{\"resourceType\":\"OperationOutcome\"}}]}"));
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
    List<PointerSearch> plan = PointerSearch.plan(request.sections());
    if (plan.isEmpty()) {
      return new SourceOutcome.Loaded(new SourceRecord(Optional.empty(), Map.of()));
    }
    long deadline = System.nanoTime() + config.requestTimeout().toNanos();
    List<CompletableFuture<HttpResponse<BoundedBody>>> inFlight = new ArrayList<>();
    Map<PointerSearch, CompletableFuture<HttpResponse<BoundedBody>>> sent =
        new EnumMap<>(PointerSearch.class);
    for (PointerSearch search : plan) {
      URI uri = URI.create(config.baseUrl() + search.pathAndQuery(request.nhsNumber()));
      sent.put(search, send(uri, FHIR_JSON, request.context(), inFlight));
    }
    Map<PointerSearch, PointerReader.Read> answered = new EnumMap<>(PointerSearch.class);
    Map<PointerSearch, Failed> failed = new EnumMap<>(PointerSearch.class);
    try {
      for (PointerSearch search : plan) {
        Bundle page;
        try {
          page = searchset(search, await(sent.get(search), deadline));
        } catch (SearchFailedException e) {
          failed.put(search, e.failure);
          continue;
        }
        try {
          answered.put(
              search,
              PointerReader.read(
                  page, request.nhsNumber(), page.getLink(Bundle.LINK_NEXT) != null));
        } catch (PointerReader.WrongPatientException e) {
          inFlight.forEach(f -> f.cancel(true));
          return new Failed(Kind.MALFORMED_PAYLOAD, e.getMessage());
        }
      }
    } catch (InterruptedException e) {
      // The gateway's deadline passed: drop every connection and let the interruption propagate.
      inFlight.forEach(f -> f.cancel(true));
      throw e;
    }
    return assemble(plan, answered, failed);
  }

  private SourceOutcome assemble(
      List<PointerSearch> plan,
      Map<PointerSearch, PointerReader.Read> answered,
      Map<PointerSearch, Failed> failed) {
    if (answered.isEmpty()) {
      return failed.get(plan.get(0));
    }
    boolean nothing =
        failed.isEmpty()
            && answered.values().stream()
                .allMatch(r -> r.pointers().isEmpty() && r.unreadableCount() == 0);
    if (nothing) {
      return new SourceOutcome.NoRecord("the pointer service lists no care plans for this patient");
    }
    Map<Section, SectionContent<?>> sections = new EnumMap<>(Section.class);
    for (PointerSearch search : plan) {
      Section section = search.section();
      PointerReader.Read read = answered.get(search);
      if (read == null) {
        sections.put(section, SectionContent.unavailable(section, failed.get(search).detail()));
      } else if (section == Section.ALERTS) {
        sections.put(section, mapper.alerts(read));
      } else {
        sections.put(section, mapper.documents(read));
      }
    }
    return new SourceOutcome.Loaded(new SourceRecord(Optional.empty(), sections));
  }

  /**
   * Fetches a plan's content: first its pointer, searched by id <em>and</em> the patient's NHS
   * number so another patient's plan is never served, then the attachment URL, on this server only
   * (NRL pointers may name the author's own server; those are not followed).
   *
   * @param request {@code documentId} is the item's {@code sourceItemId}, {@code
   *     DocumentReference/{id}}
   */
  @Override
  public DocumentOutcome fetchDocument(DocumentRequest request) throws InterruptedException {
    Objects.requireNonNull(request, "request");
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before the care plan was requested");
    }
    String prefix = "DocumentReference/";
    String id =
        request.documentId().startsWith(prefix)
            ? request.documentId().substring(prefix.length())
            : request.documentId();
    if (!id.matches("[A-Za-z0-9\\-.]{1,64}")) {
      return new DocumentOutcome.NotFound("not a care plan pointer id of this source");
    }
    long deadline = System.nanoTime() + config.requestTimeout().toNanos();
    List<CompletableFuture<HttpResponse<BoundedBody>>> inFlight = new ArrayList<>();
    try {
      URI search = URI.create(config.baseUrl() + PointerSearch.byId(request.nhsNumber(), id));
      Bundle page;
      try {
        page =
            searchset(
                PointerSearch.ALL_PLANS,
                await(send(search, FHIR_JSON, request.context(), inFlight), deadline));
      } catch (SearchFailedException e) {
        return new DocumentOutcome.Failed(e.failure.kind(), e.failure.detail());
      }
      Optional<DocumentReference> pointer =
          page.getEntry().stream()
              .map(Bundle.BundleEntryComponent::getResource)
              .filter(r -> r instanceof DocumentReference)
              .map(DocumentReference.class::cast)
              .filter(d -> id.equals(d.getIdElement().getIdPart()))
              .filter(
                  d ->
                      request.nhsNumber().value().equals(d.getSubject().getIdentifier().getValue()))
              .findFirst();
      if (pointer.isEmpty()) {
        return new DocumentOutcome.NotFound("the service lists no such care plan for this patient");
      }
      Optional<String> url =
          pointer.get().getContent().stream()
              .map(DocumentReference.DocumentReferenceContentComponent::getAttachment)
              .filter(a -> a.hasUrl())
              .map(a -> a.getUrl())
              .findFirst();
      if (url.isEmpty()) {
        return new DocumentOutcome.NotFound("the care plan's pointer gives no content URL");
      }
      URI content;
      try {
        content =
            URI.create(url.get()).isAbsolute()
                ? URI.create(url.get())
                : URI.create(config.baseUrl() + "/" + url.get().replaceFirst("^/", ""));
      } catch (IllegalArgumentException e) {
        return new DocumentOutcome.Failed(
            Kind.MALFORMED_PAYLOAD, "the care plan's content URL is not a URL");
      }
      if (!sameServer(content)) {
        return new DocumentOutcome.NotSupported(
            "the care plan is held on another server (%s)".formatted(content.getHost()));
      }
      return content(await(send(content, "*/*", request.context(), inFlight), deadline));
    } catch (SearchFailedException e) {
      return new DocumentOutcome.Failed(e.failure.kind(), e.failure.detail());
    } catch (InterruptedException e) {
      inFlight.forEach(f -> f.cancel(true));
      throw e;
    }
  }

  private static DocumentOutcome content(HttpResponse<BoundedBody> response) {
    if (response.body() instanceof BoundedBody.TooLarge tooLarge) {
      return new DocumentOutcome.Failed(
          Kind.MALFORMED_PAYLOAD,
          "the care plan is larger than %d bytes; it was not read".formatted(tooLarge.limit()));
    }
    if (response.statusCode() == 404 || response.statusCode() == 410) {
      return new DocumentOutcome.NotFound("the service no longer holds the care plan's content");
    }
    if (response.statusCode() != 200) {
      return new DocumentOutcome.Failed(
          Kind.SOURCE_ERROR,
          "HTTP %d when reading the care plan's content".formatted(response.statusCode()));
    }
    String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
    return new DocumentOutcome.Content(type, ((BoundedBody.Complete) response.body()).bytes());
  }

  private CompletableFuture<HttpResponse<BoundedBody>> send(
      URI uri,
      String accept,
      RequestContext context,
      List<CompletableFuture<HttpResponse<BoundedBody>>> inFlight) {
    HttpRequest http =
        HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .header("Accept", accept)
            // Lets the service tie its own audit to the gateway's entry for this view (NRL asks
            // consumers for X-Correlation-ID and X-Request-ID).
            .header("X-Correlation-ID", context.correlationId())
            .header("X-Request-ID", context.correlationId())
            .GET()
            .build();
    CompletableFuture<HttpResponse<BoundedBody>> exchange =
        client.sendAsync(http, BoundedBody.handler(config.maxResponseBytes()));
    inFlight.add(exchange);
    return exchange;
  }

  /** The response, or the transport failure or time-out as a failure. */
  private HttpResponse<BoundedBody> await(
      CompletableFuture<HttpResponse<BoundedBody>> exchange, long deadline)
      throws InterruptedException, SearchFailedException {
    try {
      return exchange.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new SearchFailedException(
          TransportFailures.timedOut(config.baseUrl(), config.requestTimeout()));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new SearchFailedException(
          TransportFailures.classify(cause, config.baseUrl(), config.connectTimeout()));
    }
  }

  /** The searchset a search answered, or why there is none. */
  private static Bundle searchset(PointerSearch search, HttpResponse<BoundedBody> response)
      throws SearchFailedException {
    if (response.body() instanceof BoundedBody.TooLarge tooLarge) {
      throw malformed(
          "%s answered more than %d bytes (HTTP %d); it was not read"
              .formatted(search.describe(), tooLarge.limit(), response.statusCode()));
    }
    byte[] body = ((BoundedBody.Complete) response.body()).bytes();
    int status = response.statusCode();
    if (status != 200) {
      throw new SearchFailedException(
          new Failed(
              Kind.SOURCE_ERROR,
              "HTTP %d from %s%s".formatted(status, search.describe(), issueCode(body))));
    }
    if (body.length == 0) {
      throw malformed(
          "HTTP 200 with an empty body from %s, where a searchset Bundle was expected"
              .formatted(search.describe()));
    }
    IBaseResource resource;
    try {
      resource = FHIR.newJsonParser().parseResource(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      // Parser messages can quote the payload, so only HAPI's message code is kept.
      Matcher code = HAPI_CODE.matcher(String.valueOf(e.getMessage()));
      throw malformed(
          "%s answered with something that is not FHIR R4 JSON (%d bytes; %s)"
              .formatted(
                  search.describe(),
                  body.length,
                  code.find() ? code.group() : e.getClass().getSimpleName()));
    }
    if (!(resource instanceof Bundle bundle) || bundle.getType() != Bundle.BundleType.SEARCHSET) {
      throw malformed(
          "%s answered with a %s, where a searchset Bundle was expected"
              .formatted(
                  search.describe(),
                  resource instanceof Bundle b && b.hasType()
                      ? "Bundle of type " + b.getType().toCode()
                      : resource.fhirType()));
    }
    return bundle;
  }

  /** The first OperationOutcome issue code of an error body, never its free text. */
  private static String issueCode(byte[] body) {
    try {
      IBaseResource resource =
          FHIR.newJsonParser().parseResource(new String(body, StandardCharsets.UTF_8));
      if (resource instanceof OperationOutcome outcome
          && outcome.hasIssue()
          && outcome.getIssueFirstRep().hasCode()) {
        return " (issue " + outcome.getIssueFirstRep().getCode().toCode() + ")";
      }
    } catch (RuntimeException e) {
      // Not an OperationOutcome: the status says enough.
    }
    return "";
  }

  private static SearchFailedException malformed(String detail) {
    return new SearchFailedException(new Failed(Kind.MALFORMED_PAYLOAD, detail));
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
    return "CarePlansAdapter[" + config.sourceId() + " -> " + config.baseUrl() + "]";
  }

  /** A search (or content read) that produced no usable answer. */
  private static final class SearchFailedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Failed failure;

    SearchFailedException(Failed failure) {
      super(failure.detail(), null, false, false);
      this.failure = failure;
    }
  }
}
