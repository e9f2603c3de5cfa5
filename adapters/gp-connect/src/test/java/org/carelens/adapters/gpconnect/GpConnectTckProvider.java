package org.carelens.adapters.gpconnect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.tck.AdapterTckProvider;
import org.carelens.tck.TckSource;

/** Tells the conformance kit how GP Connect 1.6 looks on the wire. */
public final class GpConnectTckProvider implements AdapterTckProvider {

  private static final String FHIR_BASE = "/A81001/STU3/1/gpconnect/structured/fhir";
  private static final String OPERATION = FHIR_BASE + "/Patient/$gpc.getstructuredrecord";

  @Override
  public SourceAdapter create(TckSource source) {
    return new GpConnectAdapter(
        GpConnectConfig.withDefaults(
                "gp",
                "GP practice (GP Connect)",
                URI.create(source.baseUrl() + FHIR_BASE),
                "A81001",
                "200000000359")
            .withTimeouts(source.requestTimeout(), source.requestTimeout())
            .withMaxResponseBytes(source.maxResponseBytes()));
  }

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
    source.stubFor(
        post(urlEqualTo(OPERATION))
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
