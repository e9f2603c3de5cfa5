package org.carelens.portal.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.carelens.portal.gateway.EncounterEntry;

/**
 * The encounter timeline's rules (issue 13), kept pure so they are tested without a browser:
 * admissions, A&amp;E, outpatient, GP and other contacts on one time axis, newest first, filtered
 * by type and, by default, to the last 24 months.
 */
public final class Timeline {

  /** The default window: two years of contacts, with "show all" for the rest. */
  public static final int DEFAULT_MONTHS = 24;

  /** The types in the order the filter lists them. */
  static final List<String> KINDS =
      List.of(
          "ADMISSION",
          "EMERGENCY_ATTENDANCE",
          "OUTPATIENT",
          "GP_CONSULTATION",
          "OUT_OF_HOURS",
          "COMMUNITY",
          "OTHER");

  /**
   * Oldest first: by day, then within a day by time where the source recorded one (a contact known
   * only to the day comes before the timed ones of its day: it cannot be placed among them);
   * undated first. The summary's "last" contact is the greatest.
   */
  static final Comparator<EncounterEntry> BY_START =
      Comparator.comparing(
              EncounterEntry::start, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
          .thenComparing(
              e -> e.startTime() == null ? null : e.startTime().toInstant(),
              Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));

  /**
   * Newest first, a later time before an earlier one on the same day; then by type and name, so a
   * record always reads the same; undated last.
   */
  static final Comparator<EncounterEntry> ORDER =
      BY_START
          .reversed()
          .thenComparing(e -> kindRank(e.kind()))
          .thenComparing(e -> e.concept().display().toLowerCase(Locale.UK))
          .thenComparing(EncounterEntry::id);

  private Timeline() {}

  /** The types present, in filter order (an unknown type is listed after the known ones). */
  public static List<String> kinds(Collection<EncounterEntry> encounters) {
    Set<String> present = new LinkedHashSet<>();
    KINDS.stream()
        .filter(k -> encounters.stream().anyMatch(e -> k.equals(e.kind())))
        .forEach(present::add);
    encounters.stream().map(EncounterEntry::kind).sorted().forEach(present::add);
    return List.copyOf(present);
  }

  /**
   * The entries to show: of the chosen types and, unless {@code all}, starting within {@link
   * #DEFAULT_MONTHS} of today. Undated entries are always shown: leaving them out would hide them.
   */
  public static List<EncounterEntry> entries(
      List<EncounterEntry> encounters, Set<String> kinds, boolean all, LocalDate today) {
    LocalDate since = today.minusMonths(DEFAULT_MONTHS);
    return encounters.stream()
        .filter(e -> kinds.contains(e.kind()))
        .filter(e -> all || e.start() == null || !e.start().isBefore(since))
        .sorted(ORDER)
        .toList();
  }

  /** How many entries of the chosen types the window leaves out. */
  public static int outsideWindow(
      List<EncounterEntry> encounters, Set<String> kinds, LocalDate today) {
    return entries(encounters, kinds, true, today).size()
        - entries(encounters, kinds, false, today).size();
  }

  private static int kindRank(String kind) {
    int i = KINDS.indexOf(kind);
    return i < 0 ? KINDS.size() : i;
  }
}
