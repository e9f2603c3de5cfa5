package org.carelens.portal.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.carelens.portal.gateway.ItemDifference;
import org.carelens.portal.gateway.ItemSource;
import org.carelens.portal.gateway.RecordItem;
import org.jspecify.annotations.Nullable;

/**
 * Words for where the sources of one item differ: one line per field, each value beside its source,
 * e.g. "Dose: GP practice — One tablet twice a day; Riverside hospital — One tablet once a day".
 * The gateway never resolves a difference, so the portal never drops a value: a source that records
 * none reads "not recorded". Times read like every other time: {@code 01-Mar-2024 23:50}, local.
 */
final class SourceDifferences {

  /** The field names the gateway uses, in clinicians' words. */
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("dosageText", "Dose"),
          Map.entry("quantityText", "Quantity"),
          Map.entry("status", "Status"),
          Map.entry("startDate", "Start"),
          Map.entry("endDate", "End"),
          Map.entry("end", "End"),
          Map.entry("startTime", "Start time"),
          Map.entry("endTime", "End time"),
          Map.entry("time", "Time"),
          Map.entry("severity", "Severity"),
          Map.entry("reactions", "Reaction"));

  private SourceDifferences() {}

  /** One line per differing field, in the gateway's order; empty when the sources agree. */
  static List<String> lines(RecordItem item) {
    return lines(item, CuiFormat.UK);
  }

  /**
   * Like {@link #lines(RecordItem)}, with times (an encounter's start, a document's time) in the
   * viewer's zone.
   */
  static List<String> lines(RecordItem item, ZoneId zone) {
    Map<String, String> names =
        item.sources().stream()
            .collect(Collectors.toMap(ItemSource::id, ItemSource::name, (a, b) -> a));
    return item.differences().stream().map(d -> line(d, names, zone)).toList();
  }

  private static String line(ItemDifference difference, Map<String, String> names, ZoneId zone) {
    String values =
        difference.values().stream()
            .map(
                v ->
                    names.getOrDefault(v.source(), v.source())
                        + " — "
                        + value(difference.field(), v.value(), zone))
            .collect(Collectors.joining("; "));
    return field(difference.field()) + ": " + values;
  }

  private static String field(String name) {
    return FIELDS.getOrDefault(name, CuiFormat.capitalised(name));
  }

  private static String value(String field, @Nullable String value, ZoneId zone) {
    if (value == null || value.isBlank()) {
      return "not recorded";
    }
    if (field.equals("status")) {
      return ItemWords.status(value);
    }
    if (field.endsWith("Time") || field.equals("time")) {
      try {
        return CuiFormat.dateTime(OffsetDateTime.parse(value).toInstant(), zone);
      } catch (DateTimeParseException e) {
        return value;
      }
    }
    if (field.endsWith("Date") || field.equals("end")) {
      try {
        return CuiFormat.date(LocalDate.parse(value));
      } catch (DateTimeParseException e) {
        return value;
      }
    }
    return value.strip();
  }
}
