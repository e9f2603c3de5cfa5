package org.carelens.adapters.mentalhealth;

import java.net.http.HttpRequest;
import java.util.EnumSet;
import java.util.Objects;
import org.carelens.adapters.http.Deadline;
import org.carelens.adapters.http.ExchangeFailedException;
import org.carelens.adapters.http.HttpReply;
import org.carelens.adapters.http.SourceHttpClient;
import org.carelens.adapters.http.TraceHeaders;
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
 * <p>Thread-safe: one HTTP client serves every concurrent {@link #fetch}. Each exchange is bounded
 * by {@link MentalHealthXmlConfig#requestTimeout()} and {@link
 * MentalHealthXmlConfig#maxResponseBytes()}; interruption abandons it and propagates.
 */
public final class MentalHealthXmlAdapter implements SourceAdapter {

  private static final String ACCEPT = "application/xml";

  private final MentalHealthXmlConfig config;
  private final SourceHttpClient http;
  private final SourceDescriptor descriptor;
  private final ClientSummaryMapper mapper;

  public MentalHealthXmlAdapter(MentalHealthXmlConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    // HTTP/1.1 without redirects (the toolkit's client): a redirect would re-send the API key.
    this.http = new SourceHttpClient(config.connectTimeout(), config.maxResponseBytes());
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
    HttpReply reply;
    try {
      reply =
          http.send(
              TraceHeaders.apply(
                      HttpRequest.newBuilder(config.summaryUrl(request.nhsNumber())),
                      request.context())
                  .header("Accept", ACCEPT)
                  .header("X-Api-Key", config.apiKey())
                  .header("X-Requesting-User", request.context().userId())
                  .header("X-Requesting-Organisation", request.context().organisationOds()),
              Deadline.after(config.requestTimeout()),
              "the mental health trust");
    } catch (ExchangeFailedException e) {
      return e.outcome();
    }
    if (!reply.ok()) {
      return ErrorResponses.STATUS.outcome(reply);
    }
    try {
      return new SourceOutcome.Loaded(
          mapper.map(SafeXml.parse(reply.body()), request.nhsNumber(), request.sections()));
    } catch (MalformedSummaryException e) {
      return new SourceOutcome.Failed(Kind.MALFORMED_PAYLOAD, e.getMessage());
    }
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "MentalHealthXmlAdapter[" + config.sourceId() + " -> " + config.baseUrl() + "]";
  }
}
