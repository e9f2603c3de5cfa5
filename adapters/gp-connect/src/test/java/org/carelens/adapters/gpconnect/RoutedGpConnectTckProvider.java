package org.carelens.adapters.gpconnect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.tck.TckSource;

/**
 * The GP Connect adapter routed as a real consumer routes: the kit's server also plays the spine
 * and the endpoint directory, which answer normally, so every fault lands on the practice.
 */
public final class RoutedGpConnectTckProvider extends GpConnectTckProviderBase {

  private static final String PRACTICE_BASE = "/B82005/STU3/1/gpconnect/structured/fhir";

  @Override
  public SourceAdapter create(TckSource source) {
    return new GpConnectAdapter(
        GpConnectConfig.withDefaults(
                "gp",
                "GP practice (GP Connect)",
                URI.create("http://unused.invalid"),
                "A81001",
                "200000000359")
            .withTimeouts(source.requestTimeout(), source.requestTimeout())
            .withMaxResponseBytes(source.maxResponseBytes()),
        new GpConnectRouting(
            URI.create(source.baseUrl() + "/pds"), URI.create(source.baseUrl() + "/sds")));
  }

  @Override
  String operationPath() {
    return PRACTICE_BASE + "/Patient/$gpc.getstructuredrecord";
  }

  @Override
  void stubLookups(WireMockServer source, NhsNumber patient) {
    source.stubFor(
        get(urlPathEqualTo("/pds/Patient/" + patient.value()))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody(
                        """
                        {"resourceType": "Patient", "id": "%1$s",
                         "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%1$s"}],
                         "generalPractitioner": [{"type": "Organization", "identifier":
                           {"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "B82005"}}]}
                        """
                            .formatted(patient.value()))));
    source.stubFor(
        get(urlPathEqualTo("/sds/Endpoint"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody(
                        """
                        {"resourceType": "Bundle", "type": "searchset", "total": 1, "entry": [
                          {"resource": {"resourceType": "Endpoint", "status": "active",
                                        "address": "%s"}}]}
                        """
                            .formatted(source.baseUrl() + PRACTICE_BASE))));
  }
}
