package org.carelens.adapters.gpconnect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.tck.AdapterTckProvider;

/** Tells the conformance kit how GP Connect 1.6 looks on the wire. */
abstract class GpConnectTckProviderBase implements AdapterTckProvider {

  /** The path the structured-record operation is posted to. */
  abstract String operationPath();

  /** Stubs whatever the adapter asks before the practice (nothing, unless routed). */
  void stubLookups(WireMockServer source, NhsNumber patient) {}

  @Override
  public void stubRecord(WireMockServer source, NhsNumber patient) {
    stubDataResponse(
        source,
        patient,
        aResponse()
            .withStatus(200)
            .withHeader("Content-Type", contentType())
            .withBody(validPayload(patient)));
  }

  @Override
  public void stubNoRecord(WireMockServer source, NhsNumber patient) {
    stubDataResponse(
        source,
        patient,
        aResponse()
            .withStatus(404)
            .withHeader("Content-Type", contentType())
            .withBody(Fixtures.text("patient-not-found.json")));
  }

  @Override
  public void stubDataResponse(
      WireMockServer source, NhsNumber patient, ResponseDefinitionBuilder response) {
    stubLookups(source, patient);
    source.stubFor(
        post(urlEqualTo(operationPath()))
            .withRequestBody(containing(patient.value()))
            .willReturn(response));
  }

  /** Three readable allergies, and a fourth the allergies List names but the bundle lacks. */
  @Override
  public Section stubOneUnreadableItem(WireMockServer source, NhsNumber patient) {
    stubDataResponse(
        source, patient, ok(fixture("structured-record-dangling-allergy.json", patient)));
    return Section.ALLERGIES;
  }

  /**
   * A full record whose medications List is missing. (A List under a code GP Connect does not use
   * would not do: the adapter shows the items of such Lists by their resource type.)
   */
  @Override
  public Section stubUnreadableSection(WireMockServer source, NhsNumber patient) {
    stubDataResponse(
        source, patient, ok(withoutList(validPayload(patient), Fixtures.MEDICATIONS_LIST_CODE)));
    return Section.MEDICATIONS;
  }

  private static String withoutList(String bundleJson, String listCode) {
    try {
      ObjectNode bundle = (ObjectNode) JSON.readTree(bundleJson);
      ArrayNode entries = (ArrayNode) bundle.get("entry");
      for (int i = entries.size() - 1; i >= 0; i--) {
        JsonNode resource = entries.get(i).path("resource");
        if ("List".equals(resource.path("resourceType").asText())
            && resource.path("code").toString().contains("\"" + listCode + "\"")) {
          entries.remove(i);
        }
      }
      return JSON.writeValueAsString(bundle);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String validPayload(NhsNumber patient) {
    return fixture("structured-record-full.json", patient);
  }

  private static String fixture(String name, NhsNumber patient) {
    return Fixtures.text(name).replace(Fixtures.FULL_PATIENT.value(), patient.value());
  }

  private ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", contentType()).withBody(body);
  }

  @Override
  public String contentType() {
    return "application/fhir+json";
  }

  @Override
  public String wronglyTypedPayload(NhsNumber patient) {
    return """
        {"resourceType": "Patient", "id": "1",
         "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%s"}]}
        """
        .formatted(patient.value());
  }
}
