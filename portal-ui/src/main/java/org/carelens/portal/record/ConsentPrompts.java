package org.carelens.portal.record;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.carelens.portal.gateway.SourceView;

/**
 * When the record page offers consent actions. Only direct-care roles may record the patient's
 * permission to view or declare break-glass (the gateway refuses anyone else), so nobody else is
 * offered them.
 */
public final class ConsentPrompts {

  /** Roles that give direct care. */
  public static final Set<String> DIRECT_CARE = Set.of("clinician", "pharmacist", "social-worker");

  /** The reason code of a source shown only with the patient's permission (Bradford model). */
  public static final String PERMISSION_REQUIRED = "PERMISSION_TO_VIEW_REQUIRED";

  private ConsentPrompts() {}

  /** The sources, by name, that wait for the patient's permission to view. */
  public static List<String> awaitingPermission(List<SourceView> sources) {
    return sources.stream()
        .filter(s -> "WITHHELD".equals(s.status()))
        .filter(s -> s.reasonIfAny().filter(PERMISSION_REQUIRED::equals).isPresent())
        .map(SourceView::name)
        .toList();
  }

  /**
   * Whether to offer the permission prompt: a direct-care role, the launched patient (the only one
   * known to be present; the gateway refuses permission for any other) and a source waiting for it.
   */
  public static boolean offerPermission(
      String role, boolean launchedPatient, List<SourceView> sources) {
    return DIRECT_CARE.contains(role) && launchedPatient && !awaitingPermission(sources).isEmpty();
  }

  /** Whether to offer break-glass: a direct-care role, not already active, something withheld. */
  public static boolean offerBreakGlass(
      String role, boolean breakGlassActive, List<SourceView> sources) {
    return DIRECT_CARE.contains(role)
        && !breakGlassActive
        && sources.stream().anyMatch(s -> "WITHHELD".equals(s.status()));
  }

  /** "Emergency (break-glass) access is active until 22-Nov-2026 05:10." */
  public static String activeUntil(Instant until, ZoneId zone) {
    return "Emergency (break-glass) access is active until %s."
        .formatted(CuiFormat.dateTime(until, zone));
  }

  /** A reason code from the agreement in words: {@code medical-emergency} → "Medical emergency". */
  public static String reasonWords(String reason) {
    return CuiFormat.capitalised(reason.replace('-', ' '));
  }
}
