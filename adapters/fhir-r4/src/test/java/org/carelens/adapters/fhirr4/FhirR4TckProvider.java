package org.carelens.adapters.fhirr4;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import java.util.Map;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.tck.AdapterTckProvider;
import org.carelens.tck.TckSource;

/**
 * Tells the conformance kit how the acute trust's FHIR R4 API looks on the wire. The adapter makes
 * one search per section, so "the data response" is every search for the patient: a fault stubbed
 * here lands on all of them, as a failing server would answer.
 */
public final class FhirR4TckProvider implements AdapterTckProvider {

  private static final String BASE = "/fhir/R4";
  private static final String RECORDED_NHS = "9990000018";

  /** Search path, and the payload it answers with in a complete record. */
  private static final Map<String, String> SEARCHES =
      Map.of(
          "/Patient", "patient.json",
          "/Encounter", "encounters.json",
          "/Condition", "conditions.json",
          "/AllergyIntolerance", "allergies.json",
          "/MedicationStatement", "medications.json",
          "/DiagnosticReport", "reports.json",
          "/DocumentReference", "documents.json");

  @Override
  public SourceAdapter create(TckSource source) {
    return new FhirR4Adapter(
        FhirR4Config.withDefaults(
                "acute", "Acute trust (FHIR R4)", URI.create(source.baseUrl() + BASE), "RXX")
            .withTimeouts(source.requestTimeout(), source.requestTimeout())
            .withLimits(source.maxResponseBytes(), FhirR4Config.DEFAULT_MAX_PAGES));
  }

  @Override
  public void stubRecord(WireMockServer source, NhsNumber patient) {
    SEARCHES.forEach(
        (path, file) ->
            stub(
                source,
                path,
                patient,
                ok(FhirR4AdapterTest.text(file).replace(RECORDED_NHS, patient.value()))));
  }

  @Override
  public void stubNoRecord(WireMockServer source, NhsNumber patient) {
    // FHIR servers answer an unknown patient with an empty searchset for every search.
    SEARCHES
        .keySet()
        .forEach(path -> stub(source, path, patient, ok(FhirR4AdapterTest.text("empty.json"))));
  }

  @Override
  public void stubDataResponse(
      WireMockServer source, NhsNumber patient, ResponseDefinitionBuilder response) {
    SEARCHES.keySet().forEach(path -> stub(source, path, patient, response));
  }

  /**
   * A full record whose allergy search answers with the readable penicillin allergy and a second
   * allergy without the code UK Core requires.
   */
  @Override
  public Section stubOneUnreadableItem(WireMockServer source, NhsNumber patient) {
    stubRecord(source, patient);
    String allergies =
        FhirR4AdapterTest.text("allergies.json")
            .replace("\"total\": 1", "\"total\": 2")
            .replaceFirst(
                "\\]\\}\\s*$",
                """
                ,{"search": {"mode": "match"}, "resource": {"resourceType": "AllergyIntolerance",
                  "id": "a2-%s", "patient": {"reference": "Patient/p1"}, "recordedDate": "2025-03-01"}}
                ]}
                """
                    .formatted(patient.value()));
    stub(source, "/AllergyIntolerance", patient, ok(allergies));
    return Section.ALLERGIES;
  }

  /** A full record whose medication search fails with HTTP 500 while the others answer. */
  @Override
  public Section stubUnreadableSection(WireMockServer source, NhsNumber patient) {
    stubRecord(source, patient);
    stub(
        source,
        "/MedicationStatement",
        patient,
        aResponse()
            .withStatus(500)
            .withHeader("Content-Type", contentType())
            .withBody(FhirR4AdapterTest.text("operation-outcome.json")));
    return Section.MEDICATIONS;
  }

  @Override
  public String validPayload(NhsNumber patient) {
    return FhirR4AdapterTest.text("allergies.json");
  }

  @Override
  public String contentType() {
    return "application/fhir+json";
  }

  @Override
  public String wronglyTypedPayload(NhsNumber patient) {
    return FhirR4AdapterTest.text("patient.json")
        .replace(RECORDED_NHS, patient.value())
        .replaceFirst("(?s)^.*?\"resource\": ", "")
        .replaceFirst("(?s)\\}\\s*\\]\\s*\\}\\s*$", "");
  }

  private static void stub(
      WireMockServer source, String path, NhsNumber patient, ResponseDefinitionBuilder response) {
    String parameter = path.equals("/Patient") ? "identifier" : "patient:identifier";
    source.stubFor(
        get(urlPathEqualTo(BASE + path))
            .withQueryParam(parameter, containing(patient.value()))
            .willReturn(response));
  }

  private ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", contentType()).withBody(body);
  }
}
