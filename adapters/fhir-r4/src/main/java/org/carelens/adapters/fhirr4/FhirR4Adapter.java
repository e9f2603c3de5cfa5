package org.carelens.adapters.fhirr4;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.carelens.adapters.fhirr4.internal.ItemOrigin;
import org.carelens.adapters.fhirr4.internal.R4ResourceMapper;
import org.carelens.adapters.fhirr4.internal.RecordAssembler;
import org.carelens.adapters.fhirr4.internal.Search;
import org.carelens.adapters.http.Deadline;
import org.carelens.adapters.http.DocumentReplies;
import org.carelens.adapters.http.ExchangeFailedException;
import org.carelens.adapters.http.HttpReply;
import org.carelens.adapters.http.SafeMessages;
import org.carelens.adapters.http.SourceHttpClient;
import org.carelens.adapters.http.StatusMapping;
import org.carelens.adapters.http.TraceHeaders;
import org.carelens.adapters.http.fhir.FhirR4Documents;
import org.carelens.adapters.http.fhir.FhirR4Replies;
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
 * Reads a patient's record from an acute trust's UK Core FHIR R4 API: a Patient search and one
 * search per requested section (Encounter, Condition, AllergyIntolerance, MedicationStatement,
 * DiagnosticReport with its result Observations, DocumentReference), all by NHS number.
 *
 * <p>The searches are sent at once and collected against one deadline, {@link
 * FhirR4Config#requestTimeout()}, which bounds the whole fetch including every page followed.
 * Interruption cancels every exchange still in flight and propagates. Thread-safe: one HTTP client
 * serves every concurrent {@link #fetch}. Source failures come back as {@link SourceOutcome}
 * values, as the {@link SourceAdapter} contract says; a search that fails costs its own section
 * (reported unavailable, with the failure as its reason) when others answered, and a resource that
 * cannot be read costs only itself (its section is reported partial, with a count).
 */
public final class FhirR4Adapter implements SourceAdapter {

  static final String FHIR_JSON = "application/fhir+json";

  private static final StatusMapping STATUS = FhirR4Replies.searchStatus("the trust's FHIR API");

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final FhirR4Config config;
  private final SourceHttpClient http;
  private final SourceDescriptor descriptor;
  private final RecordAssembler assembler;

  public FhirR4Adapter(FhirR4Config config) {
    this.config = Objects.requireNonNull(config, "config");
    this.http = new SourceHttpClient(config.connectTimeout(), config.maxResponseBytes());
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
    List<Search> plan = Search.plan(request.sections());
    Map<Search, List<Bundle>> answered = new EnumMap<>(Search.class);
    Map<Search, Failed> failed = new EnumMap<>(Search.class);
    // Closing the batch drops every exchange still in flight, e.g. when the gateway interrupts.
    try (SourceHttpClient.Batch batch = http.batch(Deadline.after(config.requestTimeout()))) {
      Map<Search, SourceHttpClient.Pending> firstPages = new EnumMap<>(Search.class);
      for (Search search : plan) {
        URI uri = URI.create(config.baseUrl() + search.pathAndQuery(request.nhsNumber()));
        firstPages.put(search, batch.start(get(uri, request.context()), search.describe()));
      }
      for (Search search : plan) {
        try {
          answered.put(search, pages(search, firstPages.get(search), batch, request));
        } catch (ExchangeFailedException e) {
          failed.put(search, e.outcome());
        }
      }
    }
    return assembler.assemble(request.nhsNumber(), answered, failed, request.sections());
  }

  /** Every page of one search, following next links on this server up to the page cap. */
  private List<Bundle> pages(
      Search search,
      SourceHttpClient.Pending firstPage,
      SourceHttpClient.Batch batch,
      SourceRequest request)
      throws ExchangeFailedException, InterruptedException {
    List<Bundle> pages = new ArrayList<>();
    SourceHttpClient.Pending exchange = firstPage;
    while (true) {
      HttpReply reply = exchange.await();
      if (!reply.ok()) {
        throw new ExchangeFailedException(STATUS.failure(reply, search.describe()));
      }
      Bundle page = FhirR4Replies.searchset(reply.body(), search.describe());
      pages.add(page);
      Optional<URI> next = next(page);
      if (next.isEmpty()) {
        return pages;
      }
      if (pages.size() >= config.maxPages()) {
        throw new ExchangeFailedException(
            Kind.SOURCE_ERROR,
            "%s has more than %d pages; it was not read to the end"
                .formatted(search.describe(), config.maxPages()));
      }
      exchange = batch.start(get(next.get(), request.context()), search.describe());
    }
  }

  private static HttpRequest.Builder get(URI uri, RequestContext context) {
    // The trace headers let the trust tie its own audit to the gateway's entry for this view.
    return TraceHeaders.apply(HttpRequest.newBuilder(uri), context)
        .header("Accept", FHIR_JSON)
        .GET();
  }

  /**
   * The next page, only on the same server: a link elsewhere would send the query (and with it the
   * NHS number) to a host nobody configured.
   */
  private Optional<URI> next(Bundle page) throws ExchangeFailedException {
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
      throw ExchangeFailedException.malformed("a searchset's next link is not a URL");
    }
    if (!SafeMessages.sameServer(next, config.baseUrl())) {
      throw ExchangeFailedException.malformed(
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
    Optional<String> documentId = FhirR4Documents.id(request.documentId());
    if (documentId.isEmpty()) {
      return new DocumentOutcome.NotFound("not a DocumentReference id of this source");
    }
    String id = documentId.get();
    try (SourceHttpClient.Batch batch = http.batch(Deadline.after(config.requestTimeout()))) {
      URI uri =
          URI.create(
              config.baseUrl() + Search.DOCUMENTS.pathAndQuery(request.nhsNumber()) + "&_id=" + id);
      SourceRequest search = new SourceRequest(request.nhsNumber(), Set.of(), request.context());
      List<Bundle> pages =
          pages(
              Search.DOCUMENTS,
              batch.start(get(uri, request.context()), Search.DOCUMENTS.describe()),
              batch,
              search);
      Optional<DocumentReference> document =
          pages.stream()
              .flatMap(b -> b.getEntry().stream())
              .map(Bundle.BundleEntryComponent::getResource)
              .filter(r -> r instanceof DocumentReference)
              .map(DocumentReference.class::cast)
              .filter(d -> id.equals(d.getIdElement().getIdPart()))
              .findFirst();
      if (document.isEmpty()) {
        return new DocumentOutcome.NotFound("the trust holds no such document for this NHS number");
      }
      return FhirR4Documents.content(
          batch, config.baseUrl(), document.get(), request.context(), "the document");
    } catch (ExchangeFailedException e) {
      return DocumentReplies.failed(e.outcome());
    }
  }

  /** Aborts exchanges still in flight and releases the client's connections. */
  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "FhirR4Adapter[" + config.sourceId() + " -> " + config.baseUrl() + "]";
  }
}
