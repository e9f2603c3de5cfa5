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
import org.carelens.adapters.fhirr4.internal.BoundedBody;
import org.carelens.adapters.fhirr4.internal.ErrorResponses;
import org.carelens.adapters.fhirr4.internal.ItemOrigin;
import org.carelens.adapters.fhirr4.internal.MalformedPayloadException;
import org.carelens.adapters.fhirr4.internal.R4ResourceMapper;
import org.carelens.adapters.fhirr4.internal.RecordAssembler;
import org.carelens.adapters.fhirr4.internal.Search;
import org.carelens.adapters.fhirr4.internal.TransportFailures;
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
 * own section (reported unavailable) when others answered.
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
    URI base = config.baseUrl();
    if (!Objects.equals(next.getScheme(), base.getScheme())
        || !Objects.equals(next.getHost(), base.getHost())
        || next.getPort() != base.getPort()) {
      throw new MalformedPayloadException(
          "a searchset's next link points to another server (%s); it was not followed"
              .formatted(next.getHost()));
    }
    return Optional.of(next);
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
