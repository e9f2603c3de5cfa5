package org.carelens.gateway.record;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.carelens.gateway.OnlyTheseSources;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.simulators.gp.GpPracticeSimulator;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The record API over real HTTP: launch tokens from a test issuer whose JWKS WireMock publishes,
 * and the simulated GP practice behind the real GP Connect adapter.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordApiTest implements TestPropertyProvider {

  static final String SHOWCASE = Population.SHOWCASE_NHS_NUMBER;

  final TestLaunchTokens tokens = new TestLaunchTokens();
  final WireMockServer issuer = new WireMockServer(options().dynamicPort());
  final GpPracticeSimulator gp = new GpPracticeSimulator(Population.generate(42, 60));
  final HttpClient http = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;

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

  @AfterAll
  void stop() {
    issuer.stop();
    gp.stop();
  }

  @Test
  void a_good_launch_token_opens_a_session_that_reads_the_launched_patients_record()
      throws Exception {
    String accessToken = session(tokens.token("clinician", SHOWCASE));

    HttpResponse<String> response = getRecord(accessToken, SHOWCASE);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    RecordView view = json.readValue(response.body(), RecordView.class);
    assertThat(view.patient().nhsNumber()).isEqualTo(SHOWCASE);
    assertThat(view.patient().name().family()).isEqualToIgnoringCase("Jones");
    assertThat(view.patient().birthDate()).hasToString("1950-03-12");
    assertThat(view.sources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.id()).isEqualTo("gp");
              assertThat(s.status()).isEqualTo("OK");
            });
    assertThat(view.sections().allergies().state()).isEqualTo("KNOWN");
    assertThat(view.sections().allergies().items())
        .anySatisfy(
            a -> {
              assertThat(a.concept().code()).isEqualTo("91936005");
              assertThat(a.sources()).extracting(RecordView.ItemSource::id).containsExactly("gp");
            });
    assertThat(view.sections().medications().items())
        .anySatisfy(m -> assertThat(m.concept().display()).containsIgnoringCase("Amlodipine"));
  }

  @Test
  void the_raw_response_keeps_empty_and_null_fields_so_clients_can_rely_on_the_shape()
      throws Exception {
    String accessToken = session(tokens.token("clinician", SHOWCASE));

    HttpResponse<String> response = getRecord(accessToken, SHOWCASE);

    Map<String, Object> body =
        json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    assertThat(body).containsKeys("patient", "sources", "sections", "warnings");
    assertThat(response.body())
        .contains("\"elapsedMs\"", "\"withheld\":false", "\"items\":[", "\"contacts\":[");
  }

  @Test
  void encounter_times_are_iso_8601_with_an_offset_on_their_day_and_null_when_only_a_day()
      throws Exception {
    String accessToken = session(tokens.token("clinician", SHOWCASE));

    HttpResponse<String> response = getRecord(accessToken, SHOWCASE);

    Map<String, Object> body =
        json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    @SuppressWarnings("unchecked")
    java.util.List<Map<String, Object>> encounters =
        (java.util.List<Map<String, Object>>)
            ((Map<String, Object>) ((Map<String, Object>) body.get("sections")).get("encounters"))
                .get("items");
    assertThat(encounters)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e).containsKeys("startTime", "endTime"));
    // The practice's booked consultations are timed; each time falls on the item's own day.
    assertThat(encounters)
        .filteredOn(e -> e.get("startTime") != null)
        .isNotEmpty()
        .allSatisfy(
            e ->
                assertThat((String) e.get("startTime"))
                    .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})")
                    .startsWith((String) e.get("start")));
    // A home visit is recorded to the day: its time is null, never 00:00.
    assertThat(encounters)
        .filteredOn(e -> ((Map<?, ?>) e.get("concept")).get("code").equals("439708006"))
        .allSatisfy(e -> assertThat(e.get("startTime")).isNull());
  }

  @Test
  void a_social_worker_sees_neither_allergies_nor_medications_and_is_told_it_is_their_role()
      throws Exception {
    String accessToken = session(tokens.token("social-worker", SHOWCASE));

    RecordView view = json.readValue(getRecord(accessToken, SHOWCASE).body(), RecordView.class);

    assertThat(view.sections().medications().withheld()).isTrue();
    assertThat(view.sections().medications().items()).isEmpty();
    // Issue 9: a cause that holds for every patient is said plainly, not blamed on the patient.
    assertThat(view.sections().medications().notice())
        .isEqualTo(
            "Not shared with social workers under sharing agreement riverside-shared-care-test");
    assertThat(view.sections().medications().withheldReasons()).containsExactly("ROLE");
    assertThat(view.sections().allergies().withheld()).isTrue();
    assertThat(view.sections().allergies().withheldReasons()).containsExactly("ROLE");
    assertThat(view.sections().allergies().items()).isEmpty();
    assertThat(view.patient().nhsNumber()).isEqualTo(SHOWCASE);
  }

  @Test
  void a_malformed_nhs_number_gets_400_with_a_problem_saying_what_was_wrong() throws Exception {
    String accessToken = session(tokens.token("clinician", SHOWCASE));

    HttpResponse<String> response = getRecord(accessToken, "9990000019");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("INVALID_NHS_NUMBER")
        .contains("fails the Modulus 11 check: check digit is 9, expected 8");
  }

  @Test
  void a_session_cannot_read_another_patient() throws Exception {
    String accessToken = session(tokens.token("clinician", SHOWCASE));

    HttpResponse<String> response = getRecord(accessToken, "9434765919");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("PATIENT_NOT_IN_SESSION");
  }

  @Test
  void a_session_lists_the_configured_sources_without_any_patient_data() throws Exception {
    String accessToken = session(tokens.token("clinician", SHOWCASE));

    HttpResponse<String> response = get("/api/v1/sources", accessToken);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo("[{\"id\":\"gp\",\"name\":\"GP practice (GP Connect)\"}]");
    assertThat(get("/api/v1/sources", "not-a-session").statusCode()).isEqualTo(401);
  }

  @Test
  void a_record_request_without_a_session_is_refused() throws Exception {
    HttpResponse<String> response = getRecord("not-a-session", SHOWCASE);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("SESSION_EXPIRED");
  }

  @Test
  void a_token_signed_with_another_key_is_refused() throws Exception {
    var otherKey = new RSAKeyGenerator(2048).keyID(tokens.key().getKeyID()).generate();
    String forged = tokens.sign(tokens.claims("clinician", SHOWCASE).build(), otherKey);

    HttpResponse<String> response = exchange(forged);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("SIGNATURE_INVALID");
  }

  @Test
  void an_expired_token_is_refused() throws Exception {
    Instant past = Instant.now().minusSeconds(600);
    String expired =
        tokens.token(
            "clinician",
            SHOWCASE,
            c ->
                c.issueTime(Date.from(past))
                    .notBeforeTime(Date.from(past))
                    .expirationTime(Date.from(past.plusSeconds(300))));

    HttpResponse<String> response = exchange(expired);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("TOKEN_EXPIRED");
  }

  @Test
  void a_token_for_another_audience_is_refused() throws Exception {
    String token = tokens.token("clinician", SHOWCASE, c -> c.audience("someone-else"));

    HttpResponse<String> response = exchange(token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("AUDIENCE_INVALID").contains("aud");
  }

  @Test
  void an_unsigned_token_is_refused() throws Exception {
    String unsigned =
        new PlainJWT(
                new PlainHeader.Builder().type(new JOSEObjectType("carelens-launch+jwt")).build(),
                tokens.claims("clinician", SHOWCASE).build())
            .serialize();

    HttpResponse<String> response = exchange(unsigned);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void a_launch_token_is_single_use() throws Exception {
    String token = tokens.token("clinician", SHOWCASE);
    assertThat(exchange(token).statusCode()).isEqualTo(201);

    HttpResponse<String> replay = exchange(token);

    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.body()).contains("TOKEN_REPLAYED");
  }

  @Test
  void a_token_with_an_unknown_role_is_refused_naming_the_claim() throws Exception {
    HttpResponse<String> response = exchange(tokens.token("superuser", SHOWCASE));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("requesting_practitioner.role");
  }

  private String session(String launchToken) throws Exception {
    HttpResponse<String> response = exchange(launchToken);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    Map<String, Object> body =
        json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    return (String) body.get("accessToken");
  }

  private HttpResponse<String> exchange(String launchToken)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/sessions"))
            .header("Authorization", "Bearer " + launchToken)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String accessToken)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .header("Authorization", "Bearer " + accessToken)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> getRecord(String accessToken, String nhsNumber)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(server.getURL() + "/api/v1/patients/" + nhsNumber + "/record"))
            .header("Authorization", "Bearer " + accessToken)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
