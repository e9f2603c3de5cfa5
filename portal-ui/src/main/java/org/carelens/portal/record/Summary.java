package org.carelens.portal.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.carelens.portal.gateway.AlertEntry;
import org.carelens.portal.gateway.AllergyEntry;
import org.carelens.portal.gateway.CareTeamEntry;
import org.carelens.portal.gateway.EncounterEntry;
import org.carelens.portal.gateway.IncompleteSection;
import org.carelens.portal.gateway.MedicationEntry;
import org.carelens.portal.gateway.PatientView;
import org.carelens.portal.gateway.ProblemEntry;
import org.carelens.portal.gateway.RecordItem;
import org.carelens.portal.gateway.SectionData;
import org.carelens.portal.gateway.Sections;
import org.carelens.portal.gateway.SocialCareEntry;
import org.jspecify.annotations.Nullable;

/**
 * The tiles of the summary a role lands on (issue 13): what PRODUCT.md says each user needs in
 * their first 30 seconds, a few lines each, so the whole summary fits one 1366 × 768 screen. Pure:
 * the same sections, sources and day always give the same tiles.
 *
 * <p>Every tile names its sources and says "may be incomplete" when a source that could add to it
 * is still loading, timed out, failed, was withheld for this patient, or could not read the tile's
 * sections completely. Sources withheld for every patient by the viewer's role or organisation type
 * are not a gap in this patient's record: the page names those once.
 */
public final class Summary {

  /** Lines per tile before "and N more" (care plans and alerts get more: they are never cut). */
  static final int LINES = 4;

  /** Care plan kinds, pinned first on every clinical summary. */
  static final Set<String> CARE_PLANS = Set.of("END_OF_LIFE", "DNACPR", "RESPECT", "CRISIS_PLAN");

  /** Withheld-source reasons that hold for every patient: not a gap in this patient's record. */
  private static final Set<String> FOR_EVERY_PATIENT =
      Set.of("NOT_IN_AGREEMENT", "NOT_SHARED_WITH_ORGANISATION_TYPE", "ROLE_NOT_PERMITTED");

  private Summary() {}

  /**
   * The out-of-hours doctor's (and every clinical role's) summary: care plans and alerts,
   * allergies, current medicines, active problems, last admission and discharge, last GP contact,
   * involved services, demographics.
   *
   * @param patient null while the record is still loading (no reconciled identity yet)
   * @param zone the viewer's zone: admission, discharge and contact times are shown in it
   */
  public static List<SummaryTile> clinical(
      @Nullable PatientView patient,
      Sections sections,
      List<SourceProgress.Row> sources,
      LocalDate today,
      ZoneId zone) {
    List<SummaryTile> tiles = new ArrayList<>();
    // In reading order on a four-column grid: the wide tiles (care plans, medicines, involved
    // services, demographics) take two columns each.
    tiles.add(carePlansAndAlerts(sections, sources));
    tiles.add(allergies(sections, sources));
    tiles.add(problems(sections, sources));
    tiles.add(medicines(sections, sources));
    tiles.add(lastAdmission(sections, sources, zone));
    tiles.add(lastGpContact(sections, sources, zone));
    tiles.add(careTeam(sections, sources));
    tiles.add(demographics(patient, sections, sources, today));
    return List.copyOf(tiles);
  }

  /**
   * The social worker's summary: care team with contacts, care packages, safeguarding and care
   * plans, recent admissions and discharges, and key contacts.
   */
  public static List<SummaryTile> socialWorker(
      @Nullable PatientView patient,
      Sections sections,
      List<SourceProgress.Row> sources,
      LocalDate today,
      ZoneId zone) {
    return List.of(
        carePlansAndAlerts(sections, sources),
        careTeam(sections, sources),
        carePackages(sections, sources),
        recentAdmissions(sections, sources, today, zone),
        demographics(patient, sections, sources, today));
  }

