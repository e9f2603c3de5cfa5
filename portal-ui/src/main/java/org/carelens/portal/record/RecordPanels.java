package org.carelens.portal.record;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.SerializableConsumer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.carelens.portal.gateway.AlertEntry;
import org.carelens.portal.gateway.CareTeamEntry;
import org.carelens.portal.gateway.DocumentEntry;
import org.carelens.portal.gateway.EncounterEntry;
import org.carelens.portal.gateway.ImmunisationEntry;
import org.carelens.portal.gateway.ItemSection;
import org.carelens.portal.gateway.ProblemEntry;
import org.carelens.portal.gateway.ReferralEntry;
import org.carelens.portal.gateway.ResultEntry;
import org.carelens.portal.gateway.SocialCareEntry;
import org.jspecify.annotations.Nullable;

/**
 * The panels for the sections beyond allergies and medications. Each lists what a clinician acts on
 * first (active before ended, newest before oldest) and ends, like every section, with the item's
 * sources and the conflict marker.
 */
final class RecordPanels {

  private RecordPanels() {}

  static SectionPanel<AlertEntry> alerts(Optional<ItemSection<AlertEntry>> section) {
    return new SectionPanel<>(
        SectionKind.ALERTS,
        section,
        SectionPanel.noneReturned(SectionKind.ALERTS),
        grid -> {
          grid.addColumn(a -> a.concept().display())
              .setHeader("Alert")
              .setKey("alert")
              .setRowHeader(true)
              .setFlexGrow(2);
          grid.addColumn(a -> ItemWords.kind(a.kind())).setHeader("Type");
          grid.addColumn(a -> ItemWords.status(a.status())).setHeader("Status");
          grid.addColumn(a -> ItemWords.date(a.recordedDate())).setHeader("Recorded");
          grid.addColumn(a -> ItemWords.text(a.note())).setHeader("Note").setFlexGrow(3);
        },
        items ->
            sorted(
                items,
                Comparator.comparing((AlertEntry a) -> active(a.status()))
                    .thenComparing(a -> a.recordedDate(), newestFirst())));
  }

  static SectionPanel<ProblemEntry> problems(Optional<ItemSection<ProblemEntry>> section) {
    return new SectionPanel<>(
        SectionKind.PROBLEMS,
        section,
        SectionPanel.noneReturned(SectionKind.PROBLEMS),
        grid -> {
          grid.addColumn(p -> p.concept().display())
              .setHeader("Problem")
              .setKey("problem")
              .setRowHeader(true)
              .setFlexGrow(3);
          grid.addColumn(p -> ItemWords.status(p.status())).setHeader("Status");
          grid.addColumn(p -> significance(p.significance())).setHeader("Significance");
          grid.addColumn(p -> ItemWords.date(p.onsetDate())).setHeader("Onset");
          grid.addColumn(p -> ItemWords.date(p.endDate())).setHeader("Ended");
        },
        items ->
            sorted(
                items,
                Comparator.comparing((ProblemEntry p) -> active(p.status()))
                    .thenComparing(p -> "MAJOR".equals(p.significance()) ? 0 : 1)
                    .thenComparing(p -> p.onsetDate(), newestFirst())));
  }

  /**
   * @param zone the viewer's zone: a start or end the source timed is shown with its local time
   */
  static SectionPanel<EncounterEntry> encounters(
      Optional<ItemSection<EncounterEntry>> section, ZoneId zone) {
    return new SectionPanel<>(
        SectionKind.ENCOUNTERS,
        section,
        SectionPanel.noneReturned(SectionKind.ENCOUNTERS),
        grid -> {
          grid.addColumn(e -> CuiFormat.when(e.start(), e.startTime(), zone))
              .setHeader("Date")
              .setKey("date");
          grid.addColumn(e -> ItemWords.kind(e.kind())).setHeader("Type");
          grid.addColumn(e -> e.concept().display())
              .setHeader("Encounter")
              .setRowHeader(true)
              .setFlexGrow(2);
          grid.addColumn(e -> ItemWords.text(e.location())).setHeader("Location").setFlexGrow(2);
          grid.addColumn(e -> ItemWords.text(e.clinician())).setHeader("Clinician");
          grid.addColumn(RecordPanels::outcome).setHeader("Outcome").setFlexGrow(3);
          grid.addColumn(e -> CuiFormat.when(e.end(), e.endTime(), zone))
              .setHeader("Ended")
              .setKey("ended");
        },
        items -> sorted(items, Timeline.BY_START.reversed()),
        zone);
  }

