package org.carelens.portal.ig;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.carelens.portal.gateway.ChainVerification;
import org.carelens.portal.record.CuiFormat;
import org.jspecify.annotations.Nullable;

/**
 * Words and values for the IG pages: days typed as search bounds, NHS numbers typed by people,
 * details, the chain. Times are shown with {@link CuiFormat#dateTime}, as everywhere else.
 */
public final class AuditFormat {

  static final int MAX_DETAILS = 300;

  private AuditFormat() {}

  /**
   * An NHS number as typed ({@code 999 000 0018}, {@code 999-000-0018}): spaces and hyphens are
   * dropped; empty input means "any patient".
   *
   * @throws IllegalArgumentException when what remains is not ten digits
   */
  public static Optional<String> nhsNumber(@Nullable String typed) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    String digits = typed.replaceAll("[\\s-]", "");
    if (!digits.matches("\\d{10}")) {
      throw new IllegalArgumentException(
          "NHS number must be 10 digits, was '%s'".formatted(typed.strip()));
    }
    return Optional.of(digits);
  }

  /** The first instant of a UK calendar day. */
  public static Instant startOf(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant();
  }

  /** The last instant of a UK calendar day, so "to 22-Nov" includes all of the 22nd. */
  public static Instant endOf(LocalDate day, ZoneId zone) {
    return day.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
  }

  /** The verification in a sentence an IG officer can put in a report. */
  public static String verification(ChainVerification result) {
    if (result.valid()) {
      return "Audit chain intact: %d %s checked, none altered or removed."
          .formatted(result.entries(), result.entries() == 1 ? "entry" : "entries");
    }
    return result
        .firstBrokenSequenceIfAny()
        .map(
            sequence ->
                "Audit chain BROKEN: entry %d does not follow from the one before it (%d entries checked)."
                    .formatted(sequence, result.entries()))
        .orElse(
            "Audit chain BROKEN (%d entries checked); the gateway did not say where."
                .formatted(result.entries()));
  }

  /**
   * A one-line summary of an entry's details: sources and their status, sections returned, what was
   * withheld and why (by reason code), and any other detail as {@code key: value}.
   */
  public static String details(Map<String, @Nullable Object> details) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, @Nullable Object> e : details.entrySet()) {
      Object value = e.getValue();
      if (value == null) {
        continue;
      }
      switch (e.getKey()) {
        case "sources" -> parts.add("Sources: " + sources(value));
        case "sectionsReturned" -> {
          String sections = list(value);
          parts.add("Sections: " + (sections.isEmpty() ? "none" : sections));
        }
        case "withheld" -> {
          if (value instanceof Map<?, ?> withheld && !withheld.isEmpty()) {
            parts.add("Withheld: " + withheld(withheld));
          }
        }
        case "policy" -> {}
        case "itemsReturned", "warnings" -> {
          if (!(value instanceof Map<?, ?> m && m.isEmpty())
              && !(value instanceof List<?> l && l.isEmpty())) {
            parts.add(e.getKey() + ": " + value);
          }
        }
        default -> parts.add(e.getKey() + ": " + value);
      }
    }
    String joined = String.join(" · ", parts);
    // The grid shows a summary; the full details stay in the gateway's answer and the audit store.
    return joined.length() <= MAX_DETAILS ? joined : joined.substring(0, MAX_DETAILS - 1) + "…";
  }

  private static String sources(Object value) {
    if (!(value instanceof List<?> list)) {
      return String.valueOf(value);
    }
    return list.stream()
        .map(
            s ->
                s instanceof Map<?, ?> m
                    ? m.get("id")
                        + " "
                        + m.get("status")
                        + (Boolean.TRUE.equals(m.get("cached")) ? " (cached)" : "")
                        + (m.get("reason") == null ? "" : " " + m.get("reason"))
                    : String.valueOf(s))
        .collect(Collectors.joining(", "));
  }

  private static String list(Object value) {
    return value instanceof List<?> list
        ? list.stream().map(String::valueOf).collect(Collectors.joining(", "))
        : String.valueOf(value);
  }

  private static String withheld(Map<?, ?> withheld) {
    return withheld.entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + (e.getValue() instanceof Map<?, ?> why && why.get("reasonCode") != null
                        ? " (" + why.get("reasonCode") + ")"
                        : ""))
        .collect(Collectors.joining(", "));
  }
}
