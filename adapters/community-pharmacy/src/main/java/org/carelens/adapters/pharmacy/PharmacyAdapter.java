package org.carelens.adapters.pharmacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.carelens.adapters.http.BoundedBody;
import org.carelens.adapters.http.TransportFailures;
import org.carelens.adapters.pharmacy.internal.DispensingMapper;
import org.carelens.adapters.pharmacy.internal.MalformedDocumentException;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceDescriptor;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.carelens.sdk.spi.SourceRequest;

/**
 * Reads a patient's dispensing record from a community pharmacy and returns it as medications.
 * Thread-safe; failures are outcomes; interruption propagates; each exchange is bounded by {@link
 * PharmacyConfig#requestTimeout()} and {@link PharmacyConfig#maxResponseBytes()}.
 *
 * <p>An answer that is not this patient's dispensing record is {@link SourceOutcome.Failed}. Within
 * one that is, an unreadable dispensing entry costs only itself (the medications are partial, with
 * a count) and a missing {@code "dispensed"} array makes them unavailable; see {@link
 * DispensingMapper}.
 */
public final class PharmacyAdapter implements SourceAdapter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PharmacyConfig config;
  private final Clock clock;
  private final HttpClient client;
  private final SourceDescriptor descriptor;

  public PharmacyAdapter(PharmacyConfig config) {
    this(config, Clock.systemUTC());
  }

  /**
   * @param clock decides whether a medicine was dispensed recently enough to be current
   */
  public PharmacyAdapter(PharmacyConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.descriptor =
        new SourceDescriptor(
            config.sourceId(),
            config.displayName(),
            config.pharmacyOds(),
            EnumSet.of(Section.MEDICATIONS));
  }

  @Override
  public SourceDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public SourceOutcome fetch(SourceRequest request) throws InterruptedException {
    Objects.requireNonNull(request, "request");
    URI endpoint =
        URI.create(
            config.baseUrl() + "/api/v1/patients/" + request.nhsNumber().value() + "/dispensing");
    HttpRequest http =
        HttpRequest.newBuilder(endpoint)
            .timeout(config.requestTimeout())
            .header("Accept", "application/json")
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
      return TransportFailures.classify(
          e.getCause() == null ? e : e.getCause(), endpoint, config.connectTimeout());
    }
    if (response.body() instanceof BoundedBody.TooLarge tooLarge) {
      return new SourceOutcome.Failed(
          Kind.MALFORMED_PAYLOAD,
          "response exceeded %d bytes (HTTP %d); it was not read"
              .formatted(tooLarge.limit(), response.statusCode()));
    }
    byte[] body = ((BoundedBody.Complete) response.body()).bytes();
    int status = response.statusCode();
    if (status == 404) {
      return new SourceOutcome.NoRecord("the pharmacy holds no dispensing record for this patient");
    }
    if (status != 200) {
      return new SourceOutcome.Failed(
          Kind.SOURCE_ERROR, "HTTP %d from the pharmacy%s".formatted(status, errorCode(body)));
    }
    JsonNode document;
    try {
      document = JSON.readTree(body);
    } catch (IOException e) {
      return new SourceOutcome.Failed(
          Kind.MALFORMED_PAYLOAD,
          "response body is not JSON (%d bytes; %s)"
              .formatted(body.length, e.getClass().getSimpleName()));
    }
    if (document == null || document.isMissingNode()) {
      return new SourceOutcome.Failed(Kind.MALFORMED_PAYLOAD, "HTTP 200 with an empty body");
    }
    try {
      return new SourceOutcome.Loaded(
          DispensingMapper.map(
              document,
              request.nhsNumber(),
              request.sections(),
              config.sourceId(),
              config.pharmacyOds(),
              config.displayName(),
              clock));
    } catch (MalformedDocumentException e) {
      return new SourceOutcome.Failed(Kind.MALFORMED_PAYLOAD, e.getMessage());
    }
  }

  /** The pharmacy's error code, when the body is {@code {"error":"CODE"}}; never free text. */
  private static String errorCode(byte[] body) {
    try {
      String code = JSON.readTree(body).path("error").asText("");
      return code.matches("[A-Z_]{3,60}") ? " " + code : "";
    } catch (JsonProcessingException e) {
      return "";
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    client.shutdownNow();
  }
}