  static SectionPanel<ResultEntry> results(
      Optional<ItemSection<ResultEntry>> section, String role) {
    return new SectionPanel<>(
        SectionKind.RESULTS,
        section,
        SectionPanel.noneReturned(SectionKind.RESULTS),
        grid -> {
          grid.addColumn(r -> r.concept().display())
              .setHeader("Test")
              .setKey("test")
              .setRowHeader(true)
              .setFlexGrow(2);
          // Abnormal values are bold and flagged in words with an arrow, not by colour alone.
          grid.addColumn(
                  LitRenderer.<ResultEntry>of(
                          "<span style=\"font-weight:${item.weight}\">${item.value}</span>")
                      .withProperty("value", r -> ResultFlags.valueWithUnit(r.value(), r.unit()))
                      .withProperty("weight", r -> ResultFlags.abnormal(r.flag()) ? "700" : "400"))
              .setHeader("Value")
              .setKey("value");
          grid.addColumn(r -> ItemWords.text(r.referenceRange())).setHeader("Range");
          grid.addColumn(
                  LitRenderer.<ResultEntry>of(
                          "<span data-flag=\"${item.code}\" style=\"${item.style}\">${item.words}</span>")
                      .withProperty("code", r -> r.flag() == null ? "" : r.flag())
                      .withProperty("words", r -> ResultFlags.words(r.flag()))
                      .withProperty(
                          "style",
                          r ->
                              ResultFlags.abnormal(r.flag())
                                  ? "color:var(--lumo-error-text-color);font-weight:700;"
                                      + "border:1px solid currentColor;border-radius:4px;"
                                      + "padding:0 4px;white-space:nowrap"
                                  : "color:var(--lumo-secondary-text-color)"))
              .setHeader("Flag")
              .setKey("flag");
          grid.addColumn(r -> ItemWords.date(r.effectiveDate())).setHeader("Date");
          grid.addColumn(r -> ItemWords.text(r.report())).setHeader("Report").setFlexGrow(2);
          grid.addColumn(r -> ItemWords.status(r.status())).setHeader("Status");
        },
        items -> ResultGroups.ordered(items, role));
  }

  static SectionPanel<ImmunisationEntry> immunisations(
      Optional<ItemSection<ImmunisationEntry>> section) {
    return new SectionPanel<>(
        SectionKind.IMMUNISATIONS,
        section,
        SectionPanel.noneReturned(SectionKind.IMMUNISATIONS),
        grid -> {
          grid.addColumn(i -> i.concept().display())
              .setHeader("Vaccination")
              .setRowHeader(true)
              .setFlexGrow(3);
          grid.addColumn(i -> ItemWords.date(i.date())).setHeader("Date");
          grid.addColumn(i -> ItemWords.text(i.doseSequence())).setHeader("Dose");
          grid.addColumn(i -> ItemWords.status(i.status())).setHeader("Status");
        },
        items -> sorted(items, Comparator.comparing(ImmunisationEntry::date, newestFirst())));
  }

  /**
   * @param zone the viewer's zone: a document the source timed is shown with its local time
   */
  static SectionPanel<DocumentEntry> documents(
      Optional<ItemSection<DocumentEntry>> section,
      SerializableConsumer<DocumentEntry> viewer,
      ZoneId zone) {
    return new SectionPanel<>(
        SectionKind.DOCUMENTS,
        section,
        SectionPanel.noneReturned(SectionKind.DOCUMENTS),
        grid -> {
          grid.addColumn(d -> d.title())
              .setHeader("Title")
              .setKey("title")
              .setRowHeader(true)
              .setFlexGrow(3);
          grid.addColumn(d -> CuiFormat.when(d.date(), d.time(), zone))
              .setHeader("Date")
              .setKey("date");
          grid.addColumn(d -> d.concept().display()).setHeader("Type").setFlexGrow(2);
          grid.addColumn(d -> ItemWords.text(d.author())).setHeader("Author");
          // Content is fetched only when asked for: the gateway audits each opening.
          grid.addColumn(
                  new ComponentRenderer<>(
                      d -> {
                        Button view = new Button("View", click -> viewer.accept(d));
                        view.addThemeVariants(ButtonVariant.SMALL);
                        view.setAriaLabel("View " + d.title());
                        view.addClassName("document-view");
                        return view;
                      }))
              .setHeader("Content")
              .setKey("view");
        },
        items ->
            sorted(
                items,
                Comparator.comparing(DocumentEntry::date, newestFirst())
                    .thenComparing(
                        d -> d.time() == null ? null : d.time().toInstant(),
                        Comparator.nullsLast(Comparator.<Instant>reverseOrder()))),
        zone);
  }

