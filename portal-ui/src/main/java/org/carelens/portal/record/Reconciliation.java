package org.carelens.portal.record;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.carelens.portal.gateway.ItemDifference;
import org.carelens.portal.gateway.ItemSource;
import org.carelens.portal.gateway.MedicationEntry;
import org.carelens.portal.gateway.MedicationValues;
import org.jspecify.annotations.Nullable;

/**
 * Medicines reconciliation (issue 13): one row per medicine as the gateway matched it across
 * sources, and for each source what that source holds, from that source's own values ({@code
 * sources[].values}). Each column shows first what a pharmacist reads there:
 *
 * <ul>
 *   <li>a GP practice: the prescription type, the dose and the last issue;
 *   <li>a community pharmacy: the last dispensing and the quantity;
 *   <li>a hospital: when it started and stopped the medicine, and the dose;
 *   <li>any other source: the dose, and whatever else it records.
 * </ul>
 *
 * <p>A field the sources differ on ({@code differences[]}) is shown in every column, marked in
 * words ("≠ Dose: … (differs)"), even where that column would not show it otherwise: a difference
 * is never hidden. A medicine stopped or completed at a source says so in that source's column,
 * with the reason where the source gives one. Nothing is resolved: every value stays beside its
 * source.
 *
 * <p>From a gateway that does not send per-source values, a column shows only what is known to be
 * that source's: the shown source's own values (the merged item's) and each source's value where
 * the sources differ. Another source's column is never filled from the merged item, which may hold
 * a value that source does not record ({@link #HELD_WITHOUT_DIFFERENCES} when nothing else is
 * known).
 */
public final class Reconciliation {

  /** What a column says when the source holds the medicine and nothing more is known of it. */
  public static final String HELD_WITHOUT_DIFFERENCES =
      "Holds this medicine; no difference from the other sources";

  /** Every field a source can hold, in the order they are read when nothing else decides. */
  static final List<String> FIELDS =
      List.of(
          "prescriptionType",
          "dosageText",
          "quantityText",
          "startDate",
          "endDate",
          "lastIssued",
          "status");

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

  /**
   * What kind of system a source is, by its id: the column's order (GP, then the community
   * pharmacy, then the hospital, then any other) and what it shows first.
   */
  public enum Column {
    GP(List.of("prescriptionType", "dosageText", "lastIssued"), List.of("endDate", "status")),
    PHARMACY(List.of("lastIssued", "quantityText"), List.of("status")),
    HOSPITAL(List.of("startDate", "dosageText"), List.of("endDate", "status")),
    OTHER(
        List.of("dosageText"),
        List.of(
            "prescriptionType", "quantityText", "startDate", "endDate", "lastIssued", "status"));

    /** Shown always, "not recorded" when the source has no value. */
    private final List<String> always;

    /** Shown when the source records something worth reading (a type other than unknown, …). */
    private final List<String> whenRecorded;

    Column(List<String> always, List<String> whenRecorded) {
      this.always = always;
      this.whenRecorded = whenRecorded;
    }

    /** The column for a source id: {@code gp}, {@code gp2} → GP; {@code community-pharmacy} … */
    public static Column of(String sourceId) {
      if (sourceId.startsWith("gp")) {
        return GP;
      }
      if (sourceId.contains("pharmacy")) {
        return PHARMACY;
      }
      if (sourceId.equals("acute") || sourceId.contains("hospital")) {
        return HOSPITAL;
      }
      return OTHER;
    }

    /** The label of a field in this column: a pharmacy's last issue is its last dispensing. */
    String label(String field) {
      return switch (field) {
        case "prescriptionType" -> "Type";
        case "dosageText" -> "Dose";
        case "quantityText" -> "Quantity";
        case "startDate" -> "Started";
        case "endDate" -> "Stopped";
        case "lastIssued" -> this == PHARMACY ? "Last dispensed" : "Last issued";
        case "status" -> "Status";
        default -> CuiFormat.capitalised(field);
      };
    }
  }

  /**
   * One line of a source's column.
   *
   * @param field the medication's JSON field name, e.g. {@code dosageText}
   * @param label what the line is called in this column, e.g. "Last dispensed"
   * @param text the value in words (dates CUI, types and statuses in words); null when the source
   *     records none
   * @param differs the sources differ on this field
   */
  public record Value(String field, String label, @Nullable String text, boolean differs) {}

  /** The sources of medication lines, in the order columns are shown. */
  public static List<ItemSource> sources(List<MedicationEntry> medicines) {
    Map<String, ItemSource> sources = new LinkedHashMap<>();
    for (MedicationEntry m : MedicationLines.ordered(medicines)) {
      for (ItemSource s : m.sources()) {
        sources.putIfAbsent(s.id(), s);
      }
    }
    return sources.values().stream()
        .sorted(Comparator.comparingInt(s -> Column.of(s.id()).ordinal()))
        .toList();
  }

