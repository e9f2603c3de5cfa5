package org.carelens.portal.record;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.carelens.portal.gateway.DocumentContent;
import org.carelens.portal.gateway.DocumentEntry;
import org.carelens.portal.gateway.GatewayClient;
import org.carelens.portal.gateway.GatewayException;
import org.carelens.portal.gateway.RecordStream;
import org.carelens.portal.gateway.RecordStreamListener;
import org.carelens.portal.gateway.RecordView;
import org.carelens.portal.gateway.Sections;
import org.carelens.portal.gateway.SourceEvent;
import org.carelens.portal.gateway.Warning;
import org.carelens.portal.internal.SessionEndService;
import org.carelens.portal.launch.CurrentLaunch;
import org.carelens.portal.launch.LaunchSession;
import org.carelens.portal.launch.PortalSessions;
import org.carelens.portal.launch.SessionEndedView;
import org.jspecify.annotations.Nullable;

/**
 * One patient's shared care record, reached by launch ({@code POST /launch} redirects here). Reads
 * the record from the gateway with the launch's token, only for the launched patient, and shows the
 * banner, what may be missing, every source's status, warnings, and every section in the order the
 * viewer's role needs them ({@link LandingOrder}).
 *
 * <p>The record loads live (issue 4): the banner skeleton and every expected source as "Loading…"
 * come first, each source's outcome and allergies as its event arrives on the gateway's stream
 * (server push), then the merged view, which replaces everything. If the stream breaks before the
 * merged view, the page reads the record in one request and says so; a partial view is never shown
 * as complete (principle 3).
 */
@Route("patient/:nhsNumber")
@PageTitle(PatientRecordView.TITLE)
@Prototype
public class PatientRecordView extends Main implements BeforeEnterObserver {

  public static final String TITLE = "Carelens — shared care record";
  static final String NO_SESSION = "No active session. Launch Carelens from your clinical system.";

  private final GatewayClient gateway;
  private final Clock clock;
  private final ExpectedSources expectedSources;
  // Only touched with the session lock held (request handling or UI.access).
  private @Nullable RecordStream stream;
  private long loadGeneration;

