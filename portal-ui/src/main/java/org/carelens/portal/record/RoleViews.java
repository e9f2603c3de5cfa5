package org.carelens.portal.record;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carelens.portal.gateway.PatientView;
import org.carelens.portal.gateway.SectionData;
import org.carelens.portal.gateway.Sections;
import org.jspecify.annotations.Nullable;

/**
 * What each role lands on around its sections (issue 13): its summary, the links to every full
 * section, and the sections the agreement does not share with the role, named once rather than as a
 * notice on each.
 */
final class RoleViews {

  private RoleViews() {}

  /**
   * The summary tiles for a role: the social worker's own, every other role the clinical one.
   *
   * @param zone the viewer's zone, for the times of admissions and contacts
   */
  static List<SummaryTile> summary(
      String role,
      @Nullable PatientView patient,
      Sections sections,
      List<SourceProgress.Row> sources,
      LocalDate today,
      ZoneId zone) {
    return "social-worker".equals(role)
        ? Summary.socialWorker(patient, sections, sources, today, zone)
        : Summary.clinical(patient, sections, sources, today, zone);
  }

  /** A section by kind; null when the gateway's answer left it out. */
  static @Nullable SectionData<?> section(Sections sections, SectionKind kind) {
    return switch (kind) {
      case ALERTS -> sections.alerts();
      case ALLERGIES -> sections.allergies();
      case MEDICATIONS -> sections.medications();
      case PROBLEMS -> sections.problems();
      case ENCOUNTERS -> sections.encounters();
      case RESULTS -> sections.results();
      case IMMUNISATIONS -> sections.immunisations();
      case DOCUMENTS -> sections.documents();
      case REFERRALS -> sections.referrals();
      case CARE_TEAM -> sections.careTeam();
      case SOCIAL_CARE -> sections.socialCare();
    };
  }

  /**
   * Sections withheld whole from this viewer for their role alone ({@code withheldReasons} is
   * {@code [ROLE]} and nothing was shown): the same for every patient, so they are named once. A
   * section also withheld for a patient-specific reason, or partly shown, keeps its own notice.
   */
  static List<SectionKind> notSharedWithRole(Sections sections, List<SectionKind> order) {
    return order.stream()
        .filter(
            kind -> {
              SectionData<?> data = section(sections, kind);
              return data != null
                  && data.withheld()
                  && data.items().isEmpty()
                  && data.incomplete().isEmpty()
                  && List.of("ROLE").equals(data.withheldReasons());
            })
        .toList();
  }

  /**
   * "Not shared with social workers under sharing agreement …: Medications, Results, …": the
   * gateway's own words for each distinct notice, with the sections it covers.
   */
  static Optional<Div> notSharedNotice(Sections sections, List<SectionKind> notShared) {
    if (notShared.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<String>> byNotice = new LinkedHashMap<>();
    for (SectionKind kind : notShared) {
      SectionData<?> data = section(sections, kind);
      String notice =
          data == null
              ? "Not shared with your role"
              : data.noticeIfAny().orElse("Not shared with your role");
      byNotice.computeIfAbsent(notice, n -> new java.util.ArrayList<>()).add(kind.heading());
    }
    String[] lines =
        byNotice.entrySet().stream()
            .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()) + ".")
            .toArray(String[]::new);
    Div box = Notices.info("role-withheld", "Sections not shared with your role", lines);
    box.addClassNames(LumoUtility.Margin.Horizontal.LARGE);
    return Optional.of(box);
  }

  /** Links to the summary and every full section on the page, in the role's order. */
  static Nav sectionNav(List<SectionKind> order, List<SectionKind> notShared, boolean pharmacist) {
    Nav nav = new Nav();
    nav.setId("section-nav");
    nav.getElement().setAttribute("aria-label", "Record sections");
    nav.addClassNames(LumoUtility.Padding.Horizontal.LARGE, LumoUtility.FontSize.SMALL);
    UnorderedList links = new UnorderedList();
    links.addClassNames(
        LumoUtility.Display.FLEX,
        LumoUtility.FlexWrap.WRAP,
        LumoUtility.Gap.Column.MEDIUM,
        LumoUtility.Gap.Row.XSMALL,
        LumoUtility.ListStyleType.NONE,
        LumoUtility.Padding.NONE,
        LumoUtility.Margin.Vertical.XSMALL);
    links.add(link("summary", "Summary"));
    for (SectionKind kind : order) {
      if (notShared.contains(kind)) {
        continue;
      }
      if (kind == SectionKind.MEDICATIONS && pharmacist) {
        links.add(link("reconciliation", "Medicines reconciliation"));
      }
      if (kind == SectionKind.ENCOUNTERS) {
        links.add(link("timeline", "Timeline"));
      }
      if (kind == SectionKind.RESULTS) {
        links.add(link("trends", "Results by test"));
      }
      links.add(link(kind.key(), kind.heading()));
    }
    nav.add(links);
    return nav;
  }

  private static ListItem link(String anchor, String words) {
    Anchor a = new Anchor("#" + anchor, words);
    a.getElement().setAttribute("router-ignore", true);
    return new ListItem(a);
  }
}
