package org.carelens.portal.record;

import org.jspecify.annotations.Nullable;

/**
 * A result's abnormal flag in words and a symbol, so an abnormal value never relies on colour alone
 * (WCAG 2.2, 1.4.1 Use of Color): "↑ High", "↓↓ Critically low", "! Abnormal".
 */
public final class ResultFlags {

  private ResultFlags() {}

  /** True for every flag but normal and not given. */
  public static boolean abnormal(@Nullable String flag) {
    return flag != null
        && switch (flag) {
          case "NORMAL", "NOT_GIVEN" -> false;
          default -> true;
        };
  }

  /** The words shown in the Flag column; a normal result says so, a missing flag says nothing. */
  public static String words(@Nullable String flag) {
    if (flag == null) {
      return "";
    }
    return switch (flag) {
      case "NORMAL" -> "Normal";
      case "LOW" -> "↓ Low";
      case "HIGH" -> "↑ High";
      case "CRITICALLY_LOW" -> "↓↓ Critically low";
      case "CRITICALLY_HIGH" -> "↑↑ Critically high";
      case "ABNORMAL" -> "! Abnormal";
      case "NOT_GIVEN" -> "";
      default -> "! " + CuiFormat.capitalised(flag);
    };
  }

  /** "55 umol/L": the value with its unit, as the laboratory reported it. */
  public static String valueWithUnit(@Nullable String value, @Nullable String unit) {
    if (value == null || value.isBlank()) {
      return "";
    }
    return unit == null || unit.isBlank() ? value.strip() : value.strip() + " " + unit.strip();
  }
}
