package org.carelens.simulators.directory;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EndpointDirectorySimulatorTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static EndpointDirectorySimulator directory;

  @BeforeAll
  static void start() {
    directory =
        new EndpointDirectorySimulator(
                Map.of(
                    "A81001",
                    () -> "http://localhost:8091",
                    "B82005",
                    () -> "http://localhost:8092"))
            .start(0);
  }

  @AfterAll
  static void stop() {
    directory.stop();
  }

  @Test
  void a_practice_ods_code_resolves_to_its_gp_connect_endpoint() throws Exception {
    Bundle bundle = search("B82005", true);

    assertThat(bundle.getTotal()).isEqualTo(1);
    Endpoint endpoint = (Endpoint) bundle.getEntryFirstRep().getResource();
    assertThat(endpoint.getAddress()).isEqualTo("http://localhost:8092");
    assertThat(endpoint.getManagingOrganization().getIdentifier().getValue()).isEqualTo("B82005");
  }

  @Test
  void an_unknown_practice_gives_an_empty_searchset() throws Exception {
    Bundle bundle = search("Z99999", false);

    assertThat(bundle.getTotal()).isZero();
    assertThat(bundle.getEntry()).isEmpty();
  }

  @Test
  void a_search_without_an_organisation_is_a_bad_request() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(directory.baseUrl() + "/Endpoint")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
  }

  private static Bundle search(String ods, boolean withInteraction) throws Exception {
    String query =
        "organization="
            + encode(EndpointDirectorySimulator.ODS_SYSTEM + "|" + ods)
            + (withInteraction
                ? "&identifier="
                    + encode(
                        EndpointDirectorySimulator.INTERACTION_SYSTEM
                            + "|"
                            + EndpointDirectorySimulator.STRUCTURED_RECORD_INTERACTION)
                : "");
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(directory.baseUrl() + "/Endpoint?" + query)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
