package org.carelens.adapters.pharmacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import org.carelens.adapters.http.Deadline;
import org.carelens.adapters.http.ExchangeFailedException;
import org.carelens.adapters.http.HttpReply;
import org.carelens.adapters.http.SourceHttpClient;
import org.carelens.adapters.http.StatusMapping;
import org.carelens.adapters.http.TraceHeaders;
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

  /** A 404 is the pharmacy saying it has never dispensed to this patient. */
  private static final StatusMapping STATUS =
      StatusMapping.of("the pharmacy", PharmacyAdapter::errorCode)
          .notFoundIsNoRecord("the pharmacy holds no dispensing record for this patient");

  private final PharmacyConfig config;
  private final Clock clock;
  private final SourceHttpClient http;
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
    this.http = new SourceHttpClient(config.connectTimeout(), config.maxResponseBytes());
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
    HttpReply reply;
    try {
      reply =
          http.send(
              TraceHeaders.apply(HttpRequest.newBuilder(endpoint), request.context())
                  .header("Accept", "application/json")
                  .GET(),
              Deadline.after(config.requestTimeout()),
              "the pharmacy");
    } catch (ExchangeFailedException e) {
      return e.outcome();
    }
    if (!reply.ok()) {
      return STATUS.outcome(reply);
    }
    byte[] body = reply.body();
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
  private static Optional<String> errorCode(byte[] body) {
    try {
      return Optional.of(JSON.readTree(body).path("error").asText(""))
          .filter(code -> code.matches("[A-Z_]{3,60}"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
