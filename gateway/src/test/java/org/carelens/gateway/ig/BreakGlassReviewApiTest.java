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
import java.util.HashMap;
import java.util.List;
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
 * The IG officer's break-glass review queue over HTTP: declarations appear as open, an
 * acknowledgement is an audit entry of its own naming the declaration, and the chain still
 * verifies. Each test uses its own patient, since the trail is shared by the context.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BreakGlassReviewApiTest implements TestPropertyProvider {

  static final String QUEUE = "/api/v1/audit/break-glass";

  final TestLaunchTokens tokens = new TestLaunchTokens();
  final WireMockServer issuer = new WireMockServer(options().dynamicPort());
  final Population population = Population.generate(42, 60);
  final GpPracticeSimulator gp = new GpPracticeSimulator(population);
  final HttpClient http = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  GatewayTestClient client;

  @Override
  public Map<String, String> getProperties() {
    issuer.start();
    issuer.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/jwks.json")
            .willReturn(aResponse().withBody(tokens.jwksJson())));
    gp.start(0);
    Map<String, String> p = new HashMap<>(OnlyTheseSources.disableOthers(Set.of("gp")));
    p.put("micronaut.server.port", "-1");
    p.put("carelens.launch.issuer", TestLaunchTokens.ISSUER);
    p.put("carelens.launch.audience", TestLaunchTokens.AUDIENCE);
    p.put("carelens.launch.jwks-url", issuer.baseUrl() + "/jwks.json");
    p.put("carelens.sources.gp.url", gp.baseUrl());
    return p;
  }

  @BeforeEach
  void client() {
    client = new GatewayTestClient(server.getURL().toString(), json);
  }

  @AfterAll
  void stop() {
    issuer.stop();
    gp.stop();
  }

  @Test
  void a_break_glass_is_open_on_the_queue_with_who_where_which_patient_why_and_when()
      throws Exception {
    String patient = patient(1);
    breakGlass(patient, "Brought in unconscious");
    String ig = igSession();

    List<Map<String, Object>> open = list(client.get(QUEUE + "?status=open", ig));

    assertThat(forPatient(open, patient))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item)
                  .containsEntry("status", "open")
                  .containsEntry("userId", "555000111222")
                  .containsEntry("userName", "Dr Amira Khan")
                  .containsEntry("role", "clinician")
                  .containsEntry("organisation", "Y03012")
                  .containsEntry("reason", "Immediate risk to life")
                  .containsEntry("detail", "Brought in unconscious")
                  .containsKeys("sequence", "time", "expiresAt");
              assertThat(item.get("acknowledgement")).isNull();
            });
    assertThat(forPatient(list(client.get(QUEUE + "?status=acknowledged", ig)), patient)).isEmpty();
  }

  @Test
  void acknowledging_appends_an_entry_naming_the_break_glass_and_moves_it_off_the_open_queue()
      throws Exception {
    String patient = patient(2);
    breakGlass(patient, "Anaphylaxis in the waiting room");
    String ig = igSession();
    long sequence = sequenceOf(patient, ig);
    Map<String, Object> before = entry(patient, "BREAK_GLASS", ig);

    HttpResponse<String> acknowledged =
        post(QUEUE + "/" + sequence + "/acknowledge", ig, "{\"note\":\"Justified: ED notes\"}");

    assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(201);
    assertThat(map(acknowledged.body())).containsEntry("status", "acknowledged");
    assertThat(forPatient(list(client.get(QUEUE, ig)), patient)).isEmpty();
    assertThat(forPatient(list(client.get(QUEUE + "?status=acknowledged", ig)), patient))
        .singleElement()
        .satisfies(
            item ->
                assertThat(item.get("acknowledgement").toString())
                    .contains("Justified: ED notes")
                    .contains("ig-user"));
    Map<String, Object> ack = entry(patient, "BREAK_GLASS_ACKNOWLEDGED", ig);
    assertThat(ack.get("details").toString()).contains("breakGlassSequence=" + sequence);
    assertThat(ack.get("userId")).isEqualTo("ig-user");
    assertThat(entry(patient, "BREAK_GLASS", ig)).isEqualTo(before);
    assertThat(client.get("/api/v1/audit/verify", ig).body()).contains("\"valid\":true");
  }

  @Test
  void a_second_acknowledgement_an_unknown_entry_and_a_blank_note_are_refused() throws Exception {
    String patient = patient(3);
    breakGlass(patient, "Overdose, history needed");
    String ig = igSession();
    long sequence = sequenceOf(patient, ig);
    post(QUEUE + "/" + sequence + "/acknowledge", ig, "{\"note\":\"Reviewed\"}");

    HttpResponse<String> again =
        post(QUEUE + "/" + sequence + "/acknowledge", ig, "{\"note\":\"Reviewed twice\"}");
    HttpResponse<String> notBreakGlass =
        post(QUEUE + "/" + (sequence - 1) + "/acknowledge", ig, "{\"note\":\"Reviewed\"}");
    HttpResponse<String> blank =
        post(QUEUE + "/" + sequence + "/acknowledge", ig, "{\"note\":\" \"}");

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("BREAK_GLASS_ALREADY_ACKNOWLEDGED");
    assertThat(notBreakGlass.statusCode()).isEqualTo(404);
    assertThat(notBreakGlass.body()).contains("BREAK_GLASS_NOT_FOUND");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(audit(patient, "BREAK_GLASS_ACKNOWLEDGED", ig)).hasSize(1);
  }

  @Test
  void only_ig_officers_may_read_or_acknowledge_the_queue() throws Exception {
    String patient = patient(4);
    String clinician = breakGlass(patient, "Collapsed at home");
    long sequence = sequenceOf(patient, igSession());

    HttpResponse<String> read = client.get(QUEUE, clinician);
    HttpResponse<String> acknowledge =
        post(QUEUE + "/" + sequence + "/acknowledge", clinician, "{\"note\":\"Fine by me\"}");

    assertThat(read.statusCode()).isEqualTo(403);
    assertThat(acknowledge.statusCode()).isEqualTo(403);
    assertThat(acknowledge.body()).contains("ROLE_NOT_PERMITTED");
  }

  @Test
  void two_officers_acknowledging_at_once_append_one_acknowledgement() throws Exception {
    String patient = patient(5);
    breakGlass(patient, "Found on the floor at home");
    String first = igSession();
    String second = igSession();
    long sequence = sequenceOf(patient, first);
    String path = QUEUE + "/" + sequence + "/acknowledge";

    List<Integer> statuses;
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
      var a = pool.submit(() -> post(path, first, "{\"note\":\"Officer one\"}").statusCode());
      var b = pool.submit(() -> post(path, second, "{\"note\":\"Officer two\"}").statusCode());
      statuses = List.of(a.get(), b.get());
    }

    assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    assertThat(audit(patient, "BREAK_GLASS_ACKNOWLEDGED", first)).hasSize(1);
  }

  /** Declares break-glass as a clinician launched for {@code patient}; returns that session. */
  private String breakGlass(String patient, String detail) throws Exception {
    String session = client.session(tokens.token("clinician", patient));
    HttpResponse<String> declared =
        post(
            "/api/v1/patients/" + patient + "/break-glass",
            session,
            "{\"reason\":\"Immediate risk to life\",\"detail\":\"" + detail + "\"}");
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
    return session;
  }

  private String igSession() throws Exception {
    return client.session(
        tokens.token(
            "ig-officer",
            Population.SHOWCASE_NHS_NUMBER,
            c -> c.subject("ig-user").claim("requesting_practitioner", igPractitioner())));
  }

  private static Map<String, Object> igPractitioner() {
    return Map.of(
        "resourceType",
        "Practitioner",
        "id",
        "ig-user",
        "identifier",
        List.of(Map.of("system", "https://fhir.nhs.uk/Id/sds-user-id", "value", "ig-user")),
        "name",
        List.of(Map.of("family", "Carter", "given", List.of("Helen"))),
        "role",
        "ig-officer");
  }

  private long sequenceOf(String patient, String ig) throws Exception {
    return ((Number) entry(patient, "BREAK_GLASS", ig).get("sequence")).longValue();
  }

  private Map<String, Object> entry(String patient, String event, String ig) throws Exception {
    List<Map<String, Object>> entries = audit(patient, event, ig);
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  private List<Map<String, Object>> audit(String patient, String event, String ig)
      throws Exception {
    return list(client.get("/api/v1/audit?patient=" + patient + "&event=" + event, ig));
  }

  private static List<Map<String, Object>> forPatient(
      List<Map<String, Object>> items, String patient) {
    return items.stream().filter(i -> patient.equals(i.get("patient"))).toList();
  }

  private String patient(int n) {
    return population.patients().get(n).nhsNumber().value();
  }

  private List<Map<String, Object>> list(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readValue(
        response.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
  }

  private Map<String, Object> map(String body) throws Exception {
    return json.readValue(body, Argument.mapOf(String.class, Object.class));
  }

  private HttpResponse<String> post(String path, String session, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .header("Authorization", "Bearer " + session)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