  static SectionPanel<ReferralEntry> referrals(Optional<ItemSection<ReferralEntry>> section) {
    return new SectionPanel<>(
        SectionKind.REFERRALS,
        section,
        SectionPanel.noneReturned(SectionKind.REFERRALS),
        grid -> {
          grid.addColumn(r -> r.concept().display())
              .setHeader("Referral")
              .setRowHeader(true)
              .setFlexGrow(3);
          grid.addColumn(r -> ItemWords.status(r.status())).setHeader("Status");
          grid.addColumn(r -> ItemWords.date(r.requestedDate())).setHeader("Requested");
          grid.addColumn(r -> ItemWords.text(r.recipient())).setHeader("To").setFlexGrow(2);
          grid.addColumn(r -> ItemWords.status(r.priority())).setHeader("Priority");
          grid.addColumn(r -> ItemWords.date(r.appointmentDate())).setHeader("Appointment");
        },
        items -> sorted(items, Comparator.comparing(ReferralEntry::requestedDate, newestFirst())));
  }

  static SectionPanel<CareTeamEntry> careTeam(Optional<ItemSection<CareTeamEntry>> section) {
    return new SectionPanel<>(
        SectionKind.CARE_TEAM,
        section,
        "No involved services were returned by the sources that loaded. Check the sources above.",
        grid -> {
          grid.addColumn(c -> c.concept().display())
              .setHeader("Role")
              .setKey("role")
              .setFlexGrow(2);
          grid.addColumn(c -> c.memberName())
              .setHeader("Name")
              .setKey("name")
              .setRowHeader(true)
              .setFlexGrow(2);
          grid.addColumn(c -> ItemWords.text(c.organisation()))
              .setHeader("Organisation")
              .setFlexGrow(3);
          grid.addColumn(c -> ItemWords.text(c.contact())).setHeader("Contact").setFlexGrow(3);
          grid.addColumn(c -> ItemWords.status(c.status())).setHeader("Status");
          grid.addColumn(c -> ItemWords.date(c.startDate())).setHeader("Since");
        },
        items ->
            sorted(
                items,
                Comparator.comparing((CareTeamEntry c) -> active(c.status()))
                    .thenComparing(c -> c.startDate(), newestFirst())));
  }

  static SectionPanel<SocialCareEntry> socialCare(Optional<ItemSection<SocialCareEntry>> section) {
    return new SectionPanel<>(
        SectionKind.SOCIAL_CARE,
        section,
        "No care packages were returned by the sources that loaded. Check the sources above.",
        grid -> {
          grid.addColumn(s -> s.concept().display())
              .setHeader("Package")
              .setKey("package")
              .setRowHeader(true)
              .setFlexGrow(2);
          grid.addColumn(s -> s.description()).setHeader("Details").setFlexGrow(3);
          grid.addColumn(s -> ItemWords.status(s.status())).setHeader("Status");
          grid.addColumn(s -> ItemWords.date(s.startDate())).setHeader("Start");
          grid.addColumn(s -> ItemWords.date(s.endDate())).setHeader("End");
          grid.addColumn(s -> ItemWords.text(s.provider())).setHeader("Provider").setFlexGrow(2);
        },
        items ->
            sorted(
                items,
                Comparator.comparing((SocialCareEntry s) -> socialCareRank(s.status()))
                    .thenComparing(s -> s.startDate(), newestFirst())));
  }

  /** What happened: the summary, then discharge details (method, destination, follow-up). */
  static String outcome(EncounterEntry e) {
    String summary = ItemWords.text(e.summary());
    String discharge = ItemWords.text(e.dischargeDetails());
    if (discharge.isEmpty()) {
      return summary;
    }
    return summary.isEmpty() ? "Discharge: " + discharge : summary + ". Discharge: " + discharge;
  }

  private static String significance(@Nullable String significance) {
    return significance == null || "UNSPECIFIED".equals(significance)
        ? ""
        : CuiFormat.capitalised(significance);
  }

  private static int active(String status) {
    return "ACTIVE".equals(status.toUpperCase(Locale.ROOT)) ? 0 : 1;
  }

  private static int socialCareRank(String status) {
    return switch (status) {
      case "ACTIVE" -> 0;
      case "PLANNED" -> 1;
      default -> 2;
    };
  }

  private static Comparator<@Nullable LocalDate> newestFirst() {
    return Comparator.nullsLast(Comparator.<LocalDate>reverseOrder());
  }

  private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
    return items.stream().sorted(order).toList();
  }
}