  static SummaryTile carePlansAndAlerts(Sections sections, List<SourceProgress.Row> sources) {
    List<AlertEntry> active =
        items(sections.alerts()).stream()
            .filter(a -> "ACTIVE".equals(a.status()))
            .sorted(
                Comparator.comparing((AlertEntry a) -> CARE_PLANS.contains(a.kind()) ? 0 : 1)
                    .thenComparing(AlertEntry::recordedDate, newestFirst()))
            .toList();
    // Never cut: a DNACPR below a fold is a DNACPR missed.
    List<String> lines = active.stream().map(Summary::alertLine).toList();
    return new SummaryTile(
        "tile-care-plans",
        "Care plans and alerts",
        lines,
        0,
        empty(sections.alerts(), "No active care plans or alerts from the sources that answered"),
        sourceNames(active),
        gaps(
            sources,
            java.util.Collections.singletonList(sections.alerts()),
            List.of(SectionKind.ALERTS)),
        true,
        Optional.of(SectionKind.ALERTS));
  }

  static SummaryTile allergies(Sections sections, List<SourceProgress.Row> sources) {
    List<AllergyEntry> active =
        items(sections.allergies()).stream()
            .sorted(
                Comparator.comparing((AllergyEntry a) -> "ACTIVE".equals(a.status()) ? 0 : 1)
                    .thenComparing(a -> a.concept().display()))
            .toList();
    String title = AllergyTitle.of(sections.allergiesIfPresent()).text();
    return tile(
        "tile-allergies",
        title,
        active,
        Summary::allergyLine,
        empty(sections.allergies(), title),
        sources,
        sections.allergies(),
        SectionKind.ALLERGIES);
  }

  static SummaryTile medicines(Sections sections, List<SourceProgress.Row> sources) {
    List<MedicationEntry> current =
        MedicationLines.ordered(items(sections.medications())).stream()
            .filter(m -> "ACTIVE".equals(m.status()))
            .toList();
    return tile(
        "tile-medications",
        "Current medicines",
        current,
        MedicationLines::line,
        empty(sections.medications(), "No current medicines from the sources that answered"),
        sources,
        sections.medications(),
        SectionKind.MEDICATIONS);
  }

  static SummaryTile problems(Sections sections, List<SourceProgress.Row> sources) {
    List<ProblemEntry> active =
        items(sections.problems()).stream()
            .filter(p -> "ACTIVE".equals(p.status()))
            .sorted(
                Comparator.comparing((ProblemEntry p) -> "MAJOR".equals(p.significance()) ? 0 : 1)
                    .thenComparing(ProblemEntry::onsetDate, newestFirst()))
            .toList();
    return tile(
        "tile-problems",
        "Active problems",
        active,
        p ->
            p.concept().display()
                + (p.onsetDate() == null ? "" : " (since " + CuiFormat.date(p.onsetDate()) + ")"),
        empty(sections.problems(), "No active problems from the sources that answered"),
        sources,
        sections.problems(),
        SectionKind.PROBLEMS);
  }

  /**
   * The latest admission: when the patient was admitted and discharged, each with its time where
   * the source recorded one ({@code Admitted 12-Mar-2024 23:50}), else its day.
   */
  static SummaryTile lastAdmission(
      Sections sections, List<SourceProgress.Row> sources, ZoneId zone) {
    Optional<EncounterEntry> last =
        items(sections.encounters()).stream()
            .filter(e -> "ADMISSION".equals(e.kind()))
            .max(Timeline.BY_START);
    List<String> lines = new ArrayList<>();
    last.ifPresent(
        e -> {
          lines.add(
              "Admitted "
                  + whenOrUnknown(e.start(), e.startTime(), zone)
                  + " — "
                  + e.concept().display()
                  + place(e.location()));
          lines.add(
              e.end() == null && e.endTime() == null
                  ? "Not discharged (still an inpatient, or no discharge recorded)"
                  : "Discharged "
                      + CuiFormat.when(e.end(), e.endTime(), zone)
                      + (e.dischargeDetails() == null || e.dischargeDetails().isBlank()
                          ? ""
                          : " — " + shortened(e.dischargeDetails().strip())));
        });
    return new SummaryTile(
        "tile-admission",
        "Last admission and discharge",
        lines,
        0,
        empty(sections.encounters(), "No admissions from the sources that answered"),
        sourceNames(last.stream().toList()),
        gaps(
            sources,
            java.util.Collections.singletonList(sections.encounters()),
            List.of(SectionKind.ENCOUNTERS)),
        false,
        Optional.of(SectionKind.ENCOUNTERS));
  }

