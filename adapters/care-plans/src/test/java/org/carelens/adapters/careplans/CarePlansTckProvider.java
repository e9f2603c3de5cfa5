package org.carelens.adapters.careplans;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.tck.AdapterTckProvider;
import org.carelens.tck.TckSource;

/** Tells the conformance kit what the NRL-style pointer service looks like on the wire. */
public final class CarePlansTckProvider implements AdapterTckProvider {

  private static final String FHIR_JSON = "application/fhir+json";

  @Override
  public SourceAdapter create(TckSource source) {
    return new CarePlansAdapter(
        CarePlansConfig.withDefaults(
                "care-plans", "Care plans (National Record Locator)", source.baseUrl(), "X26")
            .withTimeouts(source.requestTimeout(), source.requestTimeout())
            .withMaxResponseBytes(source.maxResponseBytes()));
  }

  @Override
  public void stubRecord(WireMockServer source, NhsNumber patient) {
    stubDataResponse(source, patient, ok(validPayload(patient)));
  }

  /** NRL answers a patient with no pointers with an empty searchset. */
  @Override
  public void stubNoRecord(WireMockServer source, NhsNumber patient) {
    stubDataResponse(source, patient, ok(Pointers.searchset(List.of())));
  }

  /** Both searches (current plans, all plans) answer with {@code response}. */
  @Override
  public void stubDataResponse(
      WireMockServer source, NhsNumber patient, ResponseDefinitionBuilder response) {
    source.stubFor(
        get(urlPathEqualTo("/DocumentReference"))
            .withQueryParam("subject:identifier", equalTo(Pointers.NHS + "|" + patient.value()))
            .withQueryParam("type", containing("1382601000000107"))
            .willReturn(response));
  }

  @Override
  public String validPayload(NhsNumber patient) {
    return Pointers.searchset(List.of(Pointers.respect(patient), Pointers.dnacpr(patient)));
  }

  @Override
  public String contentType() {
    return FHIR_JSON;
  }

  @Override
  public String wronglyTypedPayload(NhsNumber patient) {
    return "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"information\","
        + "\"code\":\"informational\"}]}";
  }

  /** The DNACPR pointer has lost its type; the ReSPECT form is readable. */
  @Override
  public Section stubOneUnreadableItem(WireMockServer source, NhsNumber patient) {
    String untyped =
        Pointers.dnacpr(patient).replaceFirst("\"type\":\\{\"coding\":\\[[^\\]]*\\]\\},", "");
    stubDataResponse(
        source, patient, ok(Pointers.searchset(List.of(Pointers.respect(patient), untyped))));
    return Section.DOCUMENTS;
  }

  /** The current-plans search fails as a whole (a Bundle of the wrong type); the other answers. */
  @Override
  public Section stubUnreadableSection(WireMockServer source, NhsNumber patient) {
    stubRecord(source, patient);
    source.stubFor(
        get(urlPathEqualTo("/DocumentReference"))
            .withQueryParam("subject:identifier", equalTo(Pointers.NHS + "|" + patient.value()))
            .withQueryParam("status", equalTo("current"))
            .atPriority(1)
            .willReturn(ok("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}")));
    return Section.ALERTS;
  }

  private static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", FHIR_JSON).withBody(body);
  }
}
