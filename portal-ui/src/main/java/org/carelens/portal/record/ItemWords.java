package org.carelens.portal.record;

import java.util.stream.Collectors;
import org.carelens.portal.gateway.RecordItem;
import org.jspecify.annotations.Nullable;

/** Words for the gateway's coded values, as clinicians and care staff say them. */
public final class ItemWords {

  private ItemWords() {}

  /** An alert, encounter or other kind: {@code EMERGENCY_ATTENDANCE} → "A&E attendance". */
  public static String kind(@Nullable String kind) {
    if (kind == null || kind.isBlank()) {
      return "";
    }
    return switch (kind) {
      case "EMERGENCY_ATTENDANCE" -> "A&E attendance";
      case "GP_CONSULTATION" -> "GP consultation";
      case "OUT_OF_HOURS" -> "Out-of-hours contact";
      case "DNACPR" -> "DNACPR";
      case "RESPECT" -> "ReSPECT";
      case "END_OF_LIFE" -> "End of life";
      case "CRISIS_PLAN" -> "Crisis plan";
      case "VIOLENCE_MARKER" -> "Violence marker";
      default -> CuiFormat.capitalised(kind);
    };
  }

  /** A status or significance: {@code NOT_DONE} → "Not done"; null → "". */
  public static String status(@Nullable String status) {
    return status == null || status.isBlank() ? "" : CuiFormat.capitalised(status);
  }

  /** Every source that recorded the item, by name, in the gateway's order. */
  public static String sources(RecordItem item) {
    return item.sources().stream().map(s -> s.name()).collect(Collectors.joining(", "));
  }

  /** A CUI date, or nothing. */
  public static String date(java.time.@Nullable LocalDate date) {
    return date == null ? "" : CuiFormat.date(date);
  }

  /** The text, or nothing. */
  public static String text(@Nullable String text) {
    return text == null ? "" : text.strip();
  }
}
