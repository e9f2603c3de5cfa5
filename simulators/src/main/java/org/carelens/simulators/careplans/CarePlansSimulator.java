package org.carelens.simulators.careplans;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.fixtures.SourceKind;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;
import org.carelens.simulators.wiremock.QuietWireMock;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;

/**
 * An NRL-style care plan pointer service (FHIR R4) on WireMock:
 *
 * <pre>
 * GET /DocumentReference?subject:identifier=https://fhir.nhs.uk/Id/nhs-number|{nhs}
 *     [&amp;type={system|code},...][&amp;status=current][&amp;_id={id}]
 *   → searchset Bundle of DocumentReferences (empty for a patient with no plans);
 *     400 OperationOutcome without a patient or with an invalid NHS number
 * GET /Binary/{id} → the plan itself (text/html)
 * </pre>
 *
 * <p>Each pointer carries the plan's SNOMED CT type, status ({@code current}, or {@code superseded}
 * with the newer plan's {@code relatesTo} {@code replaces}), date, author organisation (ODS
 * identifier and name), custodian, and an attachment on this server. Who has which plans: {@link
 * CarePlanRecords}.
 *
 * <p><b>Fixtures.</b> {@code DIR/care-plans/<nhsNumber>.json}: a Bundle is the patient's pointers,
 * filtered by each search like generated ones; anything else is served verbatim as the answer to
 * every search, to replay malformed payloads. Not restartable.
 */
public final class CarePlansSimulator implements AutoCloseable {

  static final String NAME = "care-plans-nrl";
  static final String FHIR_JSON = "application/fhir+json";
  static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
  static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final List<String> PATIENT_PARAMETERS =
      List.of(
          "subject:identifier", "patient:identifier", "subject.identifier", "patient.identifier");

  private final Population population;
  private final Fixtures fixtures;
  private final Map<String, SyntheticPatient> byKey = new HashMap<>();
  private WireMockServer server;

  public CarePlansSimulator(Population population, Fixtures fixtures) {
    this.population = Objects.requireNonNull(population, "population");
    this.fixtures = Objects.requireNonNull(fixtures, "fixtures");
    for (SyntheticPatient patient : population.patients()) {
      byKey.put(CarePlanRecords.patientKey(population, patient.nhsNumber()), patient);
    }
  }

