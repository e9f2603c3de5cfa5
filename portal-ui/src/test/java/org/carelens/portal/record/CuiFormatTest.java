package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.carelens.portal.gateway.PersonName;
import org.junit.jupiter.api.Test;

class CuiFormatTest {

  @Test
  void name_is_family_in_capitals_then_given_names_then_title_in_brackets() {
    PersonName name = new PersonName("Jones", List.of("Margaret"), "Mrs");

    String shown = CuiFormat.patientName(name);

    assertThat(shown).isEqualTo("JONES, Margaret (Mrs)");
  }

  @Test
  void name_keeps_every_given_name_in_order() {
    PersonName name = new PersonName("O'Brien", List.of("Mary", "Anne"), "Ms");

    String shown = CuiFormat.patientName(name);

    assertThat(shown).isEqualTo("O'BRIEN, Mary Anne (Ms)");
  }

  @Test
  void name_without_title_or_given_names_leaves_out_the_brackets_and_comma() {
    assertThat(CuiFormat.patientName(new PersonName("Smith", List.of("John"), null)))
        .isEqualTo("SMITH, John");
    assertThat(CuiFormat.patientName(new PersonName("Smith", List.of(), " "))).isEqualTo("SMITH");
  }

  @Test
  void date_is_two_digit_day_three_letter_month_four_digit_year() {
    assertThat(CuiFormat.date(LocalDate.of(1950, 3, 12))).isEqualTo("12-Mar-1950");
    assertThat(CuiFormat.date(LocalDate.of(2024, 1, 5))).isEqualTo("05-Jan-2024");
  }

  @Test
  void september_is_sep_not_the_en_gb_locale_sept() {
    String shown = CuiFormat.date(LocalDate.of(2023, 9, 30));

    assertThat(shown).isEqualTo("30-Sep-2023");
  }

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void date_time_is_the_cui_date_then_the_uk_local_time_on_a_24_hour_clock_without_seconds() {
    // Winter: Greenwich Mean Time, the same as UTC.
    assertThat(CuiFormat.dateTime(Instant.parse("2024-03-12T14:35:59Z"), LONDON))
        .isEqualTo("12-Mar-2024 14:35");
    assertThat(CuiFormat.dateTime(Instant.parse("2026-11-22T04:05:00Z"), LONDON))
        .isEqualTo("22-Nov-2026 04:05");
  }

  @Test
  void date_time_in_british_summer_time_is_an_hour_ahead_of_utc_and_can_change_the_day() {
    assertThat(CuiFormat.dateTime(Instant.parse("2024-07-01T13:35:00Z"), LONDON))
        .isEqualTo("01-Jul-2024 14:35");
    // 23:30 UTC on 30 June is already 1 July in London.
    assertThat(CuiFormat.dateTime(Instant.parse("2024-06-30T23:30:00Z"), LONDON))
        .isEqualTo("01-Jul-2024 00:30");
    assertThat(CuiFormat.time(Instant.parse("2024-06-30T23:30:00Z"), LONDON)).isEqualTo("00:30");
  }

  @Test
  void date_time_follows_the_clock_change_on_the_day_itself() {
    // Clocks went forward at 01:00 UTC on 31 March 2024, and back at 01:00 UTC on 27 October.
    assertThat(CuiFormat.dateTime(Instant.parse("2024-03-31T00:59:00Z"), LONDON))
        .isEqualTo("31-Mar-2024 00:59");
    assertThat(CuiFormat.dateTime(Instant.parse("2024-03-31T01:00:00Z"), LONDON))
        .isEqualTo("31-Mar-2024 02:00");
    assertThat(CuiFormat.dateTime(Instant.parse("2024-10-27T00:30:00Z"), LONDON))
        .isEqualTo("27-Oct-2024 01:30");
    assertThat(CuiFormat.dateTime(Instant.parse("2024-10-27T01:30:00Z"), LONDON))
        .isEqualTo("27-Oct-2024 01:30");
  }

