package org.carelens.sdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemTimesTest {

  private static final CodedConcept ADMISSION =
      CodedConcept.snomed("32485007", "Hospital admission");
  private static final LocalDate DAY = LocalDate.of(2024, 3, 12);
  private static final OffsetDateTime LATE = OffsetDateTime.parse("2024-03-12T23:50:00+00:00");

  @Test
  void an_encounter_from_a_date_only_source_has_no_time() {
    EncounterItem admission =
        new EncounterItem(
            Provenance.of("acute", "e1"),
            ADMISSION,
            EncounterItem.Kind.ADMISSION,
            Optional.of(DAY),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Set.of());

    assertThat(admission.startTime()).isEmpty();
    assertThat(admission.endTime()).isEmpty();
  }

  @Test
  void an_encounter_keeps_the_time_and_offset_its_source_recorded() {
    EncounterItem admission = admission(Optional.of(DAY), Optional.of(LATE));

    assertThat(admission.startTime()).contains(LATE);
    assertThat(admission.start()).contains(DAY);
  }

  @Test
  void a_time_on_another_day_than_its_date_is_refused() {
    assertThatThrownBy(() -> admission(Optional.of(DAY.plusDays(1)), Optional.of(LATE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("start is 2024-03-13 but its time 2024-03-12T23:50Z falls on 2024-03-12");
  }

  @Test
  void a_time_without_its_date_is_refused() {
    assertThatThrownBy(() -> admission(Optional.empty(), Optional.of(LATE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("start has a time (2024-03-12T23:50Z) but no date; give its date, 2024-03-12");
  }

  @Test
  void a_document_time_names_the_day_in_the_offset_the_source_wrote() {
    OffsetDateTime summer = OffsetDateTime.parse("2024-07-01T00:30:00+01:00");

    DocumentItem letter =
        new DocumentItem(
            Provenance.of("acute", "d1"),
            CodedConcept.snomed("371531000", "Report of clinical encounter"),
            "Discharge summary",
            Optional.of(LocalDate.of(2024, 7, 1)),
            Optional.of(summer),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Set.of());

    assertThat(letter.time()).contains(summer);
    assertThatThrownBy(
            () ->
                new DocumentItem(
                    Provenance.of("acute", "d1"),
                    letter.concept(),
                    letter.title(),
                    Optional.of(LocalDate.of(2024, 6, 30)),
                    Optional.of(summer),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("date is 2024-06-30");
  }

  private static EncounterItem admission(
      Optional<LocalDate> start, Optional<OffsetDateTime> startTime) {
    return new EncounterItem(
        Provenance.of("acute", "e1"),
        ADMISSION,
        EncounterItem.Kind.ADMISSION,
        start,
        Optional.empty(),
        startTime,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Set.of());
  }
}