  public PatientRecordView(GatewayClient gateway, Clock clock, ExpectedSources expectedSources) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.expectedSources = Objects.requireNonNull(expectedSources, "expectedSources");
    setId("patient-record");
    setWidthFull();
    addClassNames(LumoUtility.Padding.Bottom.LARGE);
    // Nobody is looking any more: the gateway stops asking sources and shows (audits) nothing more.
    addDetachListener(detached -> stopLoading());
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    stopLoading();
    removeAll();
    String nhsNumber = event.getRouteParameters().get("nhsNumber").orElse("");
    switch (RecordAccess.decide(CurrentLaunch.get(), nhsNumber, clock)) {
      case RecordAccess.NoSession none -> showNoSession();
      case RecordAccess.OtherPatient other ->
          showNoSession("This browser session was launched for a different patient.");
      case RecordAccess.Expired expired -> {
        PortalSessions.endCurrent();
        event.forwardTo(SessionEndedView.class);
      }
      case RecordAccess.Permitted permitted -> load(permitted);
    }
  }

  private void load(RecordAccess.Permitted access) {
    LaunchSession launch = access.launch();
    String patient = access.nhsNumber();
    header(access);
    UI ui = UI.getCurrent();
    if (ui == null || !ui.getPushConfiguration().getPushMode().isEnabled()) {
      loadAtOnce(access);
      return;
    }
    long generation = ++loadGeneration;
    if (expectedSources.known().isEmpty()) {
      try {
        expectedSources.learnConfigured(gateway.configuredSources(launch.accessToken()));
      } catch (GatewayException e) {
        // Only the loading strip's list is lost: sources are added as they answer, as before.
      }
    }
    Live live = new Live(SourceProgress.expecting(expectedSources.known()), launch.userRole());
    add(new BannerSkeleton(patient), live.summary, live.strip, live.allergies);
    stream =
        gateway.streamRecord(
            launch.accessToken(),
            patient,
            new RecordStreamListener() {
              @Override
              public void source(SourceEvent event) {
                onUi(ui, generation, () -> live.arrived(event));
              }

              @Override
              public void complete(RecordView record) {
                expectedSources.learn(record.sources());
                onUi(ui, generation, () -> showMerged(record, access, null));
              }

              @Override
              public void failed(GatewayException failure) {
                if (failure.status() >= 400 && failure.status() < 500) {
                  // Refused (session, patient, number): the plain call would be refused the same.
                  onUi(ui, generation, () -> showFailure(access, failure));
                  return;
                }
                // Read on this background thread, so the session is not locked while waiting.
                RecordView record;
                try {
                  record = gateway.record(launch.accessToken(), patient);
                } catch (GatewayException e) {
                  onUi(ui, generation, () -> showFailure(access, e));
                  return;
                }
                expectedSources.learn(record.sources());
                onUi(ui, generation, () -> showMerged(record, access, failure));
              }
            });
  }

  /** The live parts of a loading page, replaced in place as events arrive. */
  private final class Live {
    private final String role;
    private final List<SourceEvent> events = new java.util.ArrayList<>();
    private SourceProgress progress;
    private Component strip;
    private Component allergies;
    private Component summary;

    Live(SourceProgress progress, String role) {
      this.progress = progress;
      this.role = role;
      this.strip = new LiveSourceStrip(progress, clock);
      this.allergies = new ProvisionalAllergies(progress.allergies());
      this.summary = provisionalSummary();
    }

    void arrived(SourceEvent event) {
      progress = progress.arrived(event);
      events.add(event);
      Component nextStrip = new LiveSourceStrip(progress, clock);
      Component nextAllergies = new ProvisionalAllergies(progress.allergies());
      Component nextSummary = provisionalSummary();
      replace(strip, nextStrip);
      replace(allergies, nextAllergies);
      replace(summary, nextSummary);
      strip = nextStrip;
      allergies = nextAllergies;
      summary = nextSummary;
    }

    /** Issue 13: each tile fills as its sources answer, and says which are still loading. */
    private Component provisionalSummary() {
      return new SummaryTiles(
          RoleViews.summary(
              role,
              null,
              ProvisionalSections.of(events),
              progress.rows(),
              LocalDate.now(clock),
              clock.getZone()),
          true);
    }
  }

  /** Runs a change from the stream's thread in the UI, unless the page moved on meanwhile. */
  private void onUi(UI ui, long generation, Command change) {
    try {
      ui.access(
          () -> {
            if (generation == loadGeneration) {
              change.execute();
            }
          });
    } catch (UIDetachedException e) {
      // The browser left; nothing to show.
    }
  }

  private void stopLoading() {
    loadGeneration++;
    if (stream != null) {
      stream.cancel();
      stream = null;
    }
  }

  private void showMerged(
      RecordView record, RecordAccess.Permitted access, @Nullable GatewayException streamFailure) {
    stream = null;
    removeAll();
    header(access);
    if (streamFailure != null) {
      Div notice =
          Notices.info(
              "stream-fallback",
              "Live loading was interrupted, so the record was read again in one request.",
              streamFailure.detail(),
              "What is shown below is the whole record as the gateway assembled it.");
      notice.addClassNames(LumoUtility.Margin.Horizontal.LARGE);
      add(notice);
    }
    show(record, access);
  }

  private void showFailure(RecordAccess.Permitted access, GatewayException e) {
    stream = null;
    if (sessionEnded(e)) {
      return;
    }
    removeAll();
    header(access);
    add(pageHeading());
    add(errorNotice(e));
  }

  /** Without push (no UI, e.g. a test) the record is read in one request, as before issue 4. */
  private void loadAtOnce(RecordAccess.Permitted access) {
    RecordView record;
    try {
      record = gateway.record(access.launch().accessToken(), access.nhsNumber());
    } catch (GatewayException e) {
      if (sessionEnded(e)) {
        return;
      }
      add(pageHeading());
      add(errorNotice(e));
      return;
    }
    show(record, access);
  }

  /**
   * When the gateway says the session has ended (idle or absolute timeout), the portal session ends
   * with it and the browser goes to "Your session has ended".
   */
  private boolean sessionEnded(GatewayException e) {
    if (e.status() != 401 || !"SESSION_EXPIRED".equals(e.code())) {
      return false;
    }
    removeAll();
    PortalSessions.endCurrent();
    UI ui = UI.getCurrent();
    if (ui != null) {
      ui.getPage().setLocation(SessionEndService.SESSION_ENDED_ROUTE);
    }
    return true;
  }

  private void show(RecordView record, RecordAccess.Permitted access) {
    LaunchSession launch = access.launch();
    LocalDate today = LocalDate.now(clock);
    add(
        new PatientBanner(
            record.patient(),
            AllergyTitle.of(record.sections().allergiesIfPresent()),
            record
                .sections()
                .allergiesIfPresent()
                .map(a -> !a.incomplete().isEmpty())
                .orElse(false),
            today));
    List<com.vaadin.flow.component.html.Div> consent =
        new ConsentActions(gateway, launch, access.nhsNumber(), clock).forView(record);
    // Break-glass stays visibly active above everything; the prompts follow the summary, which
    // must fit the first screen (issue 13).
    consent.stream()
        .filter(c -> c.getId().orElse("").equals("break-glass-active"))
        .forEach(this::add);
    List<SourceProgress.Row> rows =
        record.sources().stream().<SourceProgress.Row>map(SourceProgress.Answered::new).toList();
    add(
        new SummaryTiles(
            RoleViews.summary(
                launch.userRole(),
                record.patient(),
                record.sections(),
                rows,
                today,
                clock.getZone()),
            false));
    consent.stream()
        .filter(c -> !c.getId().orElse("").equals("break-glass-active"))
        .forEach(this::add);
    IncompleteRecordBanner.forGaps(Completeness.gaps(record.sources(), clock)).ifPresent(this::add);
    add(new SourceStatusStrip(record.sources(), clock));
    if (!record.warnings().isEmpty()) {
      add(warnings(record.warnings()));
    }
    List<SectionKind> order = LandingOrder.forRole(launch.userRole());
    List<SectionKind> notShared = RoleViews.notSharedWithRole(record.sections(), order);
    add(RoleViews.sectionNav(order, notShared, "pharmacist".equals(launch.userRole())));
    RoleViews.notSharedNotice(record.sections(), notShared).ifPresent(this::add);
    for (SectionKind kind : order) {
      if (notShared.contains(kind)) {
        continue;
      }
      if (kind == SectionKind.MEDICATIONS && "pharmacist".equals(launch.userRole())) {
        add(
            new ReconciliationPanel(
                record.sections().medicationsIfPresent(),
                record.sections().allergiesIfPresent(),
                Optional.ofNullable(record.sections().results())
                    .map(r -> r.items())
                    .orElse(List.of()),
                today));
      }
      if (kind == SectionKind.RESULTS && record.sections().results() != null) {
        add(
            new TrendsPanel(
                "trends", "Results by test", ResultTrends.of(record.sections().results().items())));
      }
      if (kind == SectionKind.ENCOUNTERS && record.sections().encounters() != null) {
        add(new TimelinePanel(record.sections().encounters().items(), today, clock.getZone()));
      }
      add(panel(kind, record.sections(), access));
    }
  }

  private Component panel(SectionKind kind, Sections sections, RecordAccess.Permitted access) {
    LaunchSession launch = access.launch();
    return switch (kind) {
      case ALERTS -> RecordPanels.alerts(Optional.ofNullable(sections.alerts()));
      case ALLERGIES -> new AllergiesPanel(sections.allergiesIfPresent());
      case MEDICATIONS -> new MedicationsPanel(sections.medicationsIfPresent());
      case PROBLEMS -> RecordPanels.problems(Optional.ofNullable(sections.problems()));
      case ENCOUNTERS ->
          RecordPanels.encounters(Optional.ofNullable(sections.encounters()), clock.getZone());
      case RESULTS ->
          RecordPanels.results(Optional.ofNullable(sections.results()), launch.userRole());
      case IMMUNISATIONS ->
          RecordPanels.immunisations(Optional.ofNullable(sections.immunisations()));
      case DOCUMENTS ->
          RecordPanels.documents(
              Optional.ofNullable(sections.documents()),
              document -> open(document, access),
              clock.getZone());
      case REFERRALS -> RecordPanels.referrals(Optional.ofNullable(sections.referrals()));
      case CARE_TEAM -> RecordPanels.careTeam(Optional.ofNullable(sections.careTeam()));
      case SOCIAL_CARE -> RecordPanels.socialCare(Optional.ofNullable(sections.socialCare()));
    };
  }

  /** Fetches the document through the gateway (which audits it) and shows it in a dialog. */
  private void open(DocumentEntry document, RecordAccess.Permitted access) {
    DocumentDialog dialog;
    try {
      DocumentContent content =
          gateway.document(
              access.launch().accessToken(), access.nhsNumber(), document.contentUrl());
      dialog = DocumentDialog.showing(document, DocumentRendering.of(content), clock.getZone());
    } catch (GatewayException e) {
      dialog = DocumentDialog.failed(document, e, clock.getZone());
    } catch (IllegalArgumentException e) {
      dialog =
          DocumentDialog.failed(
              document,
              new GatewayException(
                  502,
                  "DOCUMENT_URL_INVALID",
                  "The gateway gave this document an invalid address."),
              clock.getZone());
    }
    dialog.open();
  }

  /**
   * The viewer bar, with "Open another patient" for direct care, and the self-claimed banner when
   * only a claimed relationship opens this record: it stays visible however the record loads.
   */
  private void header(RecordAccess.Permitted access) {
    Div bar = viewerBar(access.launch());
    OpenAnotherPatient.button(gateway, access.launch()).ifPresent(bar::add);
    if (access.launch().signedIn()) {
      // A signed-in user came from the search, and signs out of both portal and gateway.
      com.vaadin.flow.component.html.Anchor search =
          new com.vaadin.flow.component.html.Anchor("search", "Find another patient");
      search.setId("back-to-search");
      com.vaadin.flow.component.html.Anchor signOut =
          new com.vaadin.flow.component.html.Anchor("/logout", "Sign out");
      signOut.setId("record-sign-out");
      // /logout is a servlet, not a route: the browser must load it.
      signOut.getElement().setAttribute("router-ignore", true);
      bar.add(search, signOut);
    }
    add(bar);
    if (access.selfClaimed()) {
      add(OpenAnotherPatient.selfClaimedBanner());
    }
  }

  private void showNoSession(String... reasons) {
    add(pageHeading());
    Div box = Notices.info("no-session", NO_SESSION, reasons);
    box.addClassNames(LumoUtility.Margin.Horizontal.LARGE);
    add(box);
  }

  private static H1 pageHeading() {
    H1 heading = new H1("Patient record");
    heading.addClassNames(
        LumoUtility.FontSize.XLARGE,
        LumoUtility.Padding.Horizontal.LARGE,
        LumoUtility.Margin.Top.MEDIUM);
    return heading;
  }

  private static Div viewerBar(LaunchSession launch) {
    Span product = new Span("Carelens shared care record");
    product.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    Span viewer =
        new Span(
            "Viewing as %s, %s, %s"
                .formatted(launch.userName(), launch.userRole(), launch.organisationName()));
    viewer.setId("viewer");
    viewer.addClassNames(LumoUtility.TextColor.SECONDARY);
    Div bar = new Div(product, viewer);
    if (launch.auditsAccess()) {
      Anchor audit = new Anchor("ig", "Audit and access reports");
      audit.setId("ig-link");
      bar.add(audit);
    }
    bar.addClassNames(
        LumoUtility.Display.FLEX,
        LumoUtility.FlexWrap.WRAP,
        LumoUtility.JustifyContent.BETWEEN,
        LumoUtility.Gap.MEDIUM,
        LumoUtility.Padding.Horizontal.LARGE,
        LumoUtility.Padding.Vertical.XSMALL,
        LumoUtility.FontSize.SMALL);
    return bar;
  }

  private static Div errorNotice(GatewayException e) {
    String next =
        e.status() == 401 || e.status() == 403
            ? "Launch Carelens again from your clinical system."
            : "Try again in a moment. If this keeps happening, contact your service desk.";
    Div box =
        Notices.error(
            "record-error",
            "The record could not be loaded.",
            e.detail(),
            "Reason code: " + e.code(),
            next);
    box.addClassNames(LumoUtility.Margin.Horizontal.LARGE);
    return box;
  }

  private static Section warnings(List<Warning> warnings) {
    Section section = new Section();
    section.setId("warnings");
    section.getElement().setAttribute("aria-labelledby", "warnings-heading");
    section.addClassNames(LumoUtility.Padding.Horizontal.LARGE);
    H2 heading = new H2("Warnings");
    heading.setId("warnings-heading");
    heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Vertical.SMALL);
    UnorderedList list = new UnorderedList();
    for (Warning warning : warnings) {
      ListItem item = new ListItem(warning.message());
      item.getElement().setAttribute("data-code", warning.code());
      list.add(item);
    }
    Div box = new Div(list);
    box.addClassNames(LumoUtility.Background.WARNING_10, LumoUtility.BorderRadius.MEDIUM);
    box.getStyle().set("border-left", "4px solid var(--lumo-warning-color)");
    section.add(heading, box);
    return section;
  }
}
