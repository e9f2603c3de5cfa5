package org.carelens.portal.record;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a user typed to open another patient on a self-claimed relationship (PRODUCT.md rule 1:
 * "self-claim with a coded reason, flagged for IG review"): a reason from the agreement's list and
 * their own words. The portal checks the shape only; the gateway checks the NHS number's Modulus 11
 * check digit and answers 400 {@code INVALID_NHS_NUMBER}, so there is one rule in one place.
 *
 * @param nhsNumber ten digits, no spaces
 * @param reasonCode the coded reason chosen from the agreement's list
 * @param reason the user's own words, stripped, at most {@link #MAX_REASON} characters
 */
record OtherPatientClaim(String nhsNumber, String reasonCode, String reason) {

  /** The longest reason the gateway accepts. */
  static final int MAX_REASON = 2000;

  OtherPatientClaim {
    Objects.requireNonNull(nhsNumber, "nhsNumber");
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(reason, "reason");
    if (!nhsNumber.matches("\\d{10}")) {
      throw new IllegalArgumentException(
          "NHS number must be 10 digits, was '%s'".formatted(nhsNumber));
    }
    if (reason.isBlank() || reason.length() > MAX_REASON) {
      throw new IllegalArgumentException(
          "Say in your own words why you are caring for this patient (at most %d characters)."
              .formatted(MAX_REASON));
    }
  }

  /**
   * Reads the typed fields: spaces and hyphens in the NHS number are dropped ({@code 999 000
   * 0018}).
   *
   * @throws IllegalArgumentException with words for the user when either field is unusable
   */
  static OtherPatientClaim typed(
      @Nullable String nhsNumber, @Nullable String reasonCode, @Nullable String reason) {
    String digits = nhsNumber == null ? "" : nhsNumber.replaceAll("[\\s-]", "");
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("Enter the patient's NHS number.");
    }
    if (!digits.matches("\\d{10}")) {
      throw new IllegalArgumentException(
          "NHS number must be 10 digits, was '%s'".formatted(nhsNumber.strip()));
    }
    if (reasonCode == null || reasonCode.isBlank()) {
      throw new IllegalArgumentException("Choose the reason you are caring for this patient.");
    }
    return new OtherPatientClaim(digits, reasonCode, reason == null ? "" : reason.strip());
  }
}
