package org.carelens.adapters.socialcare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.carelens.sdk.model.NhsNumber;

/** Stubs the council API the way the simulator answers, for one or more patients. */
final class CouncilStubs {

  static final String CLIENT_ID = "carelens-gateway";
  static final String CLIENT_SECRET = "test-secret";
  static final String[] RESOURCES = {"involvements", "care-packages", "safeguarding"};

  private CouncilStubs() {}

  static String personId(NhsNumber patient) {
    return "P-" + patient.value();
  }

  static void token(WireMockServer council, String token, long expiresIn) {
    council.stubFor(
        post(urlPathEqualTo("/oauth/token"))
            .willReturn(
                json(
                    200,
                    """
                    {"access_token": "%s", "token_type": "Bearer", "expires_in": %d}
                    """
                        .formatted(token, expiresIn))));
  }

  static void search(WireMockServer council, NhsNumber patient, boolean known) {
    council.stubFor(
        get(urlPathEqualTo("/api/v1/people"))
            .withQueryParam("nhsNumber", equalTo(patient.value()))
            .willReturn(
                json(
                    200,
                    known
                        ? Samples.text("person-search.json")
                            .replace(Samples.PATIENT.value(), patient.value())
                        : "{\"content\": [], \"page\": 0, \"size\": 20, \"totalElements\": 0,"
                            + " \"totalPages\": 0}")));
  }

  static void resource(
      WireMockServer council,
      NhsNumber patient,
      String resource,
      ResponseDefinitionBuilder answer) {
    council.stubFor(
        get(urlPathEqualTo("/api/v1/people/" + personId(patient) + "/" + resource))
            .willReturn(answer));
  }

  /** Token, search and all three resources, from the sample files. */
  static void wholeRecord(WireMockServer council, NhsNumber patient) {
    token(council, "tok-1", 300);
    search(council, patient, true);
    for (String resource : RESOURCES) {
      resource(
          council,
          patient,
          resource,
          json(
              200,
              Samples.text(resource + ".json").replace(Samples.PATIENT.value(), patient.value())));
    }
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
