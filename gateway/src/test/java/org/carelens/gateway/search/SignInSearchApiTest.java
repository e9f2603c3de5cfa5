package org.carelens.gateway.search;

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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.carelens.gateway.GatewayTestClient;
import org.carelens.gateway.OnlyTheseSources;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.simulators.identity.IdentityProviderSimulator;
import org.carelens.simulators.launcher.Persona;
import org.carelens.simulators.launcher.Personas;
import org.carelens.simulators.pds.PdsSimulator;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 11 over HTTP: a user signs in with an ID token from the (simulated) CIS2 provider, gets a
 * session bound to no patient, searches the (simulated) spine by NHS number or details, and opens a
 * patient only after claiming a relationship. Searches are audited with names and postcodes masked,
 * and rate-limited per user.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInSearchApiTest implements TestPropertyProvider {

  static final String PROVIDER = "http://cis2.test";
  static final String CLIENT = "carelens-portal";
  static final String CLAIM =
      "{\"reasonCode\":\"patient-present\",\"reason\":\"Patient at the pharmacy counter\"}";

  final Population population = Population.generate(7, 3000, LocalDate.now());
  final PdsSimulator pds = new PdsSimulator(population);
  final IdentityProviderSimulator provider =
      new IdentityProviderSimulator(
          PROVIDER, URI.create("http://portal.test"), CLIENT, Clock.systemUTC());
  final TestLaunchTokens tokens = new TestLaunchTokens();
  final WireMockServer launcherJwks = new WireMockServer(options().dynamicPort());
  final HttpClient http = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  GatewayTestClient client;

  @Override
  public Map<String, String> getProperties() {
    pds.start(0);
    launcherJwks.start();
    launcherJwks.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/jwks.json")
            .willReturn(aResponse().withBody(tokens.jwksJson())));
    Map<String, String> p = new HashMap<>(OnlyTheseSources.disableOthers(Set.of("pds")));
    p.put("micronaut.server.port", "-1");
    p.put("carelens.sources.pds.url", pds.baseUrl());
    p.put("carelens.launch.issuer", TestLaunchTokens.ISSUER);
    p.put("carelens.launch.audience", TestLaunchTokens.AUDIENCE);
    p.put("carelens.launch.jwks-url", launcherJwks.baseUrl() + "/jwks.json");
    p.put("carelens.launch.issuers.cis2.issuer", PROVIDER);
    p.put("carelens.launch.issuers.cis2.jwks-url", "");
    p.put("carelens.launch.issuers.cis2.jwks", provider.publicJwkSetJson());
    // Small enough that two patients born the same day with alike names are "too many".
    p.put("carelens.search.max-results", "1");
    p.put("carelens.limits.searches-per-user", "30");
    // Windows are aligned to the epoch: a long one, so none ends while the limit test counts.
    p.put("carelens.limits.period", "1000d");
    return p;
  }

  @BeforeEach
  void client() {
    client = new GatewayTestClient(server.getURL().toString(), json);
  }

  @AfterAll
  void stop() {
    pds.stop();
    launcherJwks.stop();
  }

  @Test
  void a_signed_in_user_gets_a_session_bound_to_no_patient() throws Exception {
    HttpResponse<String> response = signIn(Personas.PHARMACIST);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    Map<String, Object> body = map(response.body());
    assertThat(body.get("nhsNumber")).isNull();
    assertThat(body.get("user").toString()).contains("pharmacist").contains("RXX01");
  }

  @Test
  void a_national_role_the_agreement_does_not_map_is_refused_with_its_code() throws Exception {
    HttpResponse<String> response = signIn(Personas.ADMINISTRATOR);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("NATIONAL_ROLE_NOT_MAPPED").contains("R1984");
  }

  @Test
  void launch_tokens_still_open_sessions_for_their_patient() throws Exception {
    String session = client.session(tokens.token("clinician", Population.SHOWCASE_NHS_NUMBER));

    assertThat(session).isNotBlank();
  }

  @Test
  void a_pharmacist_finds_a_patient_by_nhs_number_and_the_search_is_audited() throws Exception {
    String session = session(Personas.PHARMACIST);
    SyntheticPatient patient = unrestricted(0);

    HttpResponse<String> response =
        client.get("/api/v1/patients?nhsNumber=" + patient.nhsNumber().value(), session);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, Object> match = matches(response).getFirst();
    assertThat(match)
        .containsEntry("nhsNumber", patient.nhsNumber().value())
        .containsEntry("birthDate", patient.birthDate().toString())
        .containsEntry("gender", patient.gender().name().toLowerCase())
        .containsEntry("postcode", patient.address().postcode())
        .containsEntry("restricted", false)
        .containsEntry("deceased", patient.deceasedDate().isPresent())
        .containsKeys("name", "score");
    assertThat((String) match.get("name")).startsWith(patient.family().toUpperCase());
    assertThat(searchAudit(patient.nhsNumber().value()))
        .anySatisfy(
            e -> assertThat(e.get("details").toString()).contains(patient.nhsNumber().value()));
  }

  @Test
  void a_social_worker_finds_a_patient_by_name_and_date_of_birth_audited_masked() throws Exception {
    String session = session(Personas.SOCIAL_WORKER);
    SyntheticPatient patient = unrestricted(1);

    HttpResponse<String> response =
        client.get(
            "/api/v1/patients?family="
                + encode(patient.family())
                + "&given="
                + encode(patient.given())
                + "&birthdate="
                + patient.birthDate(),
            session);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(matches(response))
        .extracting(m -> m.get("nhsNumber"))
        .contains(patient.nhsNumber().value());
    List<Map<String, Object>> entries = searchAudit(patient.nhsNumber().value());
    assertThat(entries).isNotEmpty();
    String details = entries.getFirst().get("details").toString();
    assertThat(details)
        .contains(patient.birthDate().toString())
        .contains(patient.family().charAt(0) + "*")
        .doesNotContain(patient.family())
        .doesNotContain(patient.given());
  }

  @Test
  void a_restricted_patient_is_listed_without_a_postcode() throws Exception {
    String session = session(Personas.OOH_DOCTOR);
    SyntheticPatient restricted =
        population.patients().stream()
            .filter(SyntheticPatient::restricted)
            .findFirst()
            .orElseThrow();

    HttpResponse<String> response =
        client.get(
            "/api/v1/patients?family="
                + encode(restricted.family())
                + "&birthdate="
                + restricted.birthDate(),
            session);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, Object> match =
        matches(response).stream()
            .filter(m -> restricted.nhsNumber().value().equals(m.get("nhsNumber")))
            .findFirst()
            .orElseThrow();
    assertThat(match).containsEntry("restricted", true).containsEntry("postcode", null);
  }

  @Test
  void too_many_matches_is_a_clear_problem_not_a_partial_list() throws Exception {
    String session = session(Personas.OOH_DOCTOR);
    // Two patients born the same day whose family names start alike: "Xy*" matches both, one more
    // than the limit of one this test sets.
    List<SyntheticPatient> alike =
        population.patients().stream()
            .collect(
                Collectors.groupingBy(
                    p -> p.birthDate() + "/" + p.family().substring(0, 2).toLowerCase()))
            .values()
            .stream()
            .filter(group -> group.size() >= 2)
            .findFirst()
            .orElseThrow();

    HttpResponse<String> response =
        client.get(
            "/api/v1/patients?family="
                + encode(alike.getFirst().family().substring(0, 2) + "*")
                + "&birthdate="
                + alike.getFirst().birthDate(),
            session);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(response.body()).contains("TOO_MANY_MATCHES").contains("refine the search");
  }

  @Test
  void a_bad_check_digit_is_refused_before_the_spine_is_asked() throws Exception {
    String session = session(Personas.PHARMACIST);

    HttpResponse<String> response = client.get("/api/v1/patients?nhsNumber=9990000019", session);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("INVALID_NHS_NUMBER");
  }

  @Test
  void a_search_without_family_and_birth_date_is_refused() throws Exception {
    String session = session(Personas.PHARMACIST);

    HttpResponse<String> response = client.get("/api/v1/patients?family=Jones", session);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("SEARCH_CRITERIA_INSUFFICIENT");
  }

  @Test
  void an_ig_officer_may_not_search() throws Exception {
    String session = session(Personas.IG_OFFICER);

    HttpResponse<String> response =
        client.get("/api/v1/patients?nhsNumber=" + Population.SHOWCASE_NHS_NUMBER, session);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("ROLE_MAY_NOT_SEARCH");
  }

  @Test
  void a_found_patient_opens_only_after_a_relationship_claim() throws Exception {
    String session = session(Personas.PHARMACIST);
    String patient = unrestricted(2).nhsNumber().value();

    HttpResponse<String> before = client.get("/api/v1/patients/" + patient + "/record", session);
    HttpResponse<String> claimed =
        post("/api/v1/patients/" + patient + "/relationship", session, CLAIM);
    HttpResponse<String> after = client.get("/api/v1/patients/" + patient + "/record", session);

    assertThat(before.statusCode()).isEqualTo(403);
    assertThat(before.body()).contains("PATIENT_NOT_IN_SESSION").contains("signed in");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(201);
    assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
    assertThat(after.body()).contains("FLAG_FOR_IG_REVIEW");
  }

  @Test
  void signing_out_ends_the_gateway_session() throws Exception {
    String session = session(Personas.SOCIAL_WORKER);

    HttpResponse<String> ended =
        http.send(
            HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/sessions/current"))
                .header("Authorization", "Bearer " + session)
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> after =
        client.get("/api/v1/patients?nhsNumber=" + Population.SHOWCASE_NHS_NUMBER, session);

    assertThat(ended.statusCode()).isEqualTo(204);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.body()).contains("SESSION_EXPIRED");
  }

  @Test
  void searches_are_rate_limited_per_user() throws Exception {
    Persona busy =
        new Persona(
            "busy-doctor",
            "555010000777",
            "555010000778",
            "Dr",
            "Busy",
            "Bee",
            "clinician",
            "GP",
            Personas.OOH_SERVICE);
    String session = session(busy);
    String query = "/api/v1/patients?nhsNumber=" + Population.SHOWCASE_NHS_NUMBER;

    int status = 0;
    for (int i = 0; i < 31 && status != 429; i++) {
      status = client.get(query, session).statusCode();
    }

    assertThat(status).isEqualTo(429);
  }

  private SyntheticPatient unrestricted(int index) {
    return population.patients().stream()
        .filter(p -> !p.restricted())
        .skip(index * 37L)
        .findFirst()
        .orElseThrow();
  }

  private String session(Persona persona) throws Exception {
    HttpResponse<String> response = signIn(persona);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return (String) map(response.body()).get("accessToken");
  }

  private HttpResponse<String> signIn(Persona persona) throws Exception {
    String idToken = provider.mintIdToken(persona, CLIENT, "nonce-1", c -> {});
    return http.send(
        HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/sessions"))
            .header("Authorization", "Bearer " + idToken)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
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

  private List<Map<String, Object>> searchAudit(String patient) throws Exception {
    String ig = client.session(tokens.token("federation-ig", Population.SHOWCASE_NHS_NUMBER));
    HttpResponse<String> response =
        client.get("/api/v1/audit?patient=" + patient + "&event=PATIENT_SEARCH", ig);
    if (response.statusCode() == 200 && response.body().contains(patient)) {
      return json.readValue(
          response.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }
    // A demographic search names no single patient: find it among all search entries.
    HttpResponse<String> all = client.get("/api/v1/audit?event=PATIENT_SEARCH", ig);
    assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
    List<Map<String, Object>> entries =
        json.readValue(all.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    return entries.stream()
        .filter(e -> String.valueOf(e.get("details")).contains(patient))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> matches(HttpResponse<String> response) throws Exception {
    return (List<Map<String, Object>>) map(response.body()).get("matches");
  }

  private Map<String, Object> map(String body) throws Exception {
    return json.readValue(body, Argument.mapOf(String.class, Object.class));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
