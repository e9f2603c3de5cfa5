package org.carelens.simulators.acute;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.fixtures.SourceKind;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Answers the trust's FHIR R4 API from each patient's record (generated, or an acute fixture):
 * searches become searchset Bundles filtered by resource type, reads return one resource, and a
 * Binary read returns the document itself unless FHIR JSON is asked for (R4 Binary, "native
 * content"). Thread-safe: records are rebuilt per request, which keeps fixtures live-editable.
 */
final class AcuteFhirApi implements ResponseDefinitionTransformerV2 {

  static final String NAME = "acute-fhir-r4";
  static final String FHIR_JSON = "application/fhir+json";

  /** Reference search parameters accepted for the patient, in every spelling servers accept. */
  private static final List<String> PATIENT_PARAMETERS =
      List.of(
          "patient:identifier", "subject:identifier", "patient.identifier", "subject.identifier");

  private static final Set<String> SEARCHABLE =
      Set.of(
          "Patient",
          "Encounter",
          "Condition",
          "AllergyIntolerance",
          "MedicationStatement",
          "MedicationRequest",
          "DiagnosticReport",
          "Observation",
          "DocumentReference",
          "Procedure",
          "Immunization",
          "Flag");

  private final FhirContext fhir;
  private final Population population;
  private final Fixtures fixtures;
  private final Map<String, SyntheticPatient> byKey = new HashMap<>();

  AcuteFhirApi(FhirContext fhir, Population population, Fixtures fixtures) {
    this.fhir = fhir;
    this.population = population;
    this.fixtures = fixtures;
    for (SyntheticPatient patient : population.patients()) {
      byKey.put(AcuteRecords.patientKey(population, patient.nhsNumber()), patient);
    }
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    String path = URI.create(request.getUrl()).getPath();
    String[] segments = path.substring(1).split("/");
    if (!request.getMethod().getName().equals("GET")) {
      return outcome(405, "not-supported", "this API is read-only: use GET");
    }
    if (segments.length == 1 && SEARCHABLE.contains(segments[0])) {
      return search(segments[0], request);
    }
    if (segments.length == 2
        && (segments[0].equals("Binary") || SEARCHABLE.contains(segments[0]))) {
      return read(segments[0], segments[1], request);
    }
    return outcome(404, "not-supported", "no such resource type or interaction: " + path);
  }

  private ResponseDefinition search(String type, Request request) {
    Optional<String> token =
        type.equals("Patient")
            ? parameter(request, "identifier")
            : PATIENT_PARAMETERS.stream()
                .map(p -> parameter(request, p))
                .flatMap(Optional::stream)
                .findFirst();
    if (token.isEmpty()) {
      return outcome(
          400,
          "required",
          "search by patient: "
              + (type.equals("Patient") ? "identifier" : "patient:identifier")
              + "=https://fhir.nhs.uk/Id/nhs-number|{nhsNumber}");
    }
    String value = token.get();
    int bar = value.indexOf('|');
    if (bar >= 0) {
      if (!value.substring(0, bar).equals(AcuteRecords.NHS_NUMBER_SYSTEM)) {
        return outcome(400, "invalid", "only NHS number identifiers are searchable");
      }
      value = value.substring(bar + 1);
    }
    if (!NhsNumber.isValid(value)) {
      return outcome(400, "invalid", "not a valid NHS number");
    }
    Bundle searchset = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    searchset.setId(java.util.UUID.randomUUID().toString());
    Optional<Bundle> record;
    try {
      record = record(new NhsNumber(value));
    } catch (RuntimeException e) {
      return fixtureAsIs(new NhsNumber(value));
    }
    Optional<String> id = parameter(request, "_id");
    boolean includeResults =
        request.queryParameter("_include").isPresent()
            && request.queryParameter("_include").values().contains("DiagnosticReport:result");
    Set<Resource> included = new LinkedHashSet<>();
    List<Resource> all = record.map(AcuteFhirApi::resources).orElse(List.of());
    for (Resource resource : all) {
      if (!resource.fhirType().equals(type)
          || id.isPresent() && !id.get().equals(resource.getIdElement().getIdPart())) {
        continue;
      }
      searchset
          .addEntry()
          .setFullUrl(baseUrl(request) + "/" + type + "/" + resource.getIdElement().getIdPart())
          .setResource(resource)
          .getSearch()
          .setMode(Bundle.SearchEntryMode.MATCH);
      if (includeResults && resource instanceof DiagnosticReport report) {
        for (Reference result : report.getResult()) {
          find(all, result.getReference()).ifPresent(included::add);
        }
      }
    }
    searchset.setTotal(searchset.getEntry().size());
    for (Resource resource : included) {
      searchset
          .addEntry()
          .setFullUrl(
              baseUrl(request)
                  + "/"
                  + resource.fhirType()
                  + "/"
                  + resource.getIdElement().getIdPart())
          .setResource(resource)
          .getSearch()
          .setMode(Bundle.SearchEntryMode.INCLUDE);
    }
    searchset.addLink().setRelation("self").setUrl(baseUrl(request) + request.getUrl());
    return respond(200, searchset);
  }

  private ResponseDefinition read(String type, String id, Request request) {
    int dash = id.indexOf('-');
    SyntheticPatient patient = dash < 0 ? null : byKey.get(id.substring(0, dash));
    if (patient == null) {
      return outcome(404, "not-found", type + "/" + id + " is not known");
    }
    Optional<Resource> found;
    try {
      found = record(patient.nhsNumber()).flatMap(r -> find(resources(r), type + "/" + id));
    } catch (RuntimeException e) {
      found = Optional.empty();
    }
    if (found.isEmpty()) {
      return outcome(404, "not-found", type + "/" + id + " is not known");
    }
    String accept = Optional.ofNullable(request.getHeader("Accept")).orElse("*/*");
    if (found.get() instanceof Binary binary && !accept.contains("fhir+json")) {
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(200)
          .withHeader("Content-Type", binary.getContentType() + ";charset=utf-8")
          .withBody(binary.getData())
          .build();
    }
    return respond(200, found.get());
  }

  /** The patient's record: the acute fixture if there is one, else the generated record. */
  private Optional<Bundle> record(NhsNumber nhsNumber) {
    Optional<SyntheticPatient> patient = population.find(nhsNumber);
    if (patient.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> fixture = fixtures.find(SourceKind.ACUTE, nhsNumber);
    if (fixture.isPresent()) {
      IBaseResource parsed = fhir.newJsonParser().parseResource(fixture.get());
      if (parsed instanceof Bundle bundle) {
        return Optional.of(bundle);
      }
      throw new IllegalArgumentException("the acute fixture is not a Bundle");
    }
    if (!AcuteRecords.knownToAcute(population, nhsNumber)) {
      return Optional.empty();
    }
    return Optional.of(AcuteRecords.record(population, patient.get()));
  }

  /** A fixture that is not a Bundle is served verbatim for every search, to replay bad payloads. */
  private ResponseDefinition fixtureAsIs(NhsNumber nhsNumber) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(200)
        .withHeader("Content-Type", FHIR_JSON + ";charset=utf-8")
        .withBody(fixtures.find(SourceKind.ACUTE, nhsNumber).orElse(""))
        .build();
  }

  private static List<Resource> resources(Bundle record) {
    return record.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  private static Optional<Resource> find(List<Resource> resources, String reference) {
    return resources.stream()
        .filter(r -> reference.equals(r.fhirType() + "/" + r.getIdElement().getIdPart()))
        .findFirst();
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

  private ResponseDefinition outcome(int status, String code, String diagnostics) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.fromCode(code))
        .setDiagnostics(diagnostics);
    return respond(status, outcome);
  }

  private ResponseDefinition respond(int status, IBaseResource resource) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", FHIR_JSON + ";charset=utf-8")
        .withBody(fhir.newJsonParser().encodeResourceToString(resource))
        .build();
  }
}
