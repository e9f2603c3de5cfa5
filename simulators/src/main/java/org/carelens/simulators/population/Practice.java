package org.carelens.simulators.population;

import java.util.List;
import java.util.Objects;

/**
 * A GP practice: where patients are registered and which GP Connect provider answers for them.
 *
 * @param odsCode the practice's ODS organisation code, e.g. {@code A81001}
 * @param usualGp the GP recorded as author of the practice's entries
 */
public record Practice(
    String odsCode, String name, Address address, String telephone, Clinician usualGp) {

  /** The practice every patient is registered with until more practices are simulated. */
  public static final Practice RIVERSIDE =
      new Practice(
          "A81001",
          "Riverside Medical Practice",
          new Address(List.of("1 Riverside Walk"), "Leeds", "LS1 4AP"),
          "0113 496 0000",
          new Clinician("555010000011", "Dr", "Sarah", "Patel"));

  public Practice {
    Objects.requireNonNull(odsCode, "odsCode");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(telephone, "telephone");
    Objects.requireNonNull(usualGp, "usualGp");
    if (!odsCode.matches("[A-Z0-9]{3,8}")) {
      throw new IllegalArgumentException(
          "ODS code must be 3 to 8 upper-case letters or digits, was '" + odsCode + "'");
    }
  }
}