  /** The latest GP consultation, with its time where the practice recorded one. */
  static SummaryTile lastGpContact(
      Sections sections, List<SourceProgress.Row> sources, ZoneId zone) {
    List<EncounterEntry> last =
        items(sections.encounters()).stream()
            .filter(e -> "GP_CONSULTATION".equals(e.kind()))
            .max(Timeline.BY_START)
            .stream()
            .toList();
    return tile(
        "tile-gp-contact",
        "Last GP contact",
        last,
        e ->
            whenOrUnknown(e.start(), e.startTime(), zone)
                + " — "
                + e.concept().display()
                + (e.clinician() == null || e.clinician().isBlank()
                    ? ""
                    : " — " + e.clinician().strip()),
        empty(sections.encounters(), "No GP contacts from the sources that answered"),
        sources,
        sections.encounters(),
        SectionKind.ENCOUNTERS);
  }

  static SummaryTile careTeam(Sections sections, List<SourceProgress.Row> sources) {
    List<CareTeamEntry> active =
        items(sections.careTeam()).stream()
            .filter(c -> "ACTIVE".equals(c.status()))
            .sorted(Comparator.comparing(CareTeamEntry::startDate, newestFirst()))
            .toList();
    return tile(
        "tile-care-team",
        "Involved services",
        active,
        Summary::careTeamLine,
        empty(sections.careTeam(), "No involved services from the sources that answered"),
        sources,
        sections.careTeam(),
        SectionKind.CARE_TEAM);
  }

  static SummaryTile carePackages(Sections sections, List<SourceProgress.Row> sources) {
    List<SocialCareEntry> current =
        items(sections.socialCare()).stream()
            .filter(s -> "ACTIVE".equals(s.status()) || "PLANNED".equals(s.status()))
            .sorted(Comparator.comparing(SocialCareEntry::startDate, newestFirst()))
            .toList();
    return tile(
        "tile-care-packages",
        "Care packages",
        current,
        s ->
            s.concept().display()
                + " — "
                + ItemWords.status(s.status())
                + (s.startDate() == null ? "" : " from " + CuiFormat.date(s.startDate()))
                + (s.provider() == null || s.provider().isBlank()
                    ? ""
                    : " — " + s.provider().strip()),
        empty(sections.socialCare(), "No current care packages from the sources that answered"),
        sources,
        sections.socialCare(),
        SectionKind.SOCIAL_CARE);
  }

  static SummaryTile recentAdmissions(
      Sections sections, List<SourceProgress.Row> sources, LocalDate today, ZoneId zone) {
    LocalDate since = today.minusMonths(12);
    List<EncounterEntry> recent =
        items(sections.encounters()).stream()
            .filter(e -> "ADMISSION".equals(e.kind()) || "EMERGENCY_ATTENDANCE".equals(e.kind()))
            .filter(e -> e.start() != null && !e.start().isBefore(since))
            .sorted(Timeline.BY_START.reversed())
            .toList();
    return tile(
        "tile-admissions",
        "Admissions and discharges (last 12 months)",
        recent,
        e ->
            whenOrUnknown(e.start(), e.startTime(), zone)
                + " "
                + ItemWords.kind(e.kind())
                + " — "
                + e.concept().display()
                + (e.end() == null && e.endTime() == null
                    ? ""
                    : ", discharged " + CuiFormat.when(e.end(), e.endTime(), zone)),
        empty(
            sections.encounters(),
            "No admissions in the last 12 months from the sources that answered"),
        sources,
        sections.encounters(),
        SectionKind.ENCOUNTERS);
  }

