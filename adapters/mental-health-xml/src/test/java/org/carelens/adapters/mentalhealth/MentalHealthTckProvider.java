package org.carelens.adapters.mentalhealth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.tck.AdapterTckProvider;
import org.carelens.tck.TckSource;

/** Tells the conformance kit how the trust's XML API looks on the wire. */
public final class MentalHealthTckProvider implements AdapterTckProvider {

  @Override
  public SourceAdapter create(TckSource source) {
    return new MentalHealthXmlAdapter(
        MentalHealthXmlConfig.withDefaults(
                "mental-health",
                "Mental health trust (RiO)",
                source.baseUrl(),
                "RXY",
                "tck-api-key")
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
            .withBody(Samples.text("client-not-found.xml")));
  }

  @Override
  public void stubDataResponse(
      WireMockServer source, NhsNumber patient, ResponseDefinitionBuilder response) {
    source.stubFor(
        get(urlPathEqualTo("/rio/api/v2/clients/" + patient.value() + "/summary"))
            .willReturn(response));
  }

  @Override
  public String validPayload(NhsNumber patient) {
    return Samples.text("client-summary.xml").replace(Samples.PATIENT.value(), patient.value());
  }

  @Override
  public Section stubOneUnreadableItem(WireMockServer source, NhsNumber patient) {
    // One of the two diagnoses has a status the trust's schema does not define.
    stubDataResponse(
        source,
        patient,
        ok(validPayload(patient).replace("status=\"RESOLVED\"", "status=\"UNDER_REVIEW\"")));
    return Section.PROBLEMS;
  }

  @Override
  public Section stubUnreadableSection(WireMockServer source, NhsNumber patient) {
    String payload = validPayload(patient);
    String withoutContacts =
        payload.substring(0, payload.indexOf("<Contacts>"))
            + payload.substring(payload.indexOf("</Contacts>") + "</Contacts>".length());
    stubDataResponse(source, patient, ok(withoutContacts));
    return Section.ENCOUNTERS;
  }

  private ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", contentType()).withBody(body);
  }

  @Override
  public String contentType() {
    return "application/xml";
  }

  @Override
  public String wronglyTypedPayload(NhsNumber patient) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <ClientList xmlns="urn:riverside-mh:rio:api:v2">
          <Client><NhsNumber>%s</NhsNumber></Client>
        </ClientList>
        """
        .formatted(patient.value());
  }
}
