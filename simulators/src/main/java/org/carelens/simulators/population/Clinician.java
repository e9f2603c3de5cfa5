package org.carelens.simulators.population;

import java.util.Objects;

/**
 * A named professional at a practice.
 *
 * @param sdsUserId the Spine Directory Service user id, a numeric string
 */
public record Clinician(String sdsUserId, String title, String given, String family) {

  public Clinician {
    Objects.requireNonNull(sdsUserId, "sdsUserId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(family, "family");
    if (!sdsUserId.matches("\\d{6,12}")) {
      throw new IllegalArgumentException(
          "SDS user id must be 6 to 12 digits, was '" + sdsUserId + "'");
    }
  }
}