  /**
   * Address, phone, registered GP, the spine's contacts (its emergency contact) and, where the care
   * team names one, a next of kin or carer. Restricted (S-flag) patients: the gateway sends no
   * address, phone, practice or contacts, and the tile says why rather than leaving blanks.
   */
  static SummaryTile demographics(
      @Nullable PatientView patient,
      Sections sections,
      List<SourceProgress.Row> sources,
      LocalDate today) {
    List<String> lines = new ArrayList<>();
    List<CareTeamEntry> carers =
        items(sections.careTeam()).stream().filter(Summary::nextOfKinOrCarer).toList();
    if (patient != null) {
      if (patient.restricted()) {
        lines.add(Contacts.RESTRICTED);
      } else {
        lines.add("Address: " + orNotKnown(patient.address()));
        lines.add("Phone: " + orNotKnown(patient.telephone()));
        lines.add("Registered GP: " + orNotKnown(patient.registeredPractice()));
        lines.addAll(Contacts.lines(patient, today));
        if (patient.contacts().isEmpty() && carers.isEmpty()) {
          lines.add(Contacts.NONE);
        }
      }
    }
    carers.forEach(c -> lines.add("Next of kin or carer: " + careTeamLine(c)));
    List<String> names =
        sources.stream()
            .filter(r -> "OK".equals(r.status()))
            .map(SourceProgress.Row::name)
            .toList();
    return new SummaryTile(
        "tile-demographics",
        "Demographics and contacts",
        lines,
        0,
        "Loading the patient's details…",
        names,
        gaps(sources, List.of(), List.of()),
        false,
        Optional.empty());
  }

  /** "DNACPR: Do not attempt CPR — 12-Mar-2024 — Riverside Medical Practice". */
  static String alertLine(AlertEntry a) {
    String kind = ItemWords.kind(a.kind());
    String display = a.concept().display();
    String head =
        display.toLowerCase(Locale.UK).contains(kind.toLowerCase(Locale.UK))
            ? display
            : kind + ": " + display;
    return head
        + (a.recordedDate() == null ? "" : " — " + CuiFormat.date(a.recordedDate()))
        + " — "
        + ItemWords.sources(a);
  }

  static String allergyLine(AllergyEntry a) {
    StringBuilder line = new StringBuilder(a.concept().display());
    if (!a.reactions().isEmpty()) {
      line.append(" — ").append(String.join(", ", a.reactions()));
    }
    if (a.severity() != null && !a.severity().isBlank()) {
      line.append(" (").append(CuiFormat.capitalised(a.severity())).append(')');
    }
    if (!"ACTIVE".equals(a.status())) {
      line.append(" [").append(ItemWords.status(a.status())).append(']');
    }
    if (a.conflict()) {
      line.append(" — ").append(ConflictMarker.TEXT);
    }
    return line.toString();
  }

  static String careTeamLine(CareTeamEntry c) {
    return c.memberName().strip()
        + " ("
        + c.concept().display()
        + ")"
        + (c.organisation() == null || c.organisation().isBlank()
            ? ""
            : ", " + c.organisation().strip())
        + (c.contact() == null || c.contact().isBlank() ? "" : " — " + c.contact().strip());
  }

  private static boolean nextOfKinOrCarer(CareTeamEntry c) {
    String role = c.concept().display().toLowerCase(Locale.UK);
    return role.contains("carer") || role.contains("next of kin") || role.contains("relative");
  }

