package org.carelens.simulators.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.Prescription;
import org.carelens.simulators.population.SyntheticPatient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CommunityPharmacySimulatorTest {

  private static final Population POPULATION =
      Population.generate(42, 200, LocalDate.of(2026, 11, 22));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static CommunityPharmacySimulator pharmacy;

  @BeforeAll
  static void start() {
    pharmacy = new CommunityPharmacySimulator(POPULATION, Fixtures.none()).start(0);
  }

  @AfterAll
  static void stop() {
    pharmacy.stop();
  }

  @Test
  void the_showcase_patient_has_her_amlodipine_dispensed_every_28_days() throws Exception {
    HttpResponse<String> response = get(Population.SHOWCASE_NHS_NUMBER);

    JsonNode body = JSON.readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.at("/pharmacy/odsCode").asText()).isEqualTo("FA123");
    assertThat(body.get("dispensed")).hasSize(3);
    assertThat(body.at("/dispensed/0/medication/name").asText()).contains("Amlodipine");
  }

  @Test
  void only_current_prescriptions_are_dispensed_and_about_three_in_five_are_known() {
    long withCurrent =
        POPULATION.patients().stream()
            .filter(
                p ->
                    p.prescriptions().stream()
                        .anyMatch(r -> r.status() == Prescription.Status.ACTIVE))
            .count();
    long known =
        POPULATION.patients().stream()
            .filter(p -> DispensingRecords.knownToPharmacy(POPULATION, p.nhsNumber()))
            .count();

    assertThat(known).isBetween(withCurrent * 4 / 10, withCurrent * 8 / 10);
  }

  @Test
  void a_patient_the_pharmacy_does_not_know_is_not_found() throws Exception {
    SyntheticPatient unknown =
        POPULATION.patients().stream()
            .filter(p -> !DispensingRecords.knownToPharmacy(POPULATION, p.nhsNumber()))
            .findFirst()
            .orElseThrow();

    HttpResponse<String> response = get(unknown.nhsNumber().value());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("PATIENT_NOT_FOUND");
  }

  private static HttpResponse<String> get(String nhs) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(pharmacy.baseUrl() + "/api/v1/patients/" + nhs + "/dispensing"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
