package org.carelens.adapters.gpconnect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.carelens.sdk.model.NhsNumber;
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

  @Override
  public String validPayload(NhsNumber patient) {
    return Fixtures.text("structured-record-full.json")
        .replace(Fixtures.FULL_PATIENT.value(), patient.value());
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
