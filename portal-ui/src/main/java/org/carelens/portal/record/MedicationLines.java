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