  /**
   * Starts serving on {@code port}; 0 picks a free port.
   *
   * @return this, for chaining
   */
  public synchronized CarePlansSimulator start(int port) {
    if (server != null) {
      throw new IllegalStateException("care plans simulator already started on " + port());
    }
    WireMockServer wireMock =
        new WireMockServer(QuietWireMock.configure(options().port(port)).extensions(new Api()));
    wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(NAME)));
    wireMock.start();
    server = wireMock;
    return this;
  }

  public synchronized int port() {
    return server().port();
  }

  /** The FHIR base URL, e.g. {@code http://localhost:8099}. */
  public String baseUrl() {
    return "http://localhost:" + port();
  }

  /** The running WireMock server, for fault profiles. */
  public synchronized WireMockServer server() {
    if (server == null) {
      throw new IllegalStateException("care plans simulator is not running");
    }
    return server;
  }

  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** The patient's pointers as the service lists them. */
  static List<DocumentReference> pointers(Population population, SyntheticPatient patient) {
    return CarePlanRecords.plans(population, patient).stream()
        .map(plan -> pointer(patient, plan))
        .toList();
  }

  private static DocumentReference pointer(SyntheticPatient patient, CarePlanRecords.Plan plan) {
    DocumentReference pointer = new DocumentReference();
    pointer.setId(plan.id());
    pointer.setStatus(
        plan.current() ? DocumentReferenceStatus.CURRENT : DocumentReferenceStatus.SUPERSEDED);
    pointer.setType(
        new CodeableConcept()
            .addCoding(new Coding("http://snomed.info/sct", plan.code(), plan.display())));
    pointer.setSubject(
        new Reference()
            .setIdentifier(
                new Identifier()
                    .setSystem(NHS_NUMBER_SYSTEM)
                    .setValue(patient.nhsNumber().value())));
    pointer.setDate(Date.from(plan.date().atTime(10, 0).toInstant(ZoneOffset.UTC)));
    Reference author =
        new Reference()
            .setIdentifier(new Identifier().setSystem(ODS_SYSTEM).setValue(plan.authorOds()))
            .setDisplay(plan.authorName());
    pointer.addAuthor(author);
    pointer.setCustodian(author.copy());
    pointer
        .addContent()
        .getAttachment()
        .setContentType("text/html")
        // Relative: on this server, whatever host name the consumer used to reach it.
        .setUrl("Binary/" + plan.id())
        .setTitle(plan.display());
    plan.replaces()
        .ifPresent(
            old ->
                pointer
                    .addRelatesTo()
                    .setCode(DocumentReference.DocumentRelationshipType.REPLACES)
                    .setTarget(new Reference("DocumentReference/" + old)));
    return pointer;
  }

  private final class Api implements ResponseDefinitionTransformerV2 {

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      String path = URI.create(request.getUrl()).getPath();
      if (!request.getMethod().getName().equals("GET")) {
        return outcome(405, "not-supported", "this service is read-only: use GET");
      }
      if (path.equals("/DocumentReference")) {
        return search(request);
      }
      if (path.startsWith("/Binary/")) {
        return binary(path.substring("/Binary/".length()));
      }
      return outcome(404, "not-supported", "no such resource type or interaction: " + path);
    }

    private ResponseDefinition search(Request request) {
      Optional<String> token =
          PATIENT_PARAMETERS.stream()
              .map(p -> parameter(request, p))
              .flatMap(Optional::stream)
              .findFirst();
      if (token.isEmpty()) {
        return outcome(
            400, "required", "search by subject:identifier=" + NHS_NUMBER_SYSTEM + "|{nhsNumber}");
      }
      String value = token.get();
      int bar = value.indexOf('|');
      if (bar >= 0) {
        if (!value.substring(0, bar).equals(NHS_NUMBER_SYSTEM)) {
          return outcome(400, "invalid", "only NHS number identifiers are searchable");
        }
        value = value.substring(bar + 1);
      }
      if (!NhsNumber.isValid(value)) {
        return outcome(400, "invalid", "not a valid NHS number");
      }
      NhsNumber nhsNumber = new NhsNumber(value);
      Optional<SyntheticPatient> patient = population.find(nhsNumber);
      List<DocumentReference> all;
      Optional<String> fixture =
          patient.isPresent() ? fixtures.find(SourceKind.CARE_PLANS, nhsNumber) : Optional.empty();
      if (fixture.isPresent()) {
        IBaseResource parsed;
        try {
          parsed = FHIR.newJsonParser().parseResource(fixture.get());
        } catch (RuntimeException e) {
          return verbatim(fixture.get());
        }
        if (!(parsed instanceof Bundle bundle)) {
          return verbatim(fixture.get());
        }
        all =
            bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof DocumentReference)
                .map(DocumentReference.class::cast)
                .toList();
      } else {
        all = patient.map(p -> pointers(population, p)).orElse(List.of());
      }
      Set<String> types =
          parameter(request, "type")
              .map(
                  t ->
                      Arrays.stream(t.split(","))
                          .map(code -> code.substring(code.indexOf('|') + 1))
                          .collect(Collectors.toSet()))
              .orElse(Set.of());
      Optional<String> status = parameter(request, "status");
      Optional<String> id = parameter(request, "_id");
      Bundle searchset = new Bundle().setType(Bundle.BundleType.SEARCHSET);
      searchset.setId(java.util.UUID.randomUUID().toString());
      for (DocumentReference pointer : all) {
        boolean typeMatches =
            types.isEmpty()
                || pointer.getType().getCoding().stream()
                    .anyMatch(c -> types.contains(c.getCode()));
        boolean statusMatches =
            status.isEmpty()
                || pointer.hasStatus() && pointer.getStatus().toCode().equals(status.get());
        boolean idMatches = id.isEmpty() || id.get().equals(pointer.getIdElement().getIdPart());
        if (typeMatches && statusMatches && idMatches) {
          searchset
              .addEntry()
              .setFullUrl(
                  baseUrl(request) + "/DocumentReference/" + pointer.getIdElement().getIdPart())
              .setResource(pointer)
              .getSearch()
              .setMode(Bundle.SearchEntryMode.MATCH);
        }
      }
      searchset.setTotal(searchset.getEntry().size());
      return respond(200, FHIR.newJsonParser().encodeResourceToString(searchset));
    }

    private ResponseDefinition binary(String id) {
      int dash = id.indexOf('-');
      SyntheticPatient patient = dash < 0 ? null : byKey.get(id.substring(0, dash));
      if (patient == null) {
        return outcome(404, "not-found", "Binary/" + id + " is not known");
      }
      Optional<CarePlanRecords.Plan> plan =
          CarePlanRecords.plans(population, patient).stream()
              .filter(p -> p.id().equals(id))
              .findFirst();
      if (plan.isEmpty()) {
        return outcome(404, "not-found", "Binary/" + id + " is not known");
      }
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(200)
          .withHeader("Content-Type", "text/html;charset=utf-8")
          .withBody(html(patient, plan.get()).getBytes(StandardCharsets.UTF_8))
          .build();
    }

    private String html(SyntheticPatient patient, CarePlanRecords.Plan plan) {
      return "<h1>"
          + escape(plan.display())
          + (plan.current() ? "" : " (superseded)")
          + "</h1><p>"
          + escape(patient.displayName())
          + ", NHS number "
          + patient.nhsNumber().value()
          + "</p><p>Recorded by "
          + escape(plan.authorName())
          + " on "
          + plan.date()
          + ".</p><p>"
          + escape(plan.summary())
          + "</p>";
    }

    private ResponseDefinition verbatim(String body) {
      return respond(200, body);
    }

    private ResponseDefinition outcome(int status, String code, String diagnostics) {
      OperationOutcome outcome = new OperationOutcome();
      outcome
          .addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.ERROR)
          .setCode(OperationOutcome.IssueType.fromCode(code))
          .setDiagnostics(diagnostics);
      return respond(status, FHIR.newJsonParser().encodeResourceToString(outcome));
    }

    private ResponseDefinition respond(int status, String body) {
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(status)
          .withHeader("Content-Type", FHIR_JSON + ";charset=utf-8")
          .withBody(body)
          .build();
    }
  }

  private static Optional<String> parameter(Request request, String name) {
    QueryParameter parameter = request.queryParameter(name);
    return parameter.isPresent() && !parameter.firstValue().isBlank()
        ? Optional.of(parameter.firstValue())
        : Optional.empty();
  }

  private static String baseUrl(Request request) {
    return request
        .getAbsoluteUrl()
        .substring(0, request.getAbsoluteUrl().indexOf(request.getUrl()));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
