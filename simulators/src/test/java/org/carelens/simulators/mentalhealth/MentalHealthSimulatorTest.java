package org.carelens.simulators.mentalhealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MentalHealthSimulatorTest {

  private static final Population POPULATION =
      Population.generate(42, 400, LocalDate.of(2026, 11, 22));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static MentalHealthSimulator trust;

  @BeforeAll
  static void start() {
    trust = new MentalHealthSimulator(POPULATION).start(0);
  }

  @AfterAll
  static void stop() {
    trust.stop();
  }

  @Test
  void showcase_summary_names_the_care_coordinator_cpa_risks_diagnoses_contacts_and_notes()
      throws Exception {
    HttpResponse<String> response = get(trust, Population.SHOWCASE_NHS_NUMBER, true);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
    assertThat(response.body())
        .contains("<ClientSummary xmlns=\"urn:riverside-mh:rio:api:v2\"")
        .contains("<Provider odsCode=\"RXY\">Riverside Mental Health NHS Foundation Trust")
        .contains("<NhsNumber>9990000018</NhsNumber>")
        .contains("<CareCoordinator staffId=")
        .contains("<CareProgrammeApproach status=\"CPA\"")
        .contains("category=\"SUICIDE\"")
        .contains("code=\"F33.1\"")
        .contains("code=\"370143000\"")
        .contains("<Contact id=")
        .contains("sensitive=\"true\"");
  }

  @Test
  void the_same_seed_gives_the_same_summary() throws Exception {
    MentalHealthSimulator twin =
        new MentalHealthSimulator(Population.generate(42, 400, LocalDate.of(2026, 11, 22)))
            .start(0);
    try {
      assertThat(get(twin, Population.SHOWCASE_NHS_NUMBER, true).body())
          .isEqualTo(get(trust, Population.SHOWCASE_NHS_NUMBER, true).body());
    } finally {
      twin.stop();
    }
  }

  @Test
  void a_patient_unknown_to_the_trust_is_404_with_an_xml_error() throws Exception {
    SyntheticPatient unknown =
        POPULATION.patients().stream()
            .filter(p -> !MentalHealthRecords.knownToMentalHealth(POPULATION, p.nhsNumber()))
            .findFirst()
            .orElseThrow();

    HttpResponse<String> response = get(trust, unknown.nhsNumber().value(), true);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("<Code>CLIENT_NOT_FOUND</Code>");
    assertThat(response.body()).doesNotContain(unknown.nhsNumber().value());
  }

  @Test
  void a_request_without_the_api_key_is_401() throws Exception {
    HttpResponse<String> response = get(trust, Population.SHOWCASE_NHS_NUMBER, false);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("<Code>UNAUTHORISED</Code>");
  }

  @Test
  void an_invalid_nhs_number_is_400() throws Exception {
    HttpResponse<String> response = get(trust, "1234567890", true);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>INVALID_NHS_NUMBER</Code>");
  }

  @Test
  void about_fifteen_percent_of_patients_are_known_to_the_trust() {
    long known =
        POPULATION.patients().stream()
            .filter(p -> MentalHealthRecords.knownToMentalHealth(POPULATION, p.nhsNumber()))
            .count();

    assertThat(known).isBetween(30L, 95L);
  }

  @Test
  void a_client_who_refused_sharing_is_403() throws Exception {
    SyntheticPatient refused =
        POPULATION.patients().stream()
            .filter(
                p -> MentalHealthRecords.sharingRefusedAtMentalHealth(POPULATION, p.nhsNumber()))
            .findFirst()
            .orElseThrow();

    HttpResponse<String> response = get(trust, refused.nhsNumber().value(), true);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("<Code>SHARING_REFUSED</Code>");
  }

  @Test
  void a_fixture_replaces_the_summary_verbatim(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("mental-health"));
    Files.writeString(
        dir.resolve("mental-health").resolve(Population.SHOWCASE_NHS_NUMBER + ".xml"),
        "<not-quite-xml");
    MentalHealthSimulator replaying =
        new MentalHealthSimulator(POPULATION, Fixtures.from(dir)).start(0);
    try {
      HttpResponse<String> response = get(replaying, Population.SHOWCASE_NHS_NUMBER, true);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("<not-quite-xml");
    } finally {
      replaying.stop();
    }
  }

  @Test
  void known_to_mental_health_is_false_for_numbers_outside_the_population() {
    assertThat(MentalHealthRecords.knownToMentalHealth(POPULATION, NhsNumber.parse("9434765919")))
        .isFalse();
  }

  private static HttpResponse<String> get(MentalHealthSimulator sim, String nhs, boolean withKey)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            URI.create(sim.baseUrl() + "/rio/api/v2/clients/" + nhs + "/summary"));
    if (withKey) {
      request.header(MentalHealthSimulator.API_KEY_HEADER, MentalHealthSimulator.DEFAULT_API_KEY);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
