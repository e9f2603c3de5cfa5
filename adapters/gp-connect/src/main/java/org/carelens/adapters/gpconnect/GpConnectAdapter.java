package org.carelens.adapters.gpconnect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carelens.adapters.gpconnect.internal.ConsumerToken;
import org.carelens.adapters.gpconnect.internal.ErrorResponses;
import org.carelens.adapters.gpconnect.internal.Exchange;
import org.carelens.adapters.gpconnect.internal.GpConnectBundleMapper;
import org.carelens.adapters.gpconnect.internal.Gpc;
import org.carelens.adapters.gpconnect.internal.MalformedBundleException;
import org.carelens.adapters.gpconnect.internal.PracticeRouter;
import org.carelens.adapters.gpconnect.internal.StructuredRecordRequest;
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
 * <p>Thread-safe: one {@link HttpClient} per adapter serves every concurrent {@link #fetch}. Each
 * exchange, body included, is bounded by {@link GpConnectConfig#requestTimeout()} and {@link
 * GpConnectConfig#maxResponseBytes()}; interruption abandons it at once and propagates. Source
 * failures come back as {@link SourceOutcome} values, as the {@link SourceAdapter} contract says.
 */
public final class GpConnectAdapter implements SourceAdapter {

  private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+");

  private final GpConnectConfig config;
  private final Clock clock;
  private final HttpClient client;
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
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            // The Spine Security Proxy speaks HTTP/1.1; a redirect would re-send the token
            // elsewhere.
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
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
            .map(
                r ->
                    new PracticeRouter(
                        client,
                        r.pdsBaseUrl(),
                        r.directoryBaseUrl(),
                        r::permits,
                        config.connectTimeout()))
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
    long deadline = System.nanoTime() + config.requestTimeout().toNanos();
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
    Duration remaining = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
    HttpRequest http =
        HttpRequest.newBuilder(URI.create(base + "/Patient/$gpc.getstructuredrecord"))
            .timeout(remaining)
            .header("Content-Type", Gpc.FHIR_JSON + ";charset=utf-8")
            .header("Accept", Gpc.FHIR_JSON)
            .header("Ssp-TraceID", request.context().correlationId())
            .header("Ssp-From", config.consumerAsid())
            .header("Ssp-To", practiceOds)
            .header("Ssp-InteractionID", Gpc.INTERACTION_ID)
            .header(
                "Authorization", "Bearer " + token.encode(request.context(), base, clock.instant()))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    StructuredRecordRequest.json(request.nhsNumber(), request.sections()),
                    StandardCharsets.UTF_8))
            .build();
    Exchange.Result result =
        Exchange.send(
            client,
            http,
            remaining,
            config.connectTimeout(),
            config.maxResponseBytes(),
            "GP Connect provider");
    if (result instanceof Exchange.Failure failure) {
      return failure.failed();
    }
    return interpret((Exchange.Response) result, request);
  }

  private SourceOutcome interpret(Exchange.Response response, SourceRequest request) {
    byte[] body = response.body();
    int status = response.status();
    if (status >= 400) {
      return ErrorResponses.interpret(status, body);
    }
    if (status != 200) {
      return new SourceOutcome.Failed(
          Kind.SOURCE_ERROR,
          "HTTP %d from the GP Connect provider, where 200 with a Bundle was expected"
              .formatted(status));
    }
    try {
      Bundle bundle = parseBundle(body);
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
      Matcher code = HAPI_CODE.matcher(String.valueOf(e.getMessage()));
      throw new MalformedBundleException(
          "response body is not FHIR STU3 JSON (%d bytes; %s)"
              .formatted(body.length, code.find() ? code.group() : e.getClass().getSimpleName()));
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
    client.shutdownNow();
  }

  @Override
  public String toString() {
    return "GpConnectAdapter[" + config.sourceId() + " -> " + config.baseUrl() + "]";
  }
}
