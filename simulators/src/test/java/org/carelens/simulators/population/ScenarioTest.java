package org.carelens.simulators.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScenarioTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  private static final Population POPULATION = Population.generate(42, 200, TODAY);

  @Test
  void every_scenario_tag_occurs_in_a_population_of_sixty() {
    Population small = Population.generate(42, 60, TODAY);

    List<String> tags =
        small.patients().stream().flatMap(p -> p.scenarios().stream()).distinct().toList();

    assertThat(tags)
        .contains(
            SyntheticPatient.DISSENT_GP,
            SyntheticPatient.RESTRICTED,
            SyntheticPatient.SENSITIVE,
            SyntheticPatient.DISCREPANCY,
            SyntheticPatient.DECEASED,
            SyntheticPatient.DUPLICATE_MEDICATION,
            SyntheticPatient.DOSE_CHANGE);
  }

  @Test
  void scenarios_are_the_same_for_the_same_seed() {
    Population again = Population.generate(42, 200, TODAY);

    assertThat(again.patients().stream().map(SyntheticPatient::scenarios).toList())
        .isEqualTo(POPULATION.patients().stream().map(SyntheticPatient::scenarios).toList());
  }

  @Test
  void patients_are_registered_at_both_practices_with_different_suppliers() {
    Map<String, Long> perPractice =
        POPULATION.patients().stream()
            .collect(Collectors.groupingBy(p -> p.practice().odsCode(), Collectors.counting()));

    assertThat(perPractice.keySet()).containsExactlyInAnyOrder("A81001", "B82005");
    assertThat(perPractice.get("B82005")).isGreaterThan(POPULATION.patients().size() / 5L);
    assertThat(Practice.RIVERSIDE.supplier()).isNotEqualTo(Practice.HILLSIDE.supplier());
    assertThat(POPULATION.practice("B82005")).contains(Practice.HILLSIDE);
  }

  @Test
  void a_discrepancy_is_a_surname_or_address_the_practice_has_not_updated() {
    List<SyntheticPatient> discrepant = tagged(SyntheticPatient.DISCREPANCY);

    assertThat(discrepant).isNotEmpty();
    assertThat(discrepant)
        .allSatisfy(
            p ->
                assertThat(
                        !p.familyAtGp().equals(p.family()) || !p.addressAtGp().equals(p.address()))
                    .isTrue());
  }

  @Test
  void deceased_patients_died_after_birth_and_before_the_reference_date() {
    assertThat(tagged(SyntheticPatient.DECEASED))
        .isNotEmpty()
        .allSatisfy(
            p ->
                assertThat(p.deceasedDate().orElseThrow())
                    .isAfter(p.birthDate())
                    .isBeforeOrEqualTo(TODAY));
  }

  @Test
  void a_duplicate_medication_is_an_active_repeat_prescription_at_the_gp() {
    List<SyntheticPatient> duplicated = tagged(SyntheticPatient.DUPLICATE_MEDICATION);

    assertThat(duplicated).isNotEmpty().contains(POPULATION.showcase());
    assertThat(duplicated)
        .allSatisfy(
            p ->
                assertThat(p.medicationAlsoOnDischarge().orElseThrow().status())
                    .isEqualTo(Prescription.Status.ACTIVE));
    assertThat(POPULATION.showcase().medicationAlsoOnDischarge().orElseThrow().medicine().code())
        .isEqualTo(Catalogue.AMLODIPINE.concept().code());
  }

  @Test
  void a_dose_change_is_an_active_gp_repeat_that_the_discharge_gives_at_another_dose() {
    List<SyntheticPatient> changed = tagged(SyntheticPatient.DOSE_CHANGE);

    assertThat(changed)
        .isNotEmpty()
        .allSatisfy(
            p -> {
              Prescription repeat = p.medicationAlsoOnDischarge().orElseThrow();
              assertThat(repeat.status()).isEqualTo(Prescription.Status.ACTIVE);
              assertThat(repeat.type()).isNotEqualTo(Prescription.PrescriptionType.ACUTE);
              assertThat(p.dischargeDose()).isPresent().get().isNotEqualTo(repeat.dosageText());
              assertThat(p.scenarios()).doesNotContain(SyntheticPatient.DUPLICATE_MEDICATION);
            });
    assertThat(tagged(SyntheticPatient.DUPLICATE_MEDICATION))
        .allSatisfy(p -> assertThat(p.dischargeDose()).isEmpty());
  }

  @Test
  void sensitive_patients_hold_a_labelled_problem_and_some_are_confidential_at_the_practice() {
    List<Problem> sensitive =
        tagged(SyntheticPatient.SENSITIVE).stream()
            .flatMap(p -> p.problems().stream())
            .filter(problem -> problem.sensitivity().isPresent())
            .toList();

    assertThat(sensitive).isNotEmpty();
    assertThat(sensitive).anyMatch(Problem::confidential).anyMatch(p -> !p.confidential());
  }

  @Test
  void the_showcase_patient_is_unrestricted_living_and_has_a_problem_list() {
    SyntheticPatient showcase = POPULATION.showcase();

    assertThat(showcase.restricted()).isFalse();
    assertThat(showcase.deceasedDate()).isEmpty();
    assertThat(showcase.problems())
        .extracting(problem -> problem.concept().display())
        .containsExactly("Hypertensive disorder, systemic arterial", "Osteoarthritis of knee");
    assertThat(showcase.scenarios()).containsExactly(SyntheticPatient.DUPLICATE_MEDICATION);
  }

  private static List<SyntheticPatient> tagged(String tag) {
    return POPULATION.patients().stream()
        .filter(p -> p.scenarios().contains(tag))
        .map(Function.identity())
        .toList();
  }
}
