package org.carelens.gateway.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.carelens.gateway.GatewayTestClient;
import org.carelens.gateway.OnlyTheseSources;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.simulators.gp.GpPracticeSimulator;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Metrics, health, the OpenAPI description, document content and every section of the record, over
 * real HTTP. The GP source is reached through a WireMock proxy so the test can count what reached
 * it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsApiTest implements TestPropertyProvider {

  static final String SHOWCASE = Population.SHOWCASE_NHS_NUMBER;

  final TestLaunchTokens tokens = new TestLaunchTokens();
  final WireMockServer issuer = new WireMockServer(options().dynamicPort());
  final GpPracticeSimulator practice = new GpPracticeSimulator(Population.generate(42, 60));
  final WireMockServer gp = new WireMockServer(options().dynamicPort());

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  GatewayTestClient client;

  @Override
  public Map<String, String> getProperties() {
    issuer.start();
    issuer.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/jwks.json")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(tokens.jwksJson())));
    practice.start(0);
    gp.start();
    gp.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(practice.baseUrl())));
    Map<String, String> properties = new HashMap<>(OnlyTheseSources.disableOthers(Set.of("gp")));
    properties.putAll(
        Map.of(
            "micronaut.server.port",
            "-1",
            "carelens.launch.issuer",
            TestLaunchTokens.ISSUER,
            "carelens.launch.audience",
            TestLaunchTokens.AUDIENCE,
            "carelens.launch.jwks-url",
            issuer.baseUrl() + "/jwks.json",
            "carelens.sources.gp.url",
            gp.baseUrl()));
    return properties;
  }

  @BeforeEach
  void client() {
    client = new GatewayTestClient(server.getURL().toString(), json);
  }

  @AfterAll
  void stop() {
    issuer.stop();
    gp.stop();
    practice.stop();
  }

  @Test
  void the_record_has_every_section_of_the_model_each_with_withheld_notice_and_items()
      throws Exception {
    String accessToken = client.session(tokens.token("clinician", SHOWCASE));

    var response = client.get("/api/v1/patients/" + SHOWCASE + "/record", accessToken);

    Map<String, Object> body =
        json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> sections =
        (Map<String, Map<String, Object>>) body.get("sections");
    assertThat(sections)
        .containsOnlyKeys(
            "alerts",
            "allergies",
            "medications",
            "problems",
            "encounters",
            "results",
            "immunisations",
            "documents",
            "referrals",
            "careTeam",
            "socialCare");
    assertThat(sections.values())
        .allSatisfy(s -> assertThat(s).containsKeys("withheld", "notice", "items"));
    assertThat(sections.get("allergies")).containsEntry("state", "KNOWN");
  }

  @Test
  void a_social_worker_sees_social_care_sections_and_clinical_ones_withheld_generically()
      throws Exception {
    String accessToken = client.session(tokens.token("social-worker", SHOWCASE));

    var response = client.get("/api/v1/patients/" + SHOWCASE + "/record", accessToken);

    assertThat(response.body())
        .contains("\"careTeam\":{\"withheld\":false")
        .contains("\"socialCare\":{\"withheld\":false")
        .contains("\"results\":{\"withheld\":true");
  }

  @Test
  void sections_can_be_chosen_by_key_and_an_unknown_key_is_named_in_a_problem() throws Exception {
    String accessToken = client.session(tokens.token("clinician", SHOWCASE));

    var chosen =
        client.get(
            "/api/v1/patients/" + SHOWCASE + "/record?sections=alerts,careTeam,allergies",
            accessToken);
    var unknown =
        client.get("/api/v1/patients/" + SHOWCASE + "/record?sections=alerts,gossip", accessToken);

    assertThat(chosen.statusCode()).isEqualTo(200);
    assertThat(chosen.body()).contains("\"medications\":{\"withheld\":true");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body())
        .contains("INVALID_SECTIONS")
        .contains("'gossip'")
        .contains("socialCare");
  }

  @Test
  void prometheus_exposes_source_latency_outcomes_circuit_bulkhead_cache_and_view_latency()
      throws Exception {
    String accessToken = client.session(tokens.token("clinician", SHOWCASE));
    client.get("/api/v1/patients/" + SHOWCASE + "/record", accessToken);

    var response = client.getAnonymous("/prometheus");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("carelens_source_latency_seconds_bucket{")
        .contains("carelens_source_outcomes_total{")
        .contains("carelens_source_circuit_state{source=\"gp\",state=\"CLOSED\"} 1.0")
        .contains("carelens_source_bulkhead_in_use{source=\"gp\"}")
        .contains("carelens_source_bulkhead_max{source=\"gp\"} 20.0")
        .contains("carelens_source_cache_total{")
        .contains("carelens_view_latency_seconds_count{endpoint=\"record\"}")
        .doesNotContain(SHOWCASE);
  }

  @Test
  void health_reports_each_sources_circuit_without_calling_it() throws Exception {
    gp.resetRequests();

    var response = client.getAnonymous("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"sources\"").contains("\"circuit\":\"CLOSED\"");
    assertThat(gp.findAll(anyRequestedFor(anyUrl()))).as("no request reached the source").isEmpty();
  }

  @Test
  void the_openapi_description_is_served_as_yaml_and_names_the_record_endpoints() throws Exception {
    var response = client.getAnonymous("/openapi.yml");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .startsWith("openapi: 3")
        .contains("/api/v1/patients/{nhsNumber}/record:")
        .contains("/api/v1/patients/{nhsNumber}/record/stream:")
        .contains("/api/v1/patients/{nhsNumber}/documents/{sourceId}/{documentId}:");
  }

  @Test
  void document_content_from_a_source_that_cannot_serve_it_is_a_problem_not_an_error()
      throws Exception {
    String accessToken = client.session(tokens.token("clinician", SHOWCASE));

    var response =
        client.get("/api/v1/patients/" + SHOWCASE + "/documents/gp/letter-1", accessToken);

    assertThat(response.statusCode()).isEqualTo(501);
    assertThat(response.body()).contains("DOCUMENT_CONTENT_NOT_SUPPORTED");
  }

  @Test
  void document_content_from_an_unknown_source_is_404() throws Exception {
    String accessToken = client.session(tokens.token("clinician", SHOWCASE));

    var response =
        client.get("/api/v1/patients/" + SHOWCASE + "/documents/nowhere/letter-1", accessToken);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("UNKNOWN_SOURCE");
  }

  @Test
  void a_role_that_may_not_see_documents_cannot_fetch_one() throws Exception {
    String accessToken = client.session(tokens.token("social-worker", SHOWCASE));

    var response =
        client.get("/api/v1/patients/" + SHOWCASE + "/documents/gp/letter-1", accessToken);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("SECTION_NOT_PERMITTED");
  }
}
