package org.carelens.portal.record;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carelens.portal.gateway.ItemDifference;
import org.carelens.portal.gateway.ItemSource;
import org.carelens.portal.gateway.MedicationEntry;
import org.jspecify.annotations.Nullable;

/**
 * Medicines reconciliation (issue 13): one row per medicine as the gateway matched it across
 * sources, and for each source what that source holds. A field the sources agree on is the merged
 * value; a field they differ on is each source's own value from {@code differences[]}, marked as
 * differing. Nothing is resolved: every value stays beside its source.
 *
 * <p>The gateway compares dose, quantity, start, end and status across sources; it does not send
 * prescription type or last issue per source. The merged item carries the most recent occurrence's
 * (by last issue) and lists that source first, so those two are shown once per row, attributed to
 * that source.
 */
public final class Reconciliation {

  /** The compared fields, in the order a pharmacist reads them. */
  static final List<String> FIELDS =
      List.of("dosageText", "quantityText", "startDate", "endDate", "status");

  private Reconciliation() {}

  /** The pharmacist's filters; the default is current plus the last 12 months. */
  public enum Filter {
    RECENT("Current and last 12 months"),
    CURRENT("Current"),
    STOPPED("Stopped or completed"),
    ALL("All");

    private final String words;

    Filter(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  /** One source's value for one field, and whether the sources differ on it. */
  public record Value(String field, @Nullable String value, boolean differs) {}

  /** A source of medication lines, in the order columns are shown. */
  public static List<ItemSource> sources(List<MedicationEntry> medicines) {
    Map<String, ItemSource> sources = new LinkedHashMap<>();
    for (MedicationEntry m : MedicationLines.ordered(medicines)) {
      for (ItemSource s : m.sources()) {
        sources.putIfAbsent(s.id(), s);
      }
    }
    return sources.values().stream()
        .sorted(java.util.Comparator.comparingInt(s -> columnRank(s.id())))
        .toList();
  }

  /** What a source holds for a medicine, field by field; empty when the source does not hold it. */
  public static Optional<List<Value>> values(MedicationEntry m, String sourceId) {
    if (m.sources().stream().noneMatch(s -> s.id().equals(sourceId))) {
      return Optional.empty();
    }
    List<Value> values = new ArrayList<>();
    for (String field : FIELDS) {
      Optional<ItemDifference> difference =
          m.differences().stream().filter(d -> d.field().equals(field)).findFirst();
      if (difference.isPresent()) {
        String own =
            difference.get().values().stream()
                .filter(v -> v.source().equals(sourceId))
                .map(ItemDifference.SourceValue::value)
                .findFirst()
                .orElse(null);
        values.add(new Value(field, own, true));
      } else {
        values.add(new Value(field, merged(m, field), false));
      }
    }
    return Optional.of(values);
  }

  /** "≠ Dose: One tablet twice a day (differs)" or "Dose: One tablet once a day". */
  public static String words(Value v) {
    String label =
        switch (v.field()) {
          case "dosageText" -> "Dose";
          case "quantityText" -> "Quantity";
          case "startDate" -> "Started";
          case "endDate" -> "Stopped";
          case "status" -> "Status";
          default -> CuiFormat.capitalised(v.field());
        };
    String value = v.value() == null || v.value().isBlank() ? "not recorded" : shown(v);
    return (v.differs() ? "≠ " : "") + label + ": " + value + (v.differs() ? " (differs)" : "");
  }

  /** Whether a medicine passes a filter, by its own or any source's status and dates. */
  public static boolean matches(MedicationEntry m, Filter filter, LocalDate today) {
    boolean current = statuses(m).contains("ACTIVE");
    boolean stopped =
        statuses(m).stream().anyMatch(s -> s.equals("DISCONTINUED") || s.equals("COMPLETED"));
    return switch (filter) {
      case ALL -> true;
      case CURRENT -> current;
      case STOPPED -> stopped;
      case RECENT -> current || recent(m, today.minusMonths(12));
    };
  }

  /** The medicines a filter shows, in CUI medication line order. */
  public static List<MedicationEntry> rows(
      List<MedicationEntry> medicines, Filter filter, LocalDate today) {
    return MedicationLines.ordered(medicines).stream()
        .filter(m -> matches(m, filter, today))
        .toList();
  }

  private static boolean recent(MedicationEntry m, LocalDate since) {
    List<LocalDate> dates = new ArrayList<>();
    if (m.lastIssued() != null) {
      dates.add(m.lastIssued());
    }
    if (m.endDate() != null) {
      dates.add(m.endDate());
    }
    if (m.startDate() != null) {
      dates.add(m.startDate());
    }
    m.differences().stream()
        .filter(d -> d.field().equals("startDate") || d.field().equals("endDate"))
        .flatMap(d -> d.values().stream())
        .map(ItemDifference.SourceValue::value)
        .forEach(
            v -> {
              try {
                if (v != null) {
                  dates.add(LocalDate.parse(v));
                }
              } catch (DateTimeParseException e) {
                // Not a date: nothing to compare.
              }
            });
    return dates.stream().anyMatch(d -> !d.isBefore(since));
  }

  private static List<String> statuses(MedicationEntry m) {
    List<String> statuses = new ArrayList<>(List.of(m.status()));
    m.differences().stream()
        .filter(d -> d.field().equals("status"))
        .flatMap(d -> d.values().stream())
        .map(ItemDifference.SourceValue::value)
        .filter(java.util.Objects::nonNull)
        .forEach(statuses::add);
    return statuses;
  }

  private static @Nullable String merged(MedicationEntry m, String field) {
    return switch (field) {
      case "dosageText" -> m.dosageText();
      case "quantityText" -> m.quantityText();
      case "startDate" -> m.startDate() == null ? null : m.startDate().toString();
      case "endDate" -> m.endDate() == null ? null : m.endDate().toString();
      case "status" -> m.status();
      default -> null;
    };
  }

  private static String shown(Value v) {
    String value = v.value() == null ? "" : v.value().strip();
    if (v.field().equals("status")) {
      return ItemWords.status(value);
    }
    if (v.field().endsWith("Date")) {
      try {
        return CuiFormat.date(LocalDate.parse(value));
      } catch (DateTimeParseException e) {
        return value;
      }
    }
    return value;
  }

  /** GP first, then the community pharmacy, then the hospital, then any other source. */
  private static int columnRank(String sourceId) {
    if (sourceId.startsWith("gp")) {
      return 0;
    }
    if (sourceId.contains("pharmacy")) {
      return 1;
    }
    if (sourceId.equals("acute") || sourceId.contains("hospital")) {
      return 2;
    }
    return 3;
  }
}
