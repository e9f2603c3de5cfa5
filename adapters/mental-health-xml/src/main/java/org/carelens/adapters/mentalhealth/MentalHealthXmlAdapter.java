package org.carelens.adapters.mentalhealth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.carelens.adapters.http.BoundedBody;
import org.carelens.adapters.http.TransportFailures;
import org.carelens.adapters.mentalhealth.internal.ClientSummaryMapper;
import org.carelens.adapters.mentalhealth.internal.ErrorResponses;
import org.carelens.adapters.mentalhealth.internal.MalformedSummaryException;
import org.carelens.adapters.mentalhealth.internal.SafeXml;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceDescriptor;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.carelens.sdk.spi.SourceRequest;

/**
 * Reads a client's summary from the mental health trust: {@code GET
 * {base}/rio/api/v2/clients/{nhsNumber}/summary} with the API key in {@code X-Api-Key}, answered
 * with an XML {@code <ClientSummary>} (care coordinator, Care Programme Approach status, risk
 * flags, diagnoses, contacts, clinical notes) or an XML {@code <Error>} with a code.
 *
 * <p>Maps care coordinator → care team, risk flags → alerts, diagnoses → problems, contacts →
 * encounters, clinical notes → documents labelled {@code MENTAL_HEALTH_NOTES}. The XML is parsed
 * with DTDs refused, so no external entity can be resolved.
 *
 * <p>A summary that is not this client's, or not a summary at all, is {@link SourceOutcome.Failed}.
 * Within one that is, each item is read on its own: an unreadable item makes its section partial
 * (counted, the others still returned) and a missing list makes its section unavailable; see {@link
 * ClientSummaryMapper}.
 *
 * <p>Thread-safe: one {@link HttpClient} serves every concurrent {@link #fetch}. Each exchange is
 * bounded by {@link MentalHealthXmlConfig#requestTimeout()} and {@link
 * MentalHealthXmlConfig#maxResponseBytes()}; interruption abandons it and propagates.
 */
public final class MentalHealthXmlAdapter implements SourceAdapter {

  private static final String ACCEPT = "application/xml";

  private final MentalHealthXmlConfig config;
  private final HttpClient client;
  private final SourceDescriptor descriptor;
  private final ClientSummaryMapper mapper;

  public MentalHealthXmlAdapter(MentalHealthXmlConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            // HTTP/1.1 only: the trust's API does not speak HTTP/2, and an h2c upgrade attempt
            // turns
            // an abandoned oversized body into a stream error instead of a clean size refusal.
            .version(HttpClient.Version.HTTP_1_1)
            // A redirect would re-send the API key elsewhere.
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.descriptor =
        new SourceDescriptor(
            config.sourceId(),
            config.displayName(),
            config.trustOds(),
            EnumSet.of(
                Section.ALERTS,
                Section.PROBLEMS,
                Section.ENCOUNTERS,
                Section.DOCUMENTS,
                Section.CARE_TEAM));
    this.mapper = new ClientSummaryMapper(config.sourceId(), config.trustOds());
  }

  @Override
  public SourceDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public SourceOutcome fetch(SourceRequest request) throws InterruptedException {
    Objects.requireNonNull(request, "request");
    URI endpoint = config.summaryUrl(request.nhsNumber());
    HttpRequest http =
        HttpRequest.newBuilder(endpoint)
            .timeout(config.requestTimeout())
            .header("Accept", ACCEPT)
            .header("X-Api-Key", config.apiKey())
            .header("X-Correlation-Id", request.context().correlationId())
            .header("X-Requesting-User", request.context().userId())
            .header("X-Requesting-Organisation", request.context().organisationOds())
            .GET()
            .build();
    CompletableFuture<HttpResponse<BoundedBody>> exchange =
        client.sendAsync(http, BoundedBody.handler(config.maxResponseBytes()));
    HttpResponse<BoundedBody> response;
    try {
      // One deadline for headers and body: a trickling body must not hold the thread.
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
    if (status >= 400) {
      return ErrorResponses.interpret(status, body);
    }
    if (status != 200) {
      return new SourceOutcome.Failed(
          Kind.SOURCE_ERROR,
          "HTTP %d from the mental health trust, where 200 with a client summary was expected"
              .formatted(status));
    }
    try {
      return new SourceOutcome.Loaded(
          mapper.map(SafeXml.parse(body), request.nhsNumber(), request.sections()));
    } catch (MalformedSummaryException e) {
      return new SourceOutcome.Failed(Kind.MALFORMED_PAYLOAD, e.getMessage());
    }
  }

  @Override
  public void close() {
    client.shutdownNow();
  }

  @Override
  public String toString() {
    return "MentalHealthXmlAdapter[" + config.sourceId() + " -> " + config.baseUrl() + "]";
  }
}
