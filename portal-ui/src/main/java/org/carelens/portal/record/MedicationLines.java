package org.carelens.portal.record;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.carelens.portal.gateway.MedicationEntry;
import org.jspecify.annotations.Nullable;

/** CUI medication lines: ordering and the words for prescription types and statuses. */
public final class MedicationLines {

  /**
   * Current medication first (what a clinician acts on), then completed and discontinued; within
   * each group alphabetically by medication name, so the same record always reads the same way.
   */
  public static final Comparator<MedicationEntry> ORDER =
      Comparator.comparingInt((MedicationEntry m) -> "ACTIVE".equals(m.status()) ? 0 : 1)
          .thenComparing(m -> m.concept().display().toLowerCase(Locale.UK))
          .thenComparing(MedicationEntry::id);

  private MedicationLines() {}

  /** The medication lines in display order. */
  public static List<MedicationEntry> ordered(List<MedicationEntry> items) {
    return items.stream().sorted(ORDER).toList();
  }

  /**
   * The CUI medication line: name, then dose, then quantity, then the prescription type, e.g.
   * "Amlodipine 5mg tablets — One tablet once a day — 28 tablets (Repeat)". A line whose sources
   * disagree ends with "Sources disagree", so a summary never hides a conflict.
   */
  public static String line(MedicationEntry m) {
    StringBuilder line = new StringBuilder(m.concept().display().strip());
    if (m.dosageText() != null && !m.dosageText().isBlank()) {
      line.append(" — ").append(m.dosageText().strip());
    }
    if (m.quantityText() != null && !m.quantityText().isBlank()) {
      line.append(" — ").append(m.quantityText().strip());
    }
    if (m.prescriptionType() != null && !"UNKNOWN".equals(m.prescriptionType())) {
      line.append(" (").append(typeWords(m.prescriptionType())).append(')');
    }
    if (m.conflict()) {
      line.append(" — ").append(ConflictMarker.TEXT);
    }
    return line.toString();
  }

  /**
   * {@code ACUTE} → Acute, {@code REPEAT} → Repeat, {@code REPEAT_DISPENSING} → Repeat dispensing.
   */
  public static String typeWords(@Nullable String prescriptionType) {
    if (prescriptionType == null) {
      return "Not known";
    }
    return switch (prescriptionType) {
      case "ACUTE" -> "Acute";
      case "REPEAT" -> "Repeat";
      case "REPEAT_DISPENSING" -> "Repeat dispensing";
      case "UNKNOWN" -> "Not known";
      default -> CuiFormat.capitalised(prescriptionType);
    };
  }

  /** {@code ACTIVE} → Active, and so on; a discontinuation reason follows when known. */
  public static String statusWords(MedicationEntry entry) {
    String words = CuiFormat.capitalised(entry.status());
    String reason = entry.discontinuationReason();
    return reason == null || reason.isBlank() ? words : words + " (" + reason.strip() + ")";
  }
}
