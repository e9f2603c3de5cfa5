package org.carelens.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
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
        .containsExactly("pds", "gp", "acute", "mental-health", "social-care", "pharmacy");
    assertThat(tags.scenarios().apply(showcase))
        .contains(SyntheticPatient.DUPLICATE_MEDICATION, "all-sources");
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
}
