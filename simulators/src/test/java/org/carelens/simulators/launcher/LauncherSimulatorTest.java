package org.carelens.simulators.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LauncherSimulatorTest {

  private static final Instant NOW = Instant.parse("2026-11-22T09:30:00Z");
  private static final Population POPULATION =
      Population.generate(42, 60, LocalDate.of(2026, 11, 22));
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LauncherSimulator launcher;

  @BeforeAll
  static void start() {
    launcher =
        new LauncherSimulator(
                POPULATION,
                new LauncherConfig(
                    "http://launcher.test", "carelens-gateway", URI.create("http://portal.test")),
                Clock.fixed(NOW, ZoneOffset.UTC))
            .start(0);
  }

  @AfterAll
  static void stop() {
    launcher.stop();
  }

  @Test
  void a_token_minted_over_http_verifies_against_the_published_jwks() throws Exception {
    String token = tokenFromApi("ooh-doctor", Population.SHOWCASE_NHS_NUMBER);

    SignedJWT jwt = SignedJWT.parse(token);
    JWKSet jwks = JWKSet.parse(get(launcher.jwksUrl()).body());
    RSAKey key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
    assertThat(key.isPrivate()).isFalse();
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.getHeader().getType().getType()).isEqualTo("carelens-launch+jwt");
  }

  @Test
  void the_token_carries_the_gp_connect_claim_set_for_the_persona_and_patient() throws Exception {
    JWTClaimsSet claims =
        SignedJWT.parse(tokenFromApi("ooh-doctor", Population.SHOWCASE_NHS_NUMBER))
            .getJWTClaimsSet();

    assertThat(claims.getIssuer()).isEqualTo("http://launcher.test");
    assertThat(claims.getSubject()).isEqualTo("555010000101");
    assertThat(claims.getAudience()).containsExactly("carelens-gateway");
    assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
    assertThat(claims.getNotBeforeTime()).isEqualTo(Date.from(NOW));
    assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plusSeconds(300)));
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getStringClaim("reason_for_request")).isEqualTo("directcare");
    assertThat(claims.getStringClaim("requested_scope")).isEqualTo("patient/*.read");
    assertThat(JSON.<JsonNode>valueToTree(claims.getJSONObjectClaim("requested_record")))
        .isEqualTo(
            JSON.readTree(
                """
                {"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9990000018"}]}
                """));
    JsonNode practitioner = JSON.valueToTree(claims.getJSONObjectClaim("requesting_practitioner"));
    assertThat(practitioner.at("/role").asText()).isEqualTo("clinician");
    assertThat(practitioner.at("/name/0/family").asText()).isEqualTo("Khan");
    assertThat(practitioner.at("/identifier/0/system").asText())
        .isEqualTo("https://fhir.nhs.uk/Id/sds-user-id");
    JsonNode organization = JSON.valueToTree(claims.getJSONObjectClaim("requesting_organization"));
    assertThat(organization.at("/identifier/0/value").asText()).isEqualTo("Y03012");
    assertThat(organization.at("/type").asText()).isEqualTo("out-of-hours");
    JsonNode device = JSON.valueToTree(claims.getJSONObjectClaim("requesting_device"));
    assertThat(device.at("/identifier/0/value").asText()).isEqualTo("ooh-launcher");
  }

  @Test
  void each_persona_carries_its_own_role_and_organisation() throws Exception {
    JWTClaimsSet claims =
        SignedJWT.parse(launcher.mintToken("social-worker", Population.SHOWCASE_NHS_NUMBER))
            .getJWTClaimsSet();

    assertThat(
            JSON.valueToTree(claims.getJSONObjectClaim("requesting_practitioner"))
                .at("/role")
                .asText())
        .isEqualTo("social-worker");
    assertThat(
            JSON.valueToTree(claims.getJSONObjectClaim("requesting_organization"))
                .at("/identifier/0/value")
                .asText())
        .isEqualTo("LA001");
  }

  @Test
  void tests_can_override_claims_such_as_the_expiry() throws Exception {
    Date past = Date.from(NOW.minusSeconds(60));

    String token =
        launcher.mintToken(
            "pharmacist", Population.SHOWCASE_NHS_NUMBER, claims -> claims.expirationTime(past));

    assertThat(SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime()).isEqualTo(past);
  }

  @Test
  void the_personas_have_the_agreed_ids_and_roles() {
    assertThat(Personas.ALL)
        .extracting(Persona::id, Persona::role)
        .containsExactly(
            tuple("ooh-doctor", "clinician"),
            tuple("pharmacist", "pharmacist"),
            tuple("social-worker", "social-worker"),
            tuple("ig-officer", "ig-officer"),
            tuple("federation-ig", "federation-ig"),
            tuple("administrator", "administrator"));
  }

  @Test
  void an_unknown_persona_is_a_400_problem() throws Exception {
    HttpResponse<String> response = postToken("surgeon", Population.SHOWCASE_NHS_NUMBER);

    assertProblem(response, 400, "Unknown persona");
  }

  @Test
  void an_invalid_nhs_number_is_a_400_problem_saying_what_was_wrong() throws Exception {
    HttpResponse<String> response = postToken("ooh-doctor", "9990000019");

    JsonNode problem = assertProblem(response, 400, "Invalid NHS number");
    assertThat(problem.get("detail").asText())
        .isEqualTo(
            "NHS number '9990000019' fails the Modulus 11 check: check digit is 9, expected 8");
  }

  @Test
  void a_patient_outside_the_population_is_a_404_problem() throws Exception {
    HttpResponse<String> response = postToken("ooh-doctor", "9434765919");

    assertProblem(response, 404, "Patient not found");
  }

  @Test
  void a_body_that_is_not_json_is_a_400_problem() throws Exception {
    HttpResponse<String> response = post("/api/launch-token", "application/json", "persona=x");

    assertProblem(response, 400, "Invalid request");
  }

  @Test
  void the_patient_list_has_every_patient_with_cui_names() throws Exception {
    JsonNode patients = JSON.readTree(get(launcher.baseUrl() + "/api/patients").body());

    assertThat(patients).hasSize(POPULATION.patients().size());
    assertThat(patients.get(0))
        .isEqualTo(
            JSON.readTree(
                """
                {"nhsNumber":"9990000018","name":"JONES, Margaret (Mrs)","family":"Jones",
                 "given":"Margaret","title":"Mrs","birthDate":"1950-03-12","gender":"female",
                 "practiceOds":"A81001",
                 "scenarios":["duplicate-medication"],"knownTo":["pds","gp"]}
                """));
  }

  @Test
  void the_case_list_shows_the_showcase_patient_with_a_launch_button_per_persona()
      throws Exception {
    String html = get(launcher.baseUrl() + "/").body();

    assertThat(html)
        .contains("<title>Carelens Out-of-Hours — case list</title>")
        .contains("JONES, Margaret (Mrs)", "999 000 0018", "12-Mar-1950")
        .contains("Open shared record as Dr Amira Khan (ooh-doctor)")
        .contains("data-persona=\"ig-officer\" data-nhs-number=\"9990000018\"")
        .contains("<input type=\"hidden\" name=\"system\" value=\"out-of-hours\">")
        .doesNotContain("data-persona=\"community-pharmacist\"");
  }

  @Test
  void launching_from_the_case_list_posts_a_fresh_token_to_the_portal() throws Exception {
    HttpResponse<String> response =
        post(
            "/launch",
            "application/x-www-form-urlencoded",
            "persona=pharmacist&nhsNumber=9990000018");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("action=\"http://portal.test/launch\"")
        .contains("<button type=\"submit\">Continue to Carelens</button>");
    String token = response.body().replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
    assertThat(SignedJWT.parse(token).getJWTClaimsSet().getSubject()).isEqualTo("555010000102");
  }

  @Test
  void the_community_pharmacy_system_signs_with_its_own_issuer_and_key() throws Exception {
    String token = tokenFromApi("community-pharmacist", Population.SHOWCASE_NHS_NUMBER);

    SignedJWT jwt = SignedJWT.parse(token);
    JWKSet pharmacyKeys = JWKSet.parse(get(launcher.jwksUrl("community-pharmacy")).body());
    JWKSet oohKeys = JWKSet.parse(get(launcher.jwksUrl()).body());
    assertThat(launcher.jwksUrl("community-pharmacy"))
        .isEqualTo(launcher.baseUrl() + "/pharmacy-system/.well-known/jwks.json");
    assertThat(jwt.verify(new RSASSAVerifier(pharmacyKeys.getKeys().getFirst().toRSAKey())))
        .isTrue();
    assertThat(jwt.verify(new RSASSAVerifier(oohKeys.getKeys().getFirst().toRSAKey()))).isFalse();
    assertThat(oohKeys.getKeyByKeyId(jwt.getHeader().getKeyID())).isNull();
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("http://launcher.test/pharmacy-system");
    JsonNode organization = JSON.valueToTree(claims.getJSONObjectClaim("requesting_organization"));
    assertThat(organization.at("/identifier/0/value").asText()).isEqualTo("FA123");
    assertThat(organization.at("/type").asText()).isEqualTo("community-pharmacy");
    assertThat(
            JSON.valueToTree(claims.getJSONObjectClaim("requesting_practitioner"))
                .at("/role")
                .asText())
        .isEqualTo("pharmacist");
    assertThat(
            JSON.valueToTree(claims.getJSONObjectClaim("requesting_device"))
                .at("/identifier/0/value")
                .asText())
        .isEqualTo("pharmacy-launcher");
  }

  @Test
  void the_launching_systems_are_listed_with_their_issuers_and_jwks() throws Exception {
    JsonNode systems = JSON.readTree(get(launcher.baseUrl() + "/api/systems").body());

    assertThat(systems)
        .extracting(
            s -> s.get("id").asText(),
            s -> s.get("issuer").asText(),
            s -> s.get("jwksUrl").asText())
        .containsExactly(
            tuple(
                "out-of-hours",
                "http://launcher.test",
                launcher.baseUrl() + "/.well-known/jwks.json"),
            tuple(
                "community-pharmacy",
                "http://launcher.test/pharmacy-system",
                launcher.baseUrl() + "/pharmacy-system/.well-known/jwks.json"));
    assertThat(systems.get(1).get("personas").toString()).isEqualTo("[\"community-pharmacist\"]");
  }

  @Test
  void the_case_list_lets_you_choose_the_launching_system() throws Exception {
    String html = get(launcher.baseUrl() + "/?system=community-pharmacy").body();

    assertThat(html)
        .contains("<title>Riverside Community Pharmacy system — case list</title>")
        .contains("as issuer <code>http://launcher.test/pharmacy-system</code>")
        .contains("<a href=\"/?system=out-of-hours\" data-system=\"out-of-hours\">")
        .contains(
            "<a href=\"/?system=community-pharmacy\" data-system=\"community-pharmacy\""
                + " aria-current=\"page\">")
        .contains("<input type=\"hidden\" name=\"system\" value=\"community-pharmacy\">")
        .contains("data-persona=\"community-pharmacist\" data-nhs-number=\"9990000018\"")
        .doesNotContain("data-persona=\"ooh-doctor\"");
  }

  @Test
  void launching_from_the_pharmacy_case_list_hands_over_a_pharmacy_system_token() throws Exception {
    HttpResponse<String> response =
        post(
            "/launch",
            "application/x-www-form-urlencoded",
            "system=community-pharmacy&persona=community-pharmacist&nhsNumber=9990000018");

    assertThat(response.statusCode()).isEqualTo(200);
    String token = response.body().replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
    assertThat(SignedJWT.parse(token).getJWTClaimsSet().getIssuer())
        .isEqualTo("http://launcher.test/pharmacy-system");
  }

  @Test
  void a_persona_of_another_system_is_a_400_problem() throws Exception {
    HttpResponse<String> response =
        post(
            "/api/launch-token",
            "application/json",
            JSON.writeValueAsString(
                Map.of(
                    "system",
                    "community-pharmacy",
                    "persona",
                    "ooh-doctor",
                    "nhsNumber",
                    Population.SHOWCASE_NHS_NUMBER)));

    JsonNode problem = assertProblem(response, 400, "Unknown persona");
    assertThat(problem.get("detail").asText())
        .isEqualTo(
            "persona 'ooh-doctor' is not a user of Riverside Community Pharmacy system;"
                + " its users are [community-pharmacist]");
  }

  @Test
  void an_unknown_launching_system_is_a_400_problem() throws Exception {
    HttpResponse<String> response =
        post(
            "/api/launch-token",
            "application/json",
            JSON.writeValueAsString(
                Map.of(
                    "system",
                    "hospital",
                    "persona",
                    "ooh-doctor",
                    "nhsNumber",
                    Population.SHOWCASE_NHS_NUMBER)));

    assertProblem(response, 400, "Unknown launching system");
  }

  @Test
  void the_case_list_of_an_unknown_system_is_a_404_page() throws Exception {
    HttpResponse<String> response = get(launcher.baseUrl() + "/?system=hospital");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("<h1>Unknown launching system</h1>");
  }

  private static String tokenFromApi(String persona, String nhsNumber) throws Exception {
    HttpResponse<String> response = postToken(persona, nhsNumber);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("token").asText();
  }

  private static HttpResponse<String> postToken(String persona, String nhsNumber) throws Exception {
    return post(
        "/api/launch-token",
        "application/json",
        JSON.writeValueAsString(Map.of("persona", persona, "nhsNumber", nhsNumber)));
  }

  private static HttpResponse<String> post(String path, String contentType, String body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(launcher.baseUrl() + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode assertProblem(HttpResponse<String> response, int status, String title)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isEqualTo(title);
    assertThat(problem.get("type").asText()).startsWith("https://carelens.org/problems/");
    assertThat(problem.get("detail").asText()).isNotBlank();
    return problem;
  }
}
