package org.carelens.sdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {"9434765919", "9990000018", "9000000009", "4010232137"})
  void valid_numbers_are_accepted(String digits) {
    NhsNumber number = new NhsNumber(digits);

    assertThat(number.value()).isEqualTo(digits);
  }

  @Test
  void an_invalid_check_digit_is_rejected_with_the_expected_digit() {
    assertThatThrownBy(() -> new NhsNumber("9434765918"))
        .isInstanceOf(InvalidNhsNumberException.class)
        .hasMessage(
            "NHS number '9434765918' fails the Modulus 11 check: check digit is 8, expected 9");
  }

  @Test
  void a_number_whose_check_digit_would_be_10_is_rejected() {
    String nine = findNineDigitsWithCheckDigitTen();

    assertThatThrownBy(() -> new NhsNumber(nine + "0"))
        .isInstanceOf(InvalidNhsNumberException.class)
        .hasMessageContaining("check digit would be 10");
  }

  @Test
  void check_digit_eleven_becomes_zero() {
    assertThat(NhsNumber.checkDigit("000000000")).isEqualTo(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "943476591", "94347659190", "123"})
  void wrong_length_is_rejected(String input) {
    assertThatThrownBy(() -> new NhsNumber(input))
        .isInstanceOf(InvalidNhsNumberException.class)
        .hasMessageStartingWith("NHS number must be 10 digits, was '" + input + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"94347659l9", "943476591x", "-943476591", "9434 65919"})
  void non_digits_are_rejected(String input) {
    assertThatThrownBy(() -> new NhsNumber(input))
        .isInstanceOf(InvalidNhsNumberException.class)
        .hasMessageStartingWith("NHS number must contain digits only");
  }

  @Test
  void parse_accepts_the_grouped_forms_people_type() {
    assertThat(NhsNumber.parse(" 943 476 5919 ")).isEqualTo(new NhsNumber("9434765919"));
    assertThat(NhsNumber.parse("943-476-5919")).isEqualTo(new NhsNumber("9434765919"));
  }

  @Test
  void parse_rejects_mixed_grouping() {
    assertThat(NhsNumber.isValid("943 476-5919")).isFalse();
  }

  @Test
  void formatted_groups_three_three_four_and_masked_hides_the_middle() {
    NhsNumber number = new NhsNumber("9434765919");

    assertThat(number.formatted()).isEqualTo("943 476 5919");
    assertThat(number.masked()).isEqualTo("943 *** 5919");
    assertThat(number.toString()).doesNotContain("476");
  }

  private static String findNineDigitsWithCheckDigitTen() {
    for (int i = 0; i < 1000; i++) {
      String nine = "999000%03d".formatted(i);
      if (NhsNumber.checkDigit(nine) == 10) {
        return nine;
      }
    }
    throw new AssertionError("no nine digits with check digit 10 in range");
  }
}
