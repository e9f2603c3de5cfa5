package org.carelens.adapters.careplans;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.carelens.adapters.careplans.internal.PlanMapper;
import org.carelens.adapters.careplans.internal.PointerReader;
import org.carelens.adapters.careplans.internal.PointerSearch;
import org.carelens.adapters.http.Deadline;
import org.carelens.adapters.http.DocumentReplies;
import org.carelens.adapters.http.ExchangeFailedException;
import org.carelens.adapters.http.HttpReply;
import org.carelens.adapters.http.SourceHttpClient;
import org.carelens.adapters.http.StatusMapping;
import org.carelens.adapters.http.TraceHeaders;
import org.carelens.adapters.http.fhir.FhirR4Documents;
import org.carelens.adapters.http.fhir.FhirR4Replies;
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
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;

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
 * pointer for another patient discards the whole answer. Thread-safe: one HTTP client serves every
 * concurrent call.
 */
public final class CarePlansAdapter implements SourceAdapter {

  static final String FHIR_JSON = "application/fhir+json";

  private static final StatusMapping STATUS = FhirR4Replies.searchStatus("the pointer service");

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final CarePlansConfig config;
  private final SourceHttpClient http;
  private final SourceDescriptor descriptor;
  private final PlanMapper mapper;

  public CarePlansAdapter(CarePlansConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.http = new SourceHttpClient(config.connectTimeout(), config.maxResponseBytes());
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
    Map<PointerSearch, PointerReader.Read> answered = new EnumMap<>(PointerSearch.class);
    Map<PointerSearch, Failed> failed = new EnumMap<>(PointerSearch.class);
    // Closing the batch drops every exchange still in flight, e.g. when the gateway interrupts.
    try (SourceHttpClient.Batch batch = http.batch(Deadline.after(config.requestTimeout()))) {
      Map<PointerSearch, SourceHttpClient.Pending> sent = new EnumMap<>(PointerSearch.class);
      for (PointerSearch search : plan) {
        URI uri = URI.create(config.baseUrl() + search.pathAndQuery(request.nhsNumber()));
        sent.put(search, batch.start(get(uri, FHIR_JSON, request.context()), search.describe()));
      }
      for (PointerSearch search : plan) {
        Bundle page;
        try {
          page = searchset(search, sent.get(search).await());
        } catch (ExchangeFailedException e) {
          failed.put(search, e.outcome());
          continue;
        }
        try {
          answered.put(
              search,
              PointerReader.read(
                  page, request.nhsNumber(), page.getLink(Bundle.LINK_NEXT) != null));
        } catch (PointerReader.WrongPatientException e) {
          return new Failed(Kind.MALFORMED_PAYLOAD, e.getMessage());
        }
      }
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
    Optional<String> pointerId = FhirR4Documents.id(request.documentId());
    if (pointerId.isEmpty()) {
      return new DocumentOutcome.NotFound("not a care plan pointer id of this source");
    }
    String id = pointerId.get();
    try (SourceHttpClient.Batch batch = http.batch(Deadline.after(config.requestTimeout()))) {
      URI search = URI.create(config.baseUrl() + PointerSearch.byId(request.nhsNumber(), id));
      Bundle page =
          searchset(
              PointerSearch.ALL_PLANS,
              batch.send(
                  get(search, FHIR_JSON, request.context()), PointerSearch.ALL_PLANS.describe()));
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
      return FhirR4Documents.content(
          batch, config.baseUrl(), pointer.get(), request.context(), "the care plan");
    } catch (ExchangeFailedException e) {
      return DocumentReplies.failed(e.outcome());
    }
  }

  private static HttpRequest.Builder get(URI uri, String accept, RequestContext context) {
    // NRL asks consumers for X-Correlation-ID and X-Request-ID, so the service can tie its own
    // audit to the gateway's entry for this view.
    return TraceHeaders.apply(HttpRequest.newBuilder(uri), context).header("Accept", accept).GET();
  }

  /** The searchset a search answered, or why there is none. */
  private static Bundle searchset(PointerSearch search, HttpReply reply)
      throws ExchangeFailedException {
    if (!reply.ok()) {
      throw new ExchangeFailedException(STATUS.failure(reply, search.describe()));
    }
    return FhirR4Replies.searchset(reply.body(), search.describe());
  }

  /** Aborts exchanges still in flight and releases the client's connections. */
  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "CarePlansAdapter[" + config.sourceId() + " -> " + config.baseUrl() + "]";
  }
}