  /**
   * What a source holds for a medicine, line by line, in the order its column shows them; empty
   * when the source does not hold the medicine.
   */
  public static Optional<List<Value>> values(MedicationEntry m, String sourceId) {
    Optional<ItemSource> source =
        m.sources().stream().filter(s -> s.id().equals(sourceId)).findFirst();
    if (source.isEmpty()) {
      return Optional.empty();
    }
    Column column = Column.of(sourceId);
    Map<String, Held> held = held(m, source.get());
    Set<String> differing = new LinkedHashSet<>();
    m.differences().forEach(d -> differing.add(d.field()));
    Set<String> fields = new LinkedHashSet<>(column.always);
    for (String field : column.whenRecorded) {
      Held h = held.get(field);
      if (h != null && h.known() && worthReading(field, h.value())) {
        fields.add(field);
      }
    }
    FIELDS.stream().filter(differing::contains).forEach(fields::add);
    List<Value> values = new ArrayList<>();
    for (String field : fields) {
      Held h = held.getOrDefault(field, Held.UNKNOWN);
      boolean differs = differing.contains(field);
      if (!h.known() && !differs) {
        // Not sent for this source, and no difference on it: nothing true to say.
        continue;
      }
      values.add(
          new Value(field, column.label(field), shown(field, h.value(), h.reason()), differs));
    }
    return Optional.of(values);
  }

  /** "≠ Dose: One tablet twice a day (differs)", "Last dispensed: 20-Nov-2026". */
  public static String words(Value v) {
    String value = v.text() == null || v.text().isBlank() ? "not recorded" : v.text();
    return (v.differs() ? "≠ " : "") + v.label() + ": " + value + (v.differs() ? " (differs)" : "");
  }

  /** Whether a medicine passes a filter, by its own or any source's status and dates. */
  public static boolean matches(MedicationEntry m, Filter filter, LocalDate today) {
    List<String> statuses = statuses(m);
    boolean current = statuses.contains("ACTIVE");
    boolean stopped =
        statuses.stream().anyMatch(s -> s.equals("DISCONTINUED") || s.equals("COMPLETED"));
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

  /** One source's value of one field; {@code known} is false when the portal cannot tell it. */
  private record Held(boolean known, @Nullable String value, @Nullable String reason) {
    static final Held UNKNOWN = new Held(false, null, null);

    static Held of(@Nullable Object value) {
      return new Held(true, value == null ? null : value.toString(), null);
    }
  }

  /** What a source holds, field by field, as text (dates ISO, codes as sent). */
  private static Map<String, Held> held(MedicationEntry m, ItemSource source) {
    Map<String, Held> held = new LinkedHashMap<>();
    MedicationValues own = source.values();
    if (own != null) {
      held.put("prescriptionType", Held.of(own.prescriptionType()));
      held.put("dosageText", Held.of(own.dosageText()));
      held.put("quantityText", Held.of(own.quantityText()));
      held.put("startDate", Held.of(own.startDate()));
      held.put("endDate", Held.of(own.endDate()));
      held.put("lastIssued", Held.of(own.lastIssued()));
      held.put("status", new Held(true, own.status(), own.discontinuationReason()));
      return held;
    }
    // An older gateway: the merged item's values are the first source's own.
    boolean shown = !m.sources().isEmpty() && m.sources().getFirst().id().equals(source.id());
    for (String field : FIELDS) {
      Optional<ItemDifference> difference =
          m.differences().stream().filter(d -> d.field().equals(field)).findFirst();
      if (difference.isPresent()) {
        held.put(
            field,
            new Held(
                true,
                difference.get().values().stream()
                    .filter(v -> v.source().equals(source.id()))
                    .map(ItemDifference.SourceValue::value)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null),
                null));
      } else if (shown) {
        held.put(
            field,
            new Held(
                true, merged(m, field), field.equals("status") ? m.discontinuationReason() : null));
      }
    }
    return held;
  }

  private static boolean worthReading(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (field) {
      case "status" -> !value.equals("ACTIVE");
      case "prescriptionType" -> !value.equals("UNKNOWN");
      default -> true;
    };
  }

  private static boolean recent(MedicationEntry m, LocalDate since) {
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d : new LocalDate[] {m.lastIssued(), m.endDate(), m.startDate()}) {
      if (d != null) {
        dates.add(d);
      }
    }
    for (ItemSource s : m.sources()) {
      MedicationValues v = s.values();
      if (v != null) {
        for (LocalDate d : new LocalDate[] {v.lastIssued(), v.endDate(), v.startDate()}) {
          if (d != null) {
            dates.add(d);
          }
        }
      }
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
    m.sources().stream()
        .map(ItemSource::values)
        .filter(Objects::nonNull)
        .map(MedicationValues::status)
        .filter(Objects::nonNull)
        .forEach(statuses::add);
    m.differences().stream()
        .filter(d -> d.field().equals("status"))
        .flatMap(d -> d.values().stream())
        .map(ItemDifference.SourceValue::value)
        .filter(Objects::nonNull)
        .forEach(statuses::add);
    return statuses;
  }

  private static @Nullable String merged(MedicationEntry m, String field) {
    return switch (field) {
      case "prescriptionType" -> m.prescriptionType();
      case "dosageText" -> m.dosageText();
      case "quantityText" -> m.quantityText();
      case "startDate" -> m.startDate() == null ? null : m.startDate().toString();
      case "endDate" -> m.endDate() == null ? null : m.endDate().toString();
      case "lastIssued" -> m.lastIssued() == null ? null : m.lastIssued().toString();
      case "status" -> m.status();
      default -> null;
    };
  }

  /** A value in words: types and statuses as said, dates in CUI form, text as written. */
  private static @Nullable String shown(
      String field, @Nullable String value, @Nullable String reason) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    return switch (field) {
      case "prescriptionType" -> MedicationLines.typeWords(v);
      case "status" ->
          ItemWords.status(v)
              + (reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")");
      case "startDate", "endDate", "lastIssued" -> {
        try {
          yield CuiFormat.date(LocalDate.parse(v));
        } catch (DateTimeParseException e) {
          yield v;
        }
      }
      default -> v;
    };
  }
}
