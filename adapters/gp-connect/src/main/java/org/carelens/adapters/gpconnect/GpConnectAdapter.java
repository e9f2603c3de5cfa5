package org.carelens.adapters.gpconnect;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import org.carelens.adapters.gpconnect.internal.ConsumerToken;
import org.carelens.adapters.gpconnect.internal.ErrorResponses;
import org.carelens.adapters.gpconnect.internal.GpConnectBundleMapper;
import org.carelens.adapters.gpconnect.internal.Gpc;
import org.carelens.adapters.gpconnect.internal.MalformedBundleException;
import org.carelens.adapters.gpconnect.internal.PracticeRouter;
import org.carelens.adapters.gpconnect.internal.StructuredRecordRequest;
import org.carelens.adapters.http.Deadline;
import org.carelens.adapters.http.ExchangeFailedException;
import org.carelens.adapters.http.HttpReply;
import org.carelens.adapters.http.SafeMessages;
import org.carelens.adapters.http.SourceHttpClient;
import org.carelens.adapters.http.TraceHeaders;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceDescriptor;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.carelens.sdk.spi.SourceRequest;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Reads a patient's allergies and medication from one GP practice with GP Connect Access Record:
 * Structured 1.6: {@code POST {base}/Patient/$gpc.getstructuredrecord} with a STU3 Parameters body,
 * Spine proxy headers and the consumer's audit JWT.
 *
 * <p>Thread-safe: one HTTP client per adapter serves every concurrent {@link #fetch}. Each
 * exchange, body included, is bounded by {@link GpConnectConfig#requestTimeout()} and {@link
 * GpConnectConfig#maxResponseBytes()}; interruption abandons it at once and propagates. Source
 * failures come back as {@link SourceOutcome} values, as the {@link SourceAdapter} contract says.
 */
public final class GpConnectAdapter implements SourceAdapter {

  private final GpConnectConfig config;
  private final Clock clock;
  private final SourceHttpClient http;
  private final SourceHttpClient lookups;
  private final SourceDescriptor descriptor;
  private final ConsumerToken token;
  private final GpConnectBundleMapper mapper;
  private final @org.jspecify.annotations.Nullable PracticeRouter router;

  public GpConnectAdapter(GpConnectConfig config) {
    this(config, Clock.systemUTC());
  }

  /**
   * @param clock gives the consumer token's {@code iat} and {@code exp}
   */
  public GpConnectAdapter(GpConnectConfig config, Clock clock) {
    this(config, Optional.empty(), clock);
  }

  /**
   * An adapter that finds each patient's registered practice through the demographics spine and the
   * endpoint directory, as a real consumer does, instead of calling {@link
   * GpConnectConfig#baseUrl()}. The config's base URL and ODS code are then not used for calls.
   */
  public GpConnectAdapter(GpConnectConfig config, GpConnectRouting routing, Clock clock) {
    this(config, Optional.of(routing), clock);
  }

  public GpConnectAdapter(GpConnectConfig config, GpConnectRouting routing) {
    this(config, routing, Clock.systemUTC());
  }

  private GpConnectAdapter(
      GpConnectConfig config, Optional<GpConnectRouting> routing, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    // HTTP/1.1 (the Spine Security Proxy's) without redirects, which would re-send the token.
    this.http = new SourceHttpClient(config.connectTimeout(), config.maxResponseBytes());
    this.lookups = new SourceHttpClient(config.connectTimeout(), PracticeRouter.MAX_LOOKUP_BYTES);
    this.descriptor =
        new SourceDescriptor(
            config.sourceId(),
            config.displayName(),
            // Routed: the practice differs per patient, so no single ODS code owns the data.
            routing.isPresent() ? "" : config.providerOds(),
            EnumSet.of(
                Section.ALLERGIES,
                Section.MEDICATIONS,
                Section.PROBLEMS,
                Section.ENCOUNTERS,
                Section.IMMUNISATIONS,
                Section.REFERRALS,
                Section.RESULTS));
    this.token = new ConsumerToken(config.consumerSystemUrl(), config.consumerAsid());
    this.mapper = new GpConnectBundleMapper(config.sourceId());
    this.router =
        routing
            .map(r -> new PracticeRouter(lookups, r.pdsBaseUrl(), r.directoryBaseUrl(), r::permits))
            .orElse(null);
  }

  @Override
  public void warmUp() {
    org.carelens.adapters.gpconnect.internal.Gpc.warmUp();
  }

  @Override
  public SourceDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public SourceOutcome fetch(SourceRequest request) throws InterruptedException {
    Objects.requireNonNull(request, "request");
    // One deadline for the whole fetch, lookups included: the gateway's time limit is per source.
    Deadline deadline = Deadline.after(config.requestTimeout());
    URI base = config.baseUrl();
    String practiceOds = config.providerOds();
    if (router != null) {
      PracticeRouter.Route route = router.route(request.nhsNumber(), request.context(), deadline);
      if (route instanceof PracticeRouter.Ends ends) {
        return ends.outcome();
      }
      PracticeRouter.Found found = (PracticeRouter.Found) route;
      base = found.endpoint();
      practiceOds = found.practiceOds();
    }
    HttpReply reply;
    try {
      reply =
          http.send(
              TraceHeaders.apply(
                      HttpRequest.newBuilder(
                          URI.create(base + "/Patient/$gpc.getstructuredrecord")),
                      request.context())
                  .header("Content-Type", Gpc.FHIR_JSON + ";charset=utf-8")
                  .header("Accept", Gpc.FHIR_JSON)
                  // GP Connect 1.6 / Spine Security Proxy: the trace id ties the call to our audit.
                  .header("Ssp-TraceID", request.context().correlationId())
                  .header("Ssp-From", config.consumerAsid())
                  .header("Ssp-To", practiceOds)
                  .header("Ssp-InteractionID", Gpc.INTERACTION_ID)
                  .header(
                      "Authorization",
                      "Bearer " + token.encode(request.context(), base, clock.instant()))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          StructuredRecordRequest.json(request.nhsNumber(), request.sections()),
                          StandardCharsets.UTF_8)),
              deadline,
              "the GP Connect provider");
    } catch (ExchangeFailedException e) {
      return e.outcome();
    }
    if (!reply.ok()) {
      return ErrorResponses.STATUS.outcome(reply);
    }
    try {
      Bundle bundle = parseBundle(reply.body());
      return new SourceOutcome.Loaded(mapper.map(bundle, request.nhsNumber(), request.sections()));
    } catch (MalformedBundleException e) {
      return new SourceOutcome.Failed(Kind.MALFORMED_PAYLOAD, e.getMessage());
    }
  }

  /**
   * Parses the body as a STU3 Bundle. Parser messages can quote the payload, so only HAPI's message
   * code is kept.
   */
  private static Bundle parseBundle(byte[] body) throws MalformedBundleException {
    if (body.length == 0) {
      throw new MalformedBundleException(
          "HTTP 200 with an empty body, where a Bundle was expected");
    }
    IBaseResource resource;
    try {
      resource = Gpc.jsonParser().parseResource(new String(body, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new MalformedBundleException(
          "response body is not FHIR STU3 JSON (%d bytes; %s)"
              .formatted(body.length, SafeMessages.parserProblem(e)));
    }
    if (!(resource instanceof Bundle bundle)) {
      throw new MalformedBundleException(
          "response body is a %s, where a Bundle was expected".formatted(resource.fhirType()));
    }
    return bundle;
  }

  /** Aborts exchanges still in flight and releases the client's connections. */
  @Override
  public void close() {
    http.close();
    lookups.close();
  }

  @Override
  public String toString() {
    return "GpConnectAdapter[" + config.sourceId() + " -> " + config.baseUrl() + "]";
  }
}
