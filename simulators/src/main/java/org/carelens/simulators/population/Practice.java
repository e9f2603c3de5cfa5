package org.carelens.simulators.population;

import java.util.List;
import java.util.Objects;

/**
 * A GP practice: where patients are registered and which GP Connect provider answers for them.
 *
 * @param odsCode the practice's ODS organisation code, e.g. {@code A81001}
 * @param usualGp the GP recorded as author of the practice's entries
 * @param supplier the (fictional) GP system supplier, which a real deployment would see in the
 *     endpoint directory
 */
public record Practice(
    String odsCode,
    String name,
    Address address,
    String telephone,
    Clinician usualGp,
    String supplier) {

  /** The showcase patient's practice, on an EMIS-style system. */
  public static final Practice RIVERSIDE =
      new Practice(
          "A81001",
          "Riverside Medical Practice",
          new Address(List.of("1 Riverside Walk"), "Leeds", "LS1 4AP"),
          "0113 496 0000",
          new Clinician("555010000011", "Dr", "Sarah", "Patel"),
          "Meridian Clinical");

  /** A second practice on a different supplier's system, so routing by practice is exercised. */
  public static final Practice HILLSIDE =
      new Practice(
          "B82005",
          "Hillside Surgery",
          new Address(List.of("Hillside House", "Otley Road"), "Harrogate", "HG1 2DQ"),
          "0113 496 0500",
          new Clinician("555020000022", "Dr", "James", "Okafor"),
          "Pennine Systems");

  /** A practice on an unnamed supplier's system. */
  public Practice(
      String odsCode, String name, Address address, String telephone, Clinician usualGp) {
    this(odsCode, name, address, telephone, usualGp, "unspecified");
  }

  public Practice {
    Objects.requireNonNull(odsCode, "odsCode");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(telephone, "telephone");
    Objects.requireNonNull(usualGp, "usualGp");
    Objects.requireNonNull(supplier, "supplier");
    if (!odsCode.matches("[A-Z0-9]{3,8}")) {
      throw new IllegalArgumentException(
          "ODS code must be 3 to 8 upper-case letters or digits, was '" + odsCode + "'");
    }
  }
}
