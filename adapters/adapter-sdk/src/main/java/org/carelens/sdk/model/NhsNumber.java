package org.carelens.sdk.model;

import java.util.Objects;

/**
 * An NHS number: ten digits whose last digit is a Modulus 11 check digit (NHS Data Dictionary, "NHS
 * Number"). Construction validates eagerly and says exactly what was wrong, so an invalid number
 * can never travel further than the edge that received it.
 *
 * @param value the ten digits, without spaces
 */
public record NhsNumber(String value) {

  public NhsNumber {
    Objects.requireNonNull(value, "NHS number must not be null");
    if (value.length() != 10) {
      throw new InvalidNhsNumberException(
          "NHS number must be 10 digits, was '%s' (%d characters)"
              .formatted(abbreviate(value), value.length()));
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        throw new InvalidNhsNumberException(
            "NHS number must contain digits only, was '%s' (character %d is '%s')"
                .formatted(abbreviate(value), i + 1, value.charAt(i)));
      }
    }
    int expected = checkDigit(value.substring(0, 9));
    if (expected == 10) {
      throw new InvalidNhsNumberException(
          "NHS number '%s' is not valid: its Modulus 11 check digit would be 10, which is never issued"
              .formatted(value));
    }
    int actual = value.charAt(9) - '0';
    if (expected != actual) {
      throw new InvalidNhsNumberException(
          "NHS number '%s' fails the Modulus 11 check: check digit is %d, expected %d"
              .formatted(value, actual, expected));
    }
  }

  /**
   * Parses a number as people write it: ten digits, optionally grouped 3-3-4 with single spaces or
   * hyphens ({@code 943 476 5919}, {@code 943-476-5919}).
   *
   * @throws InvalidNhsNumberException with a message saying what was wrong
   */
  public static NhsNumber parse(String input) {
    Objects.requireNonNull(input, "NHS number must not be null");
    String trimmed = input.strip();
    if (trimmed.matches("\\d{3}([ -])\\d{3}\\1\\d{4}")) {
      trimmed = trimmed.replace(" ", "").replace("-", "");
    }
    return new NhsNumber(trimmed);
  }

  /** Whether {@code input} parses as a valid NHS number. */
  public static boolean isValid(String input) {
    try {
      parse(input);
      return true;
    } catch (InvalidNhsNumberException | NullPointerException e) {
      return false;
    }
  }

  /**
   * Computes the Modulus 11 check digit for nine digits: weights 10 down to 2, remainder of the sum
   * divided by 11 subtracted from 11; 11 becomes 0, and 10 means no valid number has these digits.
   */
  public static int checkDigit(String firstNineDigits) {
    if (!firstNineDigits.matches("\\d{9}")) {
      throw new IllegalArgumentException("expected 9 digits, was '" + firstNineDigits + "'");
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (firstNineDigits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    return check == 11 ? 0 : check;
  }

  /** The number as the NHS Common User Interface shows it: {@code 943 476 5919}. */
  public String formatted() {
    return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
  }

  /** The number with its middle digits hidden, for logs and exception messages. */
  public String masked() {
    return value.substring(0, 3) + " *** " + value.substring(6);
  }

  @Override
  public String toString() {
    return masked();
  }

  private static String abbreviate(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "...";
  }
}
