package org.carelens.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.launcher.LauncherConfig;
import org.carelens.simulators.launcher.LauncherSimulator;
import org.carelens.simulators.launcher.PatientTags;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;
import org.junit.jupiter.api.Test;

class SimulatorsMainTest {

  @Test
  void options_that_are_not_given_take_their_defaults() {
    Map<String, String> options = SimulatorsMain.parse(new String[] {"--gp-port", "9091"});

    assertThat(options)
        .containsEntry("--gp-port", "9091")
        .containsEntry("--launcher-port", "8090")
        .containsEntry("--seed", "42")
        .containsEntry("--patients", "2000")
        .containsEntry("--portal-url", "http://localhost:8080")
        .containsEntry("--audience", "carelens-gateway")
        .containsEntry("--issuer", "http://localhost:8090");
  }

  @Test
  void an_unknown_option_is_refused_by_name() {
    assertThatThrownBy(() -> SimulatorsMain.parse(new String[] {"--port", "1"}))
        .hasMessage("unknown option '--port'");
  }

  @Test
  void a_port_must_be_a_number() {
    assertThatThrownBy(() -> SimulatorsMain.parse(new String[] {"--gp-port", "eighty"}))
        .hasMessage("--gp-port must be a whole number, was 'eighty'");
  }

  @Test
  void the_showcase_patient_is_tagged_as_known_to_every_source() {
    Population population = Population.generate(42, 60, LocalDate.of(2026, 11, 22));
    PatientTags tags = SimulatorsMain.tags(population);

    SyntheticPatient showcase = population.showcase();

    assertThat(tags.knownTo().apply(showcase))
        .containsExactly(
            "pds", "gp", "acute", "mental-health", "social-care", "pharmacy", "care-plans");
    assertThat(tags.scenarios().apply(showcase))
        .contains(SyntheticPatient.DUPLICATE_MEDICATION, "all-sources", "care-plan");
  }

  @Test
  void a_duplicate_medication_tag_needs_the_hospital_to_know_the_patient() {
    Population population = Population.generate(42, 300, LocalDate.of(2026, 11, 22));
    PatientTags tags = SimulatorsMain.tags(population);

    var tagged =
        population.patients().stream()
            .filter(p -> tags.scenarios().apply(p).contains(SyntheticPatient.DUPLICATE_MEDICATION))
            .toList();

    assertThat(tagged).isNotEmpty().allMatch(p -> tags.knownTo().apply(p).contains("acute"));
  }

  @Test
  void the_launcher_page_lists_dose_change_patients_known_to_the_hospital() throws Exception {
    Population population = Population.generate(42, 60, LocalDate.of(2026, 11, 22));
    PatientTags tags = SimulatorsMain.tags(population);
    LauncherSimulator launcher =
        new LauncherSimulator(
                population,
                new LauncherConfig(
                    "http://launcher.test", "carelens-gateway", URI.create("http://portal.test")),
                Clock.systemUTC(),
                tags)
            .start(0);

    String html;
    try (HttpClient http = HttpClient.newHttpClient()) {
      html =
          http.send(
                  HttpRequest.newBuilder(URI.create(launcher.baseUrl() + "/")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    } finally {
      launcher.stop();
    }

    List<String> listed =
        Pattern.compile("<tr data-scenario=\"dose-change\" data-nhs-number=\"(\\d{10})\">")
            .matcher(html)
            .results()
            .map(m -> m.group(1))
            .toList();
    assertThat(listed).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(listed)
        .allSatisfy(
            nhs -> {
              SyntheticPatient p = population.find(new NhsNumber(nhs)).orElseThrow();
              assertThat(tags.scenarios().apply(p)).contains(SyntheticPatient.DOSE_CHANGE);
              assertThat(tags.knownTo().apply(p)).contains("acute");
            });
  }
}
