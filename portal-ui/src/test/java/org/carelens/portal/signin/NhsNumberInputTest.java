package org.carelens.portal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NhsNumberInputTest {

  @Test
  void digits_are_grouped_three_three_four_as_they_are_typed() {
    assertThat(NhsNumberInput.format("999")).isEqualTo("999");
    assertThat(NhsNumberInput.format("9990")).isEqualTo("999 0");
    assertThat(NhsNumberInput.format("9990000018")).isEqualTo("999 000 0018");
    assertThat(NhsNumberInput.format("999-000-0018x12")).isEqualTo("999 000 0018");
  }

  @Test
  void a_valid_number_passes_modulus_eleven() {
    assertThat(NhsNumberInput.valid("999 000 0018")).contains("9990000018");
    assertThat(NhsNumberInput.problem("9000000009")).isEmpty();
  }

  @Test
  void a_bad_check_digit_is_refused_with_words_saying_so() {
    assertThat(NhsNumberInput.problem("999 000 0019"))
        .hasValueSatisfying(m -> assertThat(m).contains("check digit"));
    assertThat(NhsNumberInput.valid("9990000019")).isEmpty();
  }

  @Test
  void too_few_digits_is_refused() {
    assertThat(NhsNumberInput.problem("999 000"))
        .hasValueSatisfying(m -> assertThat(m).contains("10 digits"));
  }
}
