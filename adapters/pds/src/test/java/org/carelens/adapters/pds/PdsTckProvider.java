package org.carelens.adapters.pds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.tck.AdapterTckProvider;
import org.carelens.tck.TckSource;

/** Tells the conformance kit how the PDS FHIR R4 Patient read looks on the wire. */
public final class PdsTckProvider implements AdapterTckProvider {

  @Override
  public SourceAdapter create(TckSource source) {
    return new PdsAdapter(
        PdsConfig.withDefaults("pds", "Demographics (PDS)", source.baseUrl())
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
            .withBody(PdsPayloads.notFound()));
  }

  @Override
  public void stubDataResponse(
      WireMockServer source, NhsNumber patient, ResponseDefinitionBuilder response) {
    source.stubFor(get(urlPathEqualTo("/Patient/" + patient.value())).willReturn(response));
  }

  @Override
  public String validPayload(NhsNumber patient) {
    return PdsPayloads.patient(patient);
  }

  @Override
  public String contentType() {
    return "application/fhir+json";
  }

  @Override
  public String wronglyTypedPayload(NhsNumber patient) {
    return "{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"total\": 0}";
  }

  @Override
  public boolean returnsClinicalItems() {
    return false;
  }

  /** The API answers a patient it does not know with a plain 404. */
  @Override
  public boolean bareNotFoundIsNoRecord() {
    return true;
  }
}
