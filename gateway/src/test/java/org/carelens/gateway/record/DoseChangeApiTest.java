package org.carelens.gateway.record;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carelens.gateway.OnlyTheseSources;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.simulators.acute.AcuteHospitalSimulator;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.gp.GpPracticeSimulator;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.Prescription;
import org.carelens.simulators.population.SyntheticPatient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 9, "the merge never hides a difference", over real HTTP: a {@code dose-change} patient of
 * the simulated population, the GP practice and the hospital behind their real adapters, and a
 * pharmacist's view of the record JSON.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoseChangeApiTest implements TestPropertyProvider {

  final Population population = Population.generate(42, 60);
  final SyntheticPatient patient =
      population.patients().stream()
          .filter(p -> p.scenarios().contains(SyntheticPatient.DOSE_CHANGE))
          .findFirst()
          .orElseThrow();
  final TestLaunchTokens tokens = new TestLaunchTokens();
  final WireMockServer issuer = new WireMockServer(options().dynamicPort());
  final GpPracticeSimulator gp = new GpPracticeSimulator(population);
  final AcuteHospitalSimulator acute = new AcuteHospitalSimulator(population, Fixtures.none());
  final HttpClient http = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;

  @Override
  public Map<String, String> getProperties() {
    issuer.start();
    issuer.stubFor(
        WireMock.get("/jwks.json")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(tokens.jwksJson())));
    gp.start(0);
    acute.start(0);
    Map<String, String> properties =
        new HashMap<>(OnlyTheseSources.disableOthers(Set.of("gp", "acute")));
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
            gp.baseUrl(),
            "carelens.sources.acute.url",
            acute.baseUrl()));
    return properties;
  }

  @AfterAll
  void stop() {
    issuer.stop();
    gp.stop();
    acute.close();
  }

  @Test
  void a_pharmacist_sees_both_doses_of_a_medicine_whose_dose_changed_at_discharge_with_sources()
      throws Exception {
    Prescription repeat = patient.medicationAlsoOnDischarge().orElseThrow();
    String nhs = patient.nhsNumber().value();
    String accessToken = session(tokens.token("pharmacist", nhs));

    HttpResponse<String> response = get("/api/v1/patients/" + nhs + "/record", accessToken);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode line = medicationLine(json.readValue(response.body(), JsonNode.class), repeat);
    assertThat(line.get("conflict").getBooleanValue()).isTrue();
    assertThat(sourceIds(line.get("sources"))).containsExactlyInAnyOrder("gp", "acute");
    JsonNode dose = difference(line, "dosageText");
    assertThat(sourceValues(dose))
        .containsExactlyInAnyOrder(
            "gp=" + repeat.dosageText(), "acute=" + patient.dischargeDose().orElseThrow());
    // The dose shown as the line's own is the first source's in the difference: the most recent.
    assertThat(line.get("dosageText").getStringValue())
        .isEqualTo(dose.get("values").get(0).get("value").getStringValue());
    assertThat(line.get("sources").get(0).get("id").getStringValue())
        .isEqualTo(dose.get("values").get(0).get("source").getStringValue());
    RecordView view = json.readValue(response.body(), RecordView.class);
    assertThat(view.warnings())
        .extracting(RecordView.WarningView::code)
        .contains("MEDICATION_DIFFERENCE");
  }

  @Test
  void each_source_of_the_merged_medicine_carries_its_own_type_dose_and_dates_in_the_json()
      throws Exception {
    Prescription repeat = patient.medicationAlsoOnDischarge().orElseThrow();
    String nhs = patient.nhsNumber().value();
    String accessToken = session(tokens.token("pharmacist", nhs));

    JsonNode line =
        medicationLine(
            json.readValue(
                get("/api/v1/patients/" + nhs + "/record", accessToken).body(), JsonNode.class),
            repeat);

    JsonNode gp = source(line, "gp").get("values");
    JsonNode acute = source(line, "acute").get("values");
    assertThat(gp.get("prescriptionType").getStringValue()).isEqualTo(repeat.type().name());
    assertThat(gp.get("dosageText").getStringValue()).isEqualTo(repeat.dosageText());
    assertThat(gp.get("lastIssued").getStringValue())
        .isEqualTo(repeat.lastIssueDate().orElseThrow().toString());
    assertThat(gp.get("status").getStringValue()).isEqualTo("ACTIVE");
    assertThat(acute.get("dosageText").getStringValue())
        .isEqualTo(patient.dischargeDose().orElseThrow());
    assertThat(acute.get("startDate").isNull()).isFalse();
    // Every field is sent, null where the source records none, so clients can rely on the shape.
    assertThat(acute.get("lastIssued")).isNotNull();
    assertThat(acute.get("lastIssued").isNull()).isTrue();
    assertThat(json.writeValueAsString(acute))
        .contains(
            "\"status\"",
            "\"prescriptionType\"",
            "\"dosageText\"",
            "\"quantityText\"",
            "\"startDate\"",
            "\"endDate\"",
            "\"lastIssued\"",
            "\"discontinuationReason\"");
  }

  private static JsonNode source(JsonNode item, String id) {
    for (JsonNode s : item.get("sources").values()) {
      if (s.get("id").getStringValue().equals(id)) {
        return s;
      }
    }
    throw new AssertionError("no source " + id + " in " + item);
  }

  @Test
  void every_item_of_every_section_carries_a_differences_list_empty_when_sources_agree()
      throws Exception {
    String nhs = patient.nhsNumber().value();
    String accessToken = session(tokens.token("clinician", nhs));

    JsonNode sections =
        json.readValue(
                get("/api/v1/patients/" + nhs + "/record", accessToken).body(), JsonNode.class)
            .get("sections");

    List<JsonNode> items = new ArrayList<>();
    for (String key : List.of("allergies", "medications", "problems", "encounters", "results")) {
      sections.get(key).get("items").values().forEach(items::add);
    }
    assertThat(items).isNotEmpty();
    assertThat(items).allSatisfy(i -> assertThat(i.get("differences").isArray()).isTrue());
    assertThat(items)
        .filteredOn(i -> !i.get("conflict").getBooleanValue())
        .allSatisfy(i -> assertThat(i.get("differences").size()).isZero());
  }

  private static JsonNode medicationLine(JsonNode record, Prescription repeat) {
    List<JsonNode> lines = new ArrayList<>();
    record
        .get("sections")
        .get("medications")
        .get("items")
        .values()
        .forEach(
            m -> {
              if (m.get("concept").get("code").getStringValue().equals(repeat.medicine().code())
                  && m.get("status").getStringValue().equals("ACTIVE")) {
                lines.add(m);
              }
            });
    assertThat(lines).as("one merged line for %s", repeat.medicine().display()).hasSize(1);
    return lines.getFirst();
  }

  private static JsonNode difference(JsonNode item, String field) {
    for (JsonNode d : item.get("differences").values()) {
      if (d.get("field").getStringValue().equals(field)) {
        return d;
      }
    }
    throw new AssertionError("no difference on " + field + " in " + item);
  }

  private static List<String> sourceValues(JsonNode difference) {
    List<String> values = new ArrayList<>();
    difference
        .get("values")
        .values()
        .forEach(
            v ->
                values.add(
                    v.get("source").getStringValue() + "=" + v.get("value").getStringValue()));
    return values;
  }

  private static List<String> sourceIds(JsonNode sources) {
    List<String> ids = new ArrayList<>();
    sources.values().forEach(s -> ids.add(s.get("id").getStringValue()));
    return ids;
  }

  private String session(String launchToken) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/sessions"))
                .header("Authorization", "Bearer " + launchToken)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return (String)
        json.readValue(response.body(), Argument.mapOf(String.class, Object.class))
            .get("accessToken");
  }

  private HttpResponse<String> get(String path, String accessToken) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .header("Authorization", "Bearer " + accessToken)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
