package org.carelens.gateway.ig;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.gateway.audit.checkpoint.AuditCheckpointer;
import org.carelens.simulators.gp.GpPracticeSimulator;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Audit over HTTP: record views, refusals and IG use are audited, and only IG officers can search
 * and verify the trail.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest implements TestPropertyProvider {

  static final String SHOWCASE = Population.SHOWCASE_NHS_NUMBER;
  static final String OTHER_PATIENT = "9434765919";

  final TestLaunchTokens tokens = new TestLaunchTokens();
  final WireMockServer issuer = new WireMockServer(options().dynamicPort());
  final GpPracticeSimulator gp = new GpPracticeSimulator(Population.generate(42, 60));
  final HttpClient http = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject AuditCheckpointer checkpointer;

  @Override
  public Map<String, String> getProperties() {
    issuer.start();
    issuer.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/jwks.json")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(tokens.jwksJson())));
    gp.start(0);
    return Map.of(
        "micronaut.server.port",
        "-1",
        "carelens.launch.issuer",
        TestLaunchTokens.ISSUER,
        "carelens.launch.audience",
        TestLaunchTokens.AUDIENCE,
        "carelens.launch.jwks-url",
        issuer.baseUrl() + "/jwks.json",
        "carelens.sources.gp.url",
        gp.baseUrl());
  }

  @AfterAll
  void stop() {
    issuer.stop();
    gp.stop();
  }

  @Test
  void a_record_view_is_audited_with_who_which_patient_sources_and_sections_but_no_clinical_data()
      throws Exception {
    HttpResponse<String> view = get(session("clinician", SHOWCASE), recordPath(SHOWCASE));
    assertThat(view.statusCode()).isEqualTo(200);
    String correlationId = view.headers().firstValue("X-Correlation-ID").orElseThrow();

    List<Map<String, Object>> entries = search("?patient=" + SHOWCASE + "&event=RECORD_VIEW");

    Map<String, Object> entry =
        entries.stream()
            .filter(e -> correlationId.equals(e.get("correlationId")))
            .findFirst()
            .orElseThrow();
    assertThat(entry)
        .containsEntry("event", "RECORD_VIEW")
        .containsEntry("outcome", "SUCCESS")
        .containsEntry("userId", "555000111222")
        .containsEntry("userName", "Dr Amira Khan")
        .containsEntry("role", "clinician")
        .containsEntry("organisation", "Y03012")
        .containsEntry("patient", SHOWCASE)
        .containsEntry("device", "test")
        .containsKeys("sequence", "time", "hash", "previousHash");
    String details = json.writeValueAsString(entry.get("details"));
    assertThat(details).contains("\"id\":\"gp\"", "\"status\":\"OK\"", "\"sectionsReturned\"");
    assertThat(details)
        .doesNotContainIgnoringCase("penicillin")
        .doesNotContainIgnoringCase("amlodipine");
  }

  @Test
  void search_results_come_newest_first_with_the_contract_fields() throws Exception {
    get(session("clinician", SHOWCASE), recordPath(SHOWCASE));
    get(session("pharmacist", SHOWCASE), recordPath(SHOWCASE));

    List<Map<String, Object>> entries = search("?patient=" + SHOWCASE);

    assertThat(entries).hasSizeGreaterThanOrEqualTo(4);
    assertThat(entries)
        .allSatisfy(
            e ->
                assertThat(e)
                    .containsKeys(
                        "sequence", "time", "event", "outcome", "userId", "role", "organisation"));
    List<Long> sequences =
        entries.stream().map(e -> ((Number) e.get("sequence")).longValue()).toList();
    assertThat(sequences).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void a_request_for_another_patient_is_refused_and_audited_against_that_patient()
      throws Exception {
    HttpResponse<String> refused = get(session("clinician", SHOWCASE), recordPath(OTHER_PATIENT));
    assertThat(refused.statusCode()).isEqualTo(403);

    List<Map<String, Object>> entries =
        search("?patient=" + OTHER_PATIENT + "&event=POLICY_DENIAL");

    assertThat(entries)
        .anySatisfy(
            e ->
                assertThat(e)
                    .containsEntry("outcome", "REFUSED")
                    .containsEntry("reasonCode", "PATIENT_NOT_IN_SESSION")
                    .containsEntry("userId", "555000111222"));
  }

  @Test
  void only_an_ig_officer_may_search_the_audit_and_a_refused_attempt_is_audited() throws Exception {
    HttpResponse<String> refused =
        get(session("clinician", SHOWCASE), "/api/v1/audit?patient=" + SHOWCASE);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("ROLE_NOT_PERMITTED");

    List<Map<String, Object>> entries = search("?event=POLICY_DENIAL&user=555000111222");

    assertThat(entries)
        .anySatisfy(e -> assertThat(e).containsEntry("reasonCode", "ROLE_NOT_PERMITTED"));
  }

  @Test
  void verify_reports_an_intact_chain_to_an_ig_officer_and_refuses_anyone_else() throws Exception {
    get(session("clinician", SHOWCASE), recordPath(SHOWCASE));

    HttpResponse<String> response = get(session("ig-officer", SHOWCASE), "/api/v1/audit/verify");
    HttpResponse<String> refused = get(session("pharmacist", SHOWCASE), "/api/v1/audit/verify");

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> body =
        json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    assertThat(body).containsEntry("valid", true).containsKey("firstBrokenSequence");
    assertThat(body.get("firstBrokenSequence")).isNull();
    assertThat(((Number) body.get("entries")).longValue()).isGreaterThanOrEqualTo(4);
    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  void verify_checks_the_chain_against_the_signed_checkpoints_and_says_how_far_they_reach()
      throws Exception {
    get(session("clinician", SHOWCASE), recordPath(SHOWCASE));
    long signed = checkpointer.checkpoint().orElseThrow().sequence();

    HttpResponse<String> response = get(session("ig-officer", SHOWCASE), "/api/v1/audit/verify");

    Map<String, Object> body =
        json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    assertThat(body).containsEntry("valid", true).containsEntry("failedCheckpoint", null);
    assertThat(((Number) body.get("checkpoints")).intValue()).isGreaterThanOrEqualTo(1);
    assertThat(((Number) body.get("anchoredThrough")).longValue()).isGreaterThanOrEqualTo(signed);
    assertThat(body).containsEntry("unreadableCheckpoints", 0);
  }

  @Test
  void the_access_report_lists_organisations_and_roles_that_viewed_the_record() throws Exception {
    get(session("pharmacist", SHOWCASE), recordPath(SHOWCASE));

    HttpResponse<String> response =
        get(session("ig-officer", SHOWCASE), "/api/v1/audit/access-report?patient=" + SHOWCASE);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"organisation\":\"Y03012\"", "\"role\":\"pharmacist\"");
    assertThat(response.body()).doesNotContain("Amira");
  }

  @Test
  void a_malformed_search_is_a_400_saying_what_was_wrong() throws Exception {
    HttpResponse<String> response =
        get(session("ig-officer", SHOWCASE), "/api/v1/audit?from=yesterday");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("INVALID_AUDIT_QUERY", "from must be an ISO-8601");
  }

  @Test
  void a_missing_session_is_refused_and_audited_as_a_token_rejection() throws Exception {
    HttpResponse<String> refused = get("no-such-session", recordPath(SHOWCASE));
    assertThat(refused.statusCode()).isEqualTo(401);
    String correlationId = refused.headers().firstValue("X-Correlation-ID").orElseThrow();

    // An unidentified caller belongs to no organisation: only the federation's IG lead sees it.
    List<Map<String, Object>> entries = search("federation-ig", "?event=TOKEN_REJECTED");
    List<Map<String, Object>> organisations = search("?event=TOKEN_REJECTED");

    assertThat(entries)
        .anySatisfy(
            e ->
                assertThat(e)
                    .containsEntry("correlationId", correlationId)
                    .containsEntry("reasonCode", "SESSION_EXPIRED"));
    assertThat(organisations)
        .noneSatisfy(e -> assertThat(e).containsEntry("correlationId", correlationId));
  }

  private List<Map<String, Object>> search(String query) throws Exception {
    return search("ig-officer", query);
  }

  private List<Map<String, Object>> search(String role, String query) throws Exception {
    HttpResponse<String> response = get(session(role, SHOWCASE), "/api/v1/audit" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readValue(
        response.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
  }

  private static String recordPath(String nhsNumber) {
    return "/api/v1/patients/" + nhsNumber + "/record?sections=allergies,medications";
  }

  private String session(String role, String nhsNumber) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/sessions"))
                .header("Authorization", "Bearer " + tokens.token(role, nhsNumber))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return (String)
        json.readValue(response.body(), Argument.mapOf(String.class, Object.class))
            .get("accessToken");
  }

  private HttpResponse<String> get(String accessToken, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .header("Authorization", "Bearer " + accessToken)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
