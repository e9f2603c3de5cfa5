package org.carelens.portal.signin;

import java.util.Optional;

/**
 * What a user types in the NHS number box: shown as 3-3-4 digits ({@code 999 000 0018}) as they
 * type, and checked with the NHS number's Modulus 11 check digit before any search is made (NHS
 * Data Dictionary, "NHS Number": weights 10 to 2 on the first nine digits; 11 minus the remainder
 * is the check digit, 11 meaning 0 and 10 meaning the number is invalid).
 */
public final class NhsNumberInput {

  private NhsNumberInput() {}

  /**
   * The digits typed so far, grouped 3-3-4; anything but digits is dropped and at most ten digits
   * are kept.
   */
  public static String format(String typed) {
    String digits = typed.replaceAll("\\D", "");
    if (digits.length() > 10) {
      digits = digits.substring(0, 10);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i == 3 || i == 6) {
        out.append(' ');
      }
      out.append(digits.charAt(i));
    }
    return out.toString();
  }

  /**
   * The ten digits if {@code typed} is a valid NHS number; otherwise empty with {@link
   * #problem(String)} saying why.
   */
  public static Optional<String> valid(String typed) {
    return problem(typed).isEmpty() ? Optional.of(typed.replaceAll("\\D", "")) : Optional.empty();
  }

  /** Words for the user when {@code typed} is not a valid NHS number, or empty when it is. */
  public static Optional<String> problem(String typed) {
    String digits = typed.replaceAll("[\\s-]", "");
    if (digits.isEmpty()) {
      return Optional.of("Enter the patient's NHS number.");
    }
    if (!digits.matches("\\d{10}")) {
      return Optional.of("An NHS number is 10 digits, like 999 000 0018.");
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    if (check == 10 || check != digits.charAt(9) - '0') {
      return Optional.of(
          "That is not a valid NHS number: the check digit (the last digit) does not match."
              + " Check the number and type it again.");
    }
    return Optional.empty();
  }
}