  @Test
  void a_clinical_time_is_shown_with_its_date_and_a_date_only_value_is_never_given_a_time() {
    LocalDate day = LocalDate.of(2024, 3, 12);

    assertThat(CuiFormat.when(day, OffsetDateTime.parse("2024-03-12T23:50:00Z"), LONDON))
        .isEqualTo("12-Mar-2024 23:50");
    assertThat(CuiFormat.when(day, null, LONDON)).isEqualTo("12-Mar-2024");
    assertThat(CuiFormat.when(null, null, LONDON)).isEmpty();
  }

  @Test
  void a_clinical_time_is_shown_in_uk_local_time_whatever_offset_the_source_wrote() {
    LocalDate day = LocalDate.of(2024, 7, 1);

    assertThat(CuiFormat.when(day, OffsetDateTime.parse("2024-07-01T13:35:00Z"), LONDON))
        .isEqualTo("01-Jul-2024 14:35");
    assertThat(CuiFormat.when(day, OffsetDateTime.parse("2024-07-01T14:35:00+01:00"), LONDON))
        .isEqualTo("01-Jul-2024 14:35");
    // A system writing UTC dates 23:30 on 30 June; on the ward's clock it was 00:30 on 1 July.
    assertThat(
            CuiFormat.when(
                LocalDate.of(2024, 6, 30), OffsetDateTime.parse("2024-06-30T23:30:00Z"), LONDON))
        .isEqualTo("01-Jul-2024 00:30");
  }

  @Test
  void adult_age_is_whole_years_and_the_birthday_itself_counts() {
    LocalDate born = LocalDate.of(1950, 3, 12);

    assertThat(CuiFormat.age(born, LocalDate.of(2026, 3, 11))).isEqualTo("75y");
    assertThat(CuiFormat.age(born, LocalDate.of(2026, 3, 12))).isEqualTo("76y");
    assertThat(CuiFormat.age(born, LocalDate.of(2026, 11, 22))).isEqualTo("76y");
  }

  @Test
  void leap_day_birthday_turns_a_year_older_on_the_first_of_march_in_other_years() {
    LocalDate born = LocalDate.of(2000, 2, 29);

    assertThat(CuiFormat.ageInYears(born, LocalDate.of(2025, 2, 28))).isEqualTo(24);
    assertThat(CuiFormat.ageInYears(born, LocalDate.of(2025, 3, 1))).isEqualTo(25);
  }

  @Test
  void children_are_shown_in_finer_units_as_cui_asks() {
    LocalDate today = LocalDate.of(2026, 11, 22);

    assertThat(CuiFormat.age(LocalDate.of(2015, 5, 22), today)).isEqualTo("11y 6m");
    assertThat(CuiFormat.age(LocalDate.of(2025, 9, 20), today)).isEqualTo("14m 2d");
    assertThat(CuiFormat.age(LocalDate.of(2026, 8, 21), today)).isEqualTo("13w 2d");
    assertThat(CuiFormat.age(LocalDate.of(2026, 11, 1), today)).isEqualTo("21d");
  }

  @Test
  void a_birth_date_in_the_future_is_refused_rather_than_shown_as_a_negative_age() {
    assertThatThrownBy(() -> CuiFormat.age(LocalDate.of(2030, 1, 1), LocalDate.of(2026, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Birth date 2030-01-01 is after today, 2026-01-01");
  }

  @Test
  void nhs_number_is_spaced_three_three_four() {
    String shown = CuiFormat.nhsNumber("9990000018");

    assertThat(shown).isEqualTo("999 000 0018");
  }

  @Test
  void a_malformed_nhs_number_is_shown_as_it_came_never_disguised_as_valid() {
    assertThat(CuiFormat.nhsNumber("99900000")).isEqualTo("99900000");
    assertThat(CuiFormat.nhsNumber("99900000AB")).isEqualTo("99900000AB");
  }

  @Test
  void wire_words_are_capitalised_for_display() {
    assertThat(CuiFormat.capitalised("moderate")).isEqualTo("Moderate");
    assertThat(CuiFormat.capitalised("ACTIVE")).isEqualTo("Active");
  }
}
