package org.carelens.simulators.socialcare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocialCareSimulatorTest {

  private static final Population POPULATION =
      Population.generate(42, 400, LocalDate.of(2026, 11, 22));
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
  private SocialCareSimulator council;

  @BeforeEach
  void start() {
    council = new SocialCareSimulator(POPULATION, Fixtures.none(), clock).start(0);
  }

  @AfterEach
  void stop() {
    council.stop();
  }

  @Test
  void client_credentials_grant_issues_a_bearer_token_for_five_minutes() throws Exception {
    HttpResponse<String> response =
        token(SocialCareSimulator.DEFAULT_CLIENT_ID, SocialCareSimulator.DEFAULT_CLIENT_SECRET);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(300);
    assertThat(body.get("access_token").asText()).isNotBlank();
  }

  @Test
  void wrong_client_credentials_are_401_invalid_client() throws Exception {
    HttpResponse<String> response = token(SocialCareSimulator.DEFAULT_CLIENT_ID, "wrong");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void resources_without_a_bearer_token_are_401() throws Exception {
    HttpResponse<String> response = get("/api/v1/people?nhsNumber=9990000018", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @Test
  void an_expired_token_is_refused() throws Exception {
    String token = accessToken();
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));

    HttpResponse<String> response = get("/api/v1/people?nhsNumber=9990000018", token);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void the_showcase_person_has_involvements_packages_and_a_safeguarding_flag() throws Exception {
    String token = accessToken();
    String id = personId(token, Population.SHOWCASE_NHS_NUMBER);

    JsonNode involvements = body(get("/api/v1/people/" + id + "/involvements", token));
    JsonNode packages = body(get("/api/v1/people/" + id + "/care-packages", token));
    JsonNode safeguarding = body(get("/api/v1/people/" + id + "/safeguarding", token));

    assertThat(involvements.get("content")).hasSize(2);
    assertThat(involvements.at("/content/0/keyWorker/role/code").asText()).isEqualTo("106328005");
    assertThat(involvements.at("/content/0/keyWorker/phone").asText()).startsWith("0113 496 0");
    assertThat(packages.get("content")).hasSize(3);
    assertThat(packages.at("/content/0/type/code").asText()).isEqualTo("HOME_CARE");
    assertThat(safeguarding.at("/content/0/status").asText()).isEqualTo("OPEN");
    assertThat(safeguarding.at("/content/0/detail").asText()).isNotBlank();
  }

  @Test
  void pages_link_to_the_next_page_until_the_last() throws Exception {
    String token = accessToken();
    String id = personId(token, Population.SHOWCASE_NHS_NUMBER);

    JsonNode first = body(get("/api/v1/people/" + id + "/care-packages?page=0&size=2", token));
    JsonNode last = body(get(first.at("/_links/next").asText(), token));

    assertThat(first.get("totalPages").asInt()).isEqualTo(2);
    assertThat(first.get("content")).hasSize(2);
    assertThat(last.get("page").asInt()).isEqualTo(1);
    assertThat(last.get("content")).hasSize(1);
    assertThat(last.path("_links").has("next")).isFalse();
  }

  @Test
  void a_person_unknown_to_the_council_is_an_empty_search() throws Exception {
    SyntheticPatient unknown =
        POPULATION.patients().stream()
            .filter(p -> !SocialCareRecords.knownToSocialCare(POPULATION, p.nhsNumber()))
            .findFirst()
            .orElseThrow();

    JsonNode search =
        body(get("/api/v1/people?nhsNumber=" + unknown.nhsNumber().value(), accessToken()));

    assertThat(search.get("content")).isEmpty();
  }

  @Test
  void about_a_quarter_of_patients_are_known_to_the_council() {
    long known =
        POPULATION.patients().stream()
            .filter(p -> SocialCareRecords.knownToSocialCare(POPULATION, p.nhsNumber()))
            .count();

    assertThat(known).isBetween(60L, 140L);
  }

  @Test
  void a_fixture_replaces_the_persons_whole_document(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("social-care"));
    Files.writeString(
        dir.resolve("social-care").resolve(Population.SHOWCASE_NHS_NUMBER + ".json"),
        """
        {"person": {"id": "FIX-1", "nhsNumber": "9990000018"},
         "involvements": [], "carePackages": [{"id": "CP-9"}], "safeguarding": []}
        """);
    council.stop();
    council = new SocialCareSimulator(POPULATION, Fixtures.from(dir), clock).start(0);
    String token = accessToken();

    String id = personId(token, Population.SHOWCASE_NHS_NUMBER);
    JsonNode packages = body(get("/api/v1/people/" + id + "/care-packages", token));

    assertThat(id).isEqualTo("FIX-1");
    assertThat(packages.at("/content/0/id").asText()).isEqualTo("CP-9");
  }

  private String accessToken() throws Exception {
    return JSON.readTree(
            token(SocialCareSimulator.DEFAULT_CLIENT_ID, SocialCareSimulator.DEFAULT_CLIENT_SECRET)
                .body())
        .get("access_token")
        .asText();
  }

  private String personId(String token, String nhs) throws Exception {
    return body(get("/api/v1/people?nhsNumber=" + nhs, token)).at("/content/0/id").asText();
  }

  private HttpResponse<String> token(String id, String secret)
      throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(council.baseUrl() + "/oauth/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(council.baseUrl() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode body(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** A clock the test moves by hand, so token expiry needs no sleeping. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
