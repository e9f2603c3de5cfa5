package org.carelens.simulators.gp;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.simulators.population.Population;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;

class ConsultationTimesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  private static final Population POPULATION = Population.generate(42, 60, TODAY);

  @Test
  void booked_consultations_have_a_surgery_time_and_home_visits_only_a_day() {
    List<GpJournal.Consultation> consultations =
        POPULATION.patients().stream()
            .flatMap(p -> GpJournal.of(42, p, TODAY).consultations().stream())
            .toList();

    assertThat(consultations)
        .filteredOn(c -> c.type().code().equals("439708006"))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.time()).isEmpty());
    assertThat(consultations)
        .filteredOn(c -> !c.type().code().equals("439708006"))
        .isNotEmpty()
        .allSatisfy(
            c ->
                assertThat(c.time().orElseThrow())
                    .isBetween(LocalTime.of(8, 0), LocalTime.of(17, 50)));
  }

  @Test
  void a_timed_consultation_is_written_with_the_uk_offset_of_its_day() {
    Encounter summer = encounter(LocalDate.of(2026, 7, 1), Optional.of(LocalTime.of(9, 10)));
    Encounter winter = encounter(LocalDate.of(2026, 1, 5), Optional.of(LocalTime.of(9, 10)));
    Encounter dayOnly = encounter(LocalDate.of(2026, 1, 5), Optional.empty());

    assertThat(summer.getPeriod().getStartElement().getValueAsString())
        .isEqualTo("2026-07-01T09:10:00+01:00");
    assertThat(winter.getPeriod().getStartElement().getValueAsString())
        .isEqualTo("2026-01-05T09:10:00+00:00");
    DateTimeType day = dayOnly.getPeriod().getStartElement();
    assertThat(day.getValueAsString()).isEqualTo("2026-01-05");
    assertThat(day.getPrecision()).isEqualTo(TemporalPrecisionEnum.DAY);
  }

  private static Encounter encounter(LocalDate date, Optional<LocalTime> time) {
    GpJournal.Consultation consultation =
        new GpJournal.Consultation(
            "c-1",
            CodedConcept.snomed("11429006", "Consultation"),
            date,
            time,
            "Cough",
            "Chest clear.");
    return JournalResources.consultations(
            List.of(consultation),
            new Reference("Patient/p1"),
            new Reference("Practitioner/gp1"),
            "Riverside Medical Practice",
            new DateTimeType("2026-11-22T09:30:00+00:00"))
        .stream()
        .filter(Encounter.class::isInstance)
        .map(Encounter.class::cast)
        .findFirst()
        .orElseThrow();
  }
}
