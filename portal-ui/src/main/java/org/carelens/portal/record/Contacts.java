package org.carelens.portal.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.carelens.portal.gateway.PatientContact;
import org.carelens.portal.gateway.PatientView;
import org.jspecify.annotations.Nullable;

/**
 * Words for the patient's contacts from the demographics spine (its emergency contact), for the
 * summary's demographics tile and the banner. A contact that has ended is still shown, saying when
 * it ended, so nobody rings a number the spine no longer holds as current without knowing.
 */
public final class Contacts {

  /** What the tile and banner say when the spine records no contact. */
  static final String NONE = "Next of kin or emergency contact: Not known";

  /** What a restricted record says instead of its whereabouts. */
  static final String RESTRICTED =
      "Restricted record: address, phone, registered GP and contacts are not shown";

  private Contacts() {}

  /** Current contacts first, then ended ones, each group in the spine's order. */
  public static List<PatientContact> ordered(PatientView patient, LocalDate today) {
    return patient.contacts().stream()
        .sorted(Comparator.comparing((PatientContact c) -> ended(c, today) ? 1 : 0))
        .toList();
  }

  /**
   * "Emergency contact: 0113 496 0921", "Next of kin: Mrs Susan Smith — 0113 496 0921", "Emergency
   * contact: 01632 960587 (ended 31-Dec-2025)".
   */
  public static String line(PatientContact c, LocalDate today) {
    return relationship(c.relationship()) + ": " + value(c, today);
  }

  /** The contact without its relationship: name, number, and when it ended or starts. */
  public static String value(PatientContact c, LocalDate today) {
    List<String> parts = new ArrayList<>();
    text(c.name()).ifPresent(parts::add);
    text(c.telephone()).ifPresent(parts::add);
    String value = parts.isEmpty() ? "Not known" : String.join(" — ", parts);
    if (ended(c, today)) {
      value += " (ended " + CuiFormat.date(c.end()) + ")";
    } else if (c.start() != null && c.start().isAfter(today)) {
      value += " (from " + CuiFormat.date(c.start()) + ")";
    }
    return value;
  }

  /** Every contact's line, current first. */
  public static List<String> lines(PatientView patient, LocalDate today) {
    return ordered(patient, today).stream().map(c -> line(c, today)).toList();
  }

  /** "Emergency Contact" → "Emergency contact", "Next-of-Kin" → "Next of kin", none → "Contact". */
  static String relationship(@Nullable String relationship) {
    return text(relationship)
        .map(r -> CuiFormat.capitalised(r.replace('-', ' ')))
        .orElse("Contact");
  }

  private static boolean ended(PatientContact c, LocalDate today) {
    return c.end() != null && c.end().isBefore(today);
  }

  private static java.util.Optional<String> text(@Nullable String s) {
    return s == null || s.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(s.strip());
  }
}