  /**
   * Why a tile may be missing something: every source still loading, not answering, failing, or
   * withheld for this patient, and every section a source could not read completely.
   */
  static List<String> gaps(
      List<SourceProgress.Row> sources,
      List<? extends @Nullable SectionData<?>> sections,
      List<SectionKind> kinds) {
    Set<String> gaps = new LinkedHashSet<>();
    for (SourceProgress.Row row : sources) {
      String gap =
          switch (row.status()) {
            case "OK", "NO_RECORD" -> null;
            case SourceProgress.LOADING -> row.name() + ": still loading";
            case "TIMEOUT" -> row.name() + ": did not answer in time";
            case "CIRCUIT_OPEN" -> row.name() + ": unavailable";
            case "ERROR" -> row.name() + ": could not be read";
            case "WITHHELD" -> withheld(row);
            default -> row.name() + ": " + CuiFormat.capitalised(row.status());
          };
      if (gap != null) {
        gaps.add(gap);
      }
      if (row instanceof SourceProgress.Answered answered) {
        for (IncompleteSection s : answered.source().incompleteSections()) {
          if (kinds.stream().anyMatch(k -> k.key().equals(s.section()))) {
            gaps.add(row.name() + ": " + Completeness.sectionGap(s));
          }
        }
      }
    }
    for (int i = 0; i < sections.size(); i++) {
      SectionData<?> section = sections.get(i);
      if (section == null) {
        gaps.add(kinds.get(i).unavailable());
      } else if (section.withheld()
          && section.withheldReasons().stream().anyMatch(r -> !r.equals("ROLE"))) {
        gaps.add(SectionPanel.GENERIC_NOTICE);
      }
    }
    return List.copyOf(gaps);
  }

  private static @Nullable String withheld(SourceProgress.Row row) {
    if (!(row instanceof SourceProgress.Answered answered)) {
      return row.name() + ": withheld";
    }
    Optional<String> reason = answered.source().reasonIfAny();
    if (reason.isPresent() && FOR_EVERY_PATIENT.contains(reason.get())) {
      return null;
    }
    return row.name() + ": withheld — " + WithheldReasons.words(reason);
  }

  private static <T extends RecordItem> SummaryTile tile(
      String id,
      String title,
      List<T> items,
      Function<T, String> line,
      String emptyText,
      List<SourceProgress.Row> sources,
      @Nullable SectionData<T> section,
      SectionKind kind) {
    List<T> shown = items.stream().limit(LINES).toList();
    return new SummaryTile(
        id,
        title,
        shown.stream().map(line).toList(),
        items.size() - shown.size(),
        emptyText,
        sourceNames(items),
        gaps(sources, java.util.Collections.singletonList(section), List.of(kind)),
        false,
        Optional.of(kind));
  }

  /** What an empty tile says: unavailable when the section is missing, else the given words. */
  private static String empty(@Nullable SectionData<?> section, String none) {
    return section == null ? "Unavailable: the gateway's answer did not include it" : none;
  }

  private static List<String> sourceNames(List<? extends RecordItem> items) {
    return items.stream().flatMap(i -> i.sources().stream()).map(s -> s.name()).distinct().toList();
  }

  private static <T extends RecordItem> List<T> items(@Nullable SectionData<T> section) {
    return section == null ? List.of() : section.items();
  }

  private static String whenOrUnknown(
      @Nullable LocalDate date, @Nullable OffsetDateTime time, ZoneId zone) {
    return date == null && time == null ? "Date not known" : CuiFormat.when(date, time, zone);
  }

  /** A long free text cut at a word, with "…": the whole text is in the full section. */
  static String shortened(String text) {
    if (text.length() <= SHORT) {
      return text;
    }
    int cut = text.lastIndexOf(' ', SHORT);
    return text.substring(0, cut > SHORT / 2 ? cut : SHORT) + " …";
  }

  private static final int SHORT = 90;

  private static String place(@Nullable String location) {
    return location == null || location.isBlank() ? "" : " — " + location.strip();
  }

  private static String orNotKnown(@Nullable String value) {
    return value == null || value.isBlank() ? "Not known" : value.strip();
  }

  private static Comparator<@Nullable LocalDate> newestFirst() {
    return Comparator.nullsLast(Comparator.<LocalDate>reverseOrder());
  }
}
