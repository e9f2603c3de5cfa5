package org.carelens.gateway.safety;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The DCB0129 clinical risk matrix: severity × likelihood gives a risk of 1 (acceptable) to 5
 * (unacceptable). The same table is printed in {@code docs/safety/hazard-log.md}; this copy lets
 * the build check that every stated risk is the one the matrix gives.
 */
final class RiskMatrix {

  enum Severity {
    MINOR("Minor"),
    SIGNIFICANT("Significant"),
    CONSIDERABLE("Considerable"),
    MAJOR("Major"),
    CATASTROPHIC("Catastrophic");

    final String label;

    Severity(String label) {
      this.label = label;
    }

    static Optional<Severity> of(String label) {
      return Arrays.stream(values())
          .filter(s -> s.label.equalsIgnoreCase(label.strip()))
          .findFirst();
    }
  }

  enum Likelihood {
    VERY_LOW("Very low"),
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High"),
    VERY_HIGH("Very high");

    final String label;

    Likelihood(String label) {
      this.label = label;
    }

    static Optional<Likelihood> of(String label) {
      return Arrays.stream(values())
          .filter(
              l -> l.label.toLowerCase(Locale.ROOT).equals(label.strip().toLowerCase(Locale.ROOT)))
          .findFirst();
    }
  }

  // Rows: likelihood from very low to very high; columns: severity from minor to catastrophic.
  private static final int[][] RISK = {
    {1, 1, 2, 2, 3},
    {1, 2, 2, 3, 4},
    {2, 2, 3, 3, 4},
    {2, 3, 3, 4, 5},
    {3, 4, 4, 5, 5},
  };

  private RiskMatrix() {}

  static int risk(Severity severity, Likelihood likelihood) {
    return RISK[likelihood.ordinal()][severity.ordinal()];
  }
}
