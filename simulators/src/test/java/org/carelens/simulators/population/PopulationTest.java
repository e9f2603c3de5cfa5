package org.carelens.simulators.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.population.Prescription.PrescriptionType;
import org.carelens.simulators.population.Prescription.Status;
import org.junit.jupiter.api.Test;

class PopulationTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @Test
  void the_same_seed_and_size_give_identical_patients() {
    Population first = Population.generate(42, 60, TODAY);

    Population second = Population.generate(42, 60, TODAY);

    assertThat(second.patients()).isEqualTo(first.patients());
  }

  @Test
  void different_seeds_give_different_patients_after_the_showcase() {
    Population first = Population.generate(1, 60, TODAY);

    Population second = Population.generate(2, 60, TODAY);

    assertThat(second.patients().subList(1, 60)).isNotEqualTo(first.patients().subList(1, 60));
  }

  @Test
  void the_default_size_is_at_least_fifty_patients() {
    Population population = Population.generate(7, Population.DEFAULT_SIZE);

    assertThat(population.patients()).hasSizeGreaterThanOrEqualTo(50);
  }

  @Test
  void every_nhs_number_is_valid_unique_and_in_the_999_test_range() {
    List<String> numbers =
        Population.generate(42, 500, TODAY).patients().stream()
            .map(p -> p.nhsNumber().value())
            .toList();

    assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.startsWith("999"));
    assertThat(numbers).allMatch(NhsNumber::isValid);
  }

  @Test
  void the_first_patient_is_the_fixed_showcase_patient_for_every_seed() {
    SyntheticPatient showcase = Population.generate(99, 60, TODAY).patients().getFirst();

    assertThat(showcase).isEqualTo(Population.generate(3, 10, TODAY).showcase());
    assertThat(showcase.nhsNumber().value()).isEqualTo(Population.SHOWCASE_NHS_NUMBER);
    assertThat(showcase.displayName()).isEqualTo("JONES, Margaret (Mrs)");
    assertThat(showcase.birthDate()).isEqualTo(LocalDate.of(1950, 3, 12));
    assertThat(showcase.gender()).isEqualTo(Gender.FEMALE);
    assertThat(showcase.practice().odsCode()).isEqualTo("A81001");
    assertThat(showcase.gpDissent()).isFalse();
  }

  @Test
  void the_showcase_patient_has_an_active_penicillin_allergy_with_urticaria() {
    Allergies allergies = Population.generate(5, 60, TODAY).showcase().allergies();

    assertThat(allergies.state()).isEqualTo(Allergies.State.RECORDED);
    assertThat(allergies.active())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.concept())
                  .isEqualTo(CodedConcept.snomed("91936005", "Allergy to penicillin"));
              assertThat(a.manifestation())
                  .isEqualTo(CodedConcept.snomed("126485001", "Urticaria"));
              assertThat(a.severity()).isEqualTo(Allergy.Severity.MODERATE);
            });
  }

  @Test
  void the_showcase_patient_takes_repeat_amlodipine_and_finished_an_amoxicillin_course() {
    List<Prescription> prescriptions = Population.generate(5, 60, TODAY).showcase().prescriptions();

    assertThat(prescriptions)
        .extracting(p -> p.medicine().code(), Prescription::type, Prescription::status)
        .containsExactly(
            tuple("319283006", PrescriptionType.REPEAT, Status.ACTIVE),
            tuple("323509004", PrescriptionType.ACUTE, Status.COMPLETED));
  }

  @Test
  void a_default_population_covers_every_allergy_state_dissent_and_stopped_medicines() {
    List<SyntheticPatient> patients = Population.generate(42, 60, TODAY).patients();

    assertThat(patients)
        .extracting(p -> p.allergies().state())
        .contains(
            Allergies.State.RECORDED,
            Allergies.State.NO_KNOWN_ALLERGIES,
            Allergies.State.NOT_RECORDED);
    assertThat(patients).anyMatch(p -> !p.allergies().resolved().isEmpty());
    assertThat(patients).filteredOn(SyntheticPatient::gpDissent).hasSizeBetween(1, 5);
    assertThat(patients)
        .flatExtracting(SyntheticPatient::prescriptions)
        .extracting(Prescription::status, Prescription::type)
        .contains(
            tuple(Status.STOPPED, PrescriptionType.REPEAT),
            tuple(Status.ACTIVE, PrescriptionType.REPEAT_DISPENSING));
  }

  @Test
  void no_patient_is_prescribed_amoxicillin_after_a_penicillin_allergy_except_the_showcase_story() {
    List<SyntheticPatient> patients = Population.generate(42, 500, TODAY).patients();

    assertThat(patients.subList(1, patients.size()))
        .noneMatch(
            p ->
                p.allergies().entries().stream()
                        .anyMatch(a -> a.concept().code().equals("91936005"))
                    && p.prescriptions().stream()
                        .anyMatch(m -> m.medicine().code().equals("323509004")));
  }

  @Test
  void a_population_needs_at_least_the_showcase_patient() {
    assertThatThrownBy(() -> Population.generate(1, 0, TODAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("population size must be at least 1 (the showcase patient), was 0");
  }
}
