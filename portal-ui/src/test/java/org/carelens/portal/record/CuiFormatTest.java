package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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
