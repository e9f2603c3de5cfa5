package org.carelens.portal.ig;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.carelens.portal.gateway.AccessReport;
import org.carelens.portal.gateway.AuditCriteria;
import org.carelens.portal.gateway.AuditEntry;
import org.carelens.portal.gateway.ChainVerification;
import org.carelens.portal.gateway.DissentEntry;
import org.carelens.portal.gateway.GatewayClient;
import org.carelens.portal.gateway.GatewayException;
import org.carelens.portal.launch.CurrentLaunch;
import org.carelens.portal.launch.LaunchSession;
import org.carelens.portal.record.CuiFormat;

/**
 * {@code /ig}: the information-governance officer's view of the audit trail — verify the hash
 * chain, search entries (newest first), review break-glass declarations and self-claimed
 * relationships, produce a patient's access report and keep the dissent register. Every call goes
 * through the gateway with the officer's own session, and the gateway audits each use.
 */
@Route("ig")
@PageTitle("Carelens — audit and access")
@Prototype
public class IgAuditView extends Main implements BeforeEnterObserver {

  /** Event types the gateway records (its {@code AuditEventType}), for the event filter. */
  /**
   * Every event type the gateway audits ({@code AuditEventType}), for the search's event filter;
   * the gateway's {@code PortalAuditEventsTest} fails when the two lists differ.
   */
  static final List<String> EVENTS =
      List.of(
          "",
          "LAUNCH_ACCEPTED",
          "LAUNCH_REJECTED",
          "TOKEN_REJECTED",
          "RECORD_VIEW",
          "DOCUMENT_VIEW",
          "POLICY_DENIAL",
          "AUDIT_SEARCH",
          "AUDIT_VERIFY",
          "BREAK_GLASS",
          "RELATIONSHIP_CLAIMED",
          "BREAK_GLASS_ACKNOWLEDGED",
          "RELATIONSHIP_CLAIM_ACKNOWLEDGED",
          "PERMISSION_TO_VIEW",
          "PERMISSION_TO_VIEW_REVOKED",
          "DISSENT_REGISTERED",
          "DISSENT_REVOKED",
          "DISSENT_REGISTER_READ",
          "POLICY_PREVIEW",
          "SIGN_IN_ACCEPTED",
          "SIGN_IN_REJECTED",
          "SESSION_ENDED",
          "PATIENT_SEARCH",
          "CACHE_PURGED");

  private final GatewayClient gateway;
  private final ZoneId zone;
  private final Clock clock;
  private final Div messages = new Div();

  public IgAuditView(GatewayClient gateway, Clock clock) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = clock.getZone();
    setId("ig");
    setWidthFull();
    addClassNames(LumoUtility.Padding.LARGE, LumoUtility.BoxSizing.BORDER);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    H1 title = new H1("Audit and access");
    title.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.Margin.Top.NONE);
    add(title);
    Optional<LaunchSession> launch = CurrentLaunch.get();
    if (launch.isEmpty() || launch.get().isExpired(clock)) {
      add(
          notice(
              "ig-no-session",
              "No active session. Launch Carelens from your clinical system as an IG officer."));
      return;
    }
    if (!launch.get().auditsAccess()) {
      add(
          notice(
              "ig-not-permitted",
              "The audit pages are for information-governance officers. You are signed in as "
                  + launch.get().userRole()
                  + "."));
      return;
    }
    LaunchSession session = launch.get();
    Paragraph viewer =
        new Paragraph(
            "Signed in as %s, %s, %s"
                .formatted(session.userName(), session.userRole(), session.organisationName()));
    viewer.setId("viewer");
    viewer.addClassNames(LumoUtility.TextColor.SECONDARY);
    messages.setId("ig-messages");
    add(viewer);
    if (session.nhsNumber() != null) {
      Anchor record = new Anchor("patient/" + session.nhsNumber(), "Open the launched record");
      record.setId("record-link");
      add(record);
    }
    Anchor preview = new Anchor("ig/policy-preview", "Policy preview: what would a role see?");
    preview.setId("policy-preview-link");
    add(preview);
    add(messages, verifySection(session), searchSection(session));
    add(
        new ReviewQueueSection<>(
            ReviewQueueKind.breakGlass(gateway, zone), session, zone, this::failed),
        new ReviewQueueSection<>(
            ReviewQueueKind.relationshipClaims(gateway, session.nhsNumber()),
            session,
            zone,
            this::failed));
    add(reportSection(session), dissentSection(session));
  }

  /** The launched patient's number, for prefilling; blank for an IG officer who signed in. */
  private static String launchedPatient(LaunchSession session) {
    return session.nhsNumber() == null ? "" : CuiFormat.nhsNumber(session.nhsNumber());
  }

  private Section dissentSection(LaunchSession session) {
    Section section = section("dissent", "Dissent register");
    Paragraph what =
        new Paragraph(
            "A patient's opt-out from sharing, from the whole record or from one source. It takes"
                + " effect from the next view and is kept, with any revocation, for audit.");
    TextField patient = new TextField("NHS number");
    patient.setId("dissent-patient");
    patient.setValue(launchedPatient(session));
    TextField source = new TextField("Source id (blank for the whole record)");
    source.setId("dissent-source");
    TextField reason = new TextField("Reason (e.g. the patient's written request)");
    reason.setId("dissent-reason");
    reason.setWidthFull();
    Grid<DissentEntry> grid = new Grid<>();
    grid.setId("dissent-grid");
    grid.setAriaLabel("Dissent register");
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
    grid.addColumn(d -> d.sourceId() == null ? "Whole record" : d.sourceId()).setHeader("Scope");
    grid.addColumn(DissentEntry::reason).setHeader("Reason").setFlexGrow(3);
    grid.addColumn(
            d ->
                text(d.recordedByName())
                    + (d.recordedByOrganisation() == null ? "" : ", " + d.recordedByOrganisation()))
        .setHeader("Recorded by")
        .setFlexGrow(2);
    grid.addColumn(d -> CuiFormat.dateTime(d.recordedAt(), zone)).setHeader("Recorded");
    grid.addColumn(
            d ->
                d.revocationIfAny()
                    .map(
                        r ->
                            "Revoked "
                                + CuiFormat.dateTime(r.revokedAt(), zone)
                                + ": "
                                + r.reason())
                    .orElse("In force"))
        .setHeader("Status")
        .setKey("status")
        .setFlexGrow(2);
    grid.setEmptyStateText("No dissent is registered for this patient.");
    Runnable reload =
        () -> {
          try {
            AuditFormat.nhsNumber(patient.getValue())
                .ifPresentOrElse(
                    nhs -> grid.setItems(gateway.dissents(session.accessToken(), nhs)),
                    () -> messages.add(notice("ig-error", "Enter the patient's NHS number.")));
          } catch (IllegalArgumentException e) {
            messages.add(notice("ig-error", e.getMessage()));
          } catch (GatewayException e) {
            failed(e);
          }
        };
    grid.addComponentColumn(
            d -> {
              Button revoke = new Button("Revoke");
              revoke.addThemeVariants(ButtonVariant.SMALL);
              revoke.setEnabled(d.active());
              revoke.setAriaLabel("Revoke dissent " + d.id());
              revoke.addClickListener(
                  click -> {
                    messages.removeAll();
                    if (reason.getValue().isBlank()) {
                      messages.add(notice("ig-error", "Give a reason for revoking the dissent."));
                      return;
                    }
                    try {
                      gateway.revokeDissent(
                          session.accessToken(), d.id(), reason.getValue().strip());
                      reload.run();
                    } catch (GatewayException e) {
                      failed(e);
                    }
                  });
              return revoke;
            })
        .setHeader("Action");
    Button show =
        new Button(
            "Show register",
            click -> {
              messages.removeAll();
              reload.run();
            });
    show.setId("dissent-show");
    Button register =
        new Button(
            "Register dissent",
            click -> {
              messages.removeAll();
              if (reason.getValue().isBlank()) {
                messages.add(notice("ig-error", "Give the reason for the dissent."));
                return;
              }
              try {
                Optional<String> nhs = AuditFormat.nhsNumber(patient.getValue());
                if (nhs.isEmpty()) {
                  messages.add(notice("ig-error", "Enter the patient's NHS number."));
                  return;
                }
                gateway.registerDissent(
                    session.accessToken(),
                    nhs.get(),
                    Optional.of(source.getValue().strip()).filter(v -> !v.isEmpty()),
                    reason.getValue().strip());
                reload.run();
              } catch (IllegalArgumentException e) {
                messages.add(notice("ig-error", e.getMessage()));
              } catch (GatewayException e) {
                failed(e);
              }
            });
    register.setId("dissent-register");
    register.addThemeVariants(ButtonVariant.ERROR);
    FormLayout form = new FormLayout(patient, source, reason);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
    Div buttons = new Div(show, register);
    buttons.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.MEDIUM);
    section.add(what, form, buttons, grid);
    return section;
  }

  private Section verifySection(LaunchSession session) {
    Section section = section("verify", "Audit chain");
    Paragraph what =
        new Paragraph(
            "Every audit entry carries a hash of the one before it. Verifying recomputes the whole"
                + " chain: an altered or removed entry breaks it from that point on.");
    Paragraph result = new Paragraph();
    result.setId("verify-result");
    result.getElement().setAttribute("role", "status");
    Button verify =
        new Button(
            "Verify audit chain",
            click -> {
              messages.removeAll();
              try {
                ChainVerification chain = gateway.verifyAuditChain(session.accessToken());
                result.setText(AuditFormat.verification(chain));
                result.getElement().setAttribute("data-valid", Boolean.toString(chain.valid()));
                result.removeClassNames(LumoUtility.TextColor.SUCCESS, LumoUtility.TextColor.ERROR);
                result.addClassNames(
                    LumoUtility.FontWeight.BOLD,
                    chain.valid() ? LumoUtility.TextColor.SUCCESS : LumoUtility.TextColor.ERROR);
              } catch (GatewayException e) {
                failed(e);
              }
            });
    verify.setId("verify-chain");
    verify.addThemeVariants(ButtonVariant.PRIMARY);
    section.add(what, verify, result);
    return section;
  }

  private Section searchSection(LaunchSession session) {
    Section section = section("search", "Search the audit trail");
    TextField patient = new TextField("NHS number");
    patient.setId("audit-patient");
    patient.setPlaceholder("999 000 0018");
    TextField user = new TextField("User id");
    user.setId("audit-user");
    TextField organisation = new TextField("Organisation (ODS code)");
    organisation.setId("audit-organisation");
    Select<String> event = new Select<>();
    event.setLabel("Event");
    event.setId("audit-event");
    event.setItems(EVENTS);
    event.setItemLabelGenerator(e -> e.isEmpty() ? "Any event" : CuiFormat.capitalised(e));
    event.setValue("");
    DatePicker from = datePicker("From", "audit-from");
    DatePicker to = datePicker("To", "audit-to");
    FormLayout form = new FormLayout(patient, user, organisation, event, from, to);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));

    Grid<AuditEntry> grid = auditGrid();
    Span count = new Span();
    count.setId("audit-count");
    count.getElement().setAttribute("role", "status");
    count.addClassNames(LumoUtility.Margin.Left.MEDIUM);
    Button search =
        new Button(
            "Search",
            click -> {
              messages.removeAll();
              AuditCriteria criteria;
              try {
                criteria =
                    new AuditCriteria(
                        AuditFormat.nhsNumber(patient.getValue()),
                        Optional.of(user.getValue()),
                        Optional.of(organisation.getValue().toUpperCase(Locale.UK)),
                        Optional.ofNullable(event.getValue()),
                        Optional.ofNullable(from.getValue()).map(d -> AuditFormat.startOf(d, zone)),
                        Optional.ofNullable(to.getValue()).map(d -> AuditFormat.endOf(d, zone)),
                        AuditCriteria.MAX_LIMIT);
              } catch (IllegalArgumentException e) {
                messages.add(notice("ig-error", e.getMessage()));
                return;
              }
              try {
                List<AuditEntry> entries = gateway.auditSearch(session.accessToken(), criteria);
                grid.setItems(entries);
                count.setText(
                    entries.size() == 1
                        ? "1 entry, newest first"
                        : entries.size() + " entries, newest first");
              } catch (GatewayException e) {
                failed(e);
              }
            });
    search.setId("audit-search");
    search.addThemeVariants(ButtonVariant.PRIMARY);
    section.add(form, search, count, grid);
    return section;
  }

  static final String NO_VIEWS = "No views of this record are in the audit trail.";

  private Section reportSection(LaunchSession session) {
    Section section = section("report", "Patient access report");
    Paragraph what =
        new Paragraph(
            "Which organisations, in which roles, viewed a patient's record and when. It names no"
                + " staff, so it can be given to the patient.");
    TextField patient = new TextField("NHS number");
    patient.setId("report-patient");
    patient.setValue(launchedPatient(session));
    Grid<AccessReport.Summary> summary = new Grid<>();
    summary.setId("report-summary-grid");
    summary.setAriaLabel("Views by organisation and role");
    summary.setAllRowsVisible(true);
    summary.addThemeVariants(GridVariant.ROW_STRIPES);
    summary.addColumn(AccessReport.Summary::organisation).setHeader("Organisation");
    summary.addColumn(s -> s.role()).setHeader("Role");
    summary.addColumn(AccessReport.Summary::views).setHeader("Views");
    summary.addColumn(s -> CuiFormat.dateTime(s.firstViewed(), zone)).setHeader("First viewed");
    summary.addColumn(s -> CuiFormat.dateTime(s.lastViewed(), zone)).setHeader("Last viewed");
    // Before a search nothing has been looked up: saying "no views" then would be untrue.
    summary.setEmptyStateText("Enter an NHS number and press Show access report.");
    Grid<AccessReport.Access> accesses = new Grid<>();
    accesses.setId("report-accesses-grid");
    accesses.setAriaLabel("Every view, newest first");
    accesses.setAllRowsVisible(true);
    accesses.addThemeVariants(GridVariant.ROW_STRIPES);
    accesses.addColumn(a -> CuiFormat.dateTime(a.time(), zone)).setHeader("Time");
    accesses.addColumn(AccessReport.Access::organisation).setHeader("Organisation");
    accesses.addColumn(AccessReport.Access::role).setHeader("Role");
    accesses.addColumn(AccessReport.Access::sequence).setHeader("Audit entry");
    accesses.setEmptyStateText("Enter an NHS number and press Show access report.");
    H2 everyView = new H2("Every view, newest first");
    everyView.addClassNames(LumoUtility.FontSize.MEDIUM);
    Button show =
        new Button(
            "Show access report",
            click -> {
              messages.removeAll();
              Optional<String> nhsNumber;
              try {
                nhsNumber = AuditFormat.nhsNumber(patient.getValue());
              } catch (IllegalArgumentException e) {
                messages.add(notice("ig-error", e.getMessage()));
                return;
              }
              if (nhsNumber.isEmpty()) {
                messages.add(notice("ig-error", "Enter the patient's NHS number."));
                return;
              }
              try {
                AccessReport report = gateway.accessReport(session.accessToken(), nhsNumber.get());
                summary.setEmptyStateText(NO_VIEWS);
                accesses.setEmptyStateText(NO_VIEWS);
                summary.setItems(report.summary());
                accesses.setItems(report.accesses());
              } catch (GatewayException e) {
                failed(e);
              }
            });
    show.setId("report-show");
    section.add(what, patient, show, summary, everyView, accesses);
    return section;
  }

  private Grid<AuditEntry> auditGrid() {
    Grid<AuditEntry> grid = new Grid<>();
    grid.setId("audit-grid");
    grid.setAriaLabel("Audit entries, newest first");
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
    grid.addColumn(e -> CuiFormat.dateTime(e.time(), zone)).setHeader("Time").setKey("time");
    grid.addColumn(AuditEntry::sequence).setHeader("Entry").setKey("sequence");
    grid.addColumn(AuditEntry::event).setHeader("Event").setKey("event").setAutoWidth(true);
    grid.addColumn(e -> e.outcome() + (e.reasonCode() == null ? "" : " (" + e.reasonCode() + ")"))
        .setHeader("Outcome");
    grid.addColumn(e -> text(e.userName()) + (e.userId() == null ? "" : " (" + e.userId() + ")"))
        .setHeader("User")
        .setFlexGrow(2);
    grid.addColumn(e -> text(e.role())).setHeader("Role");
    grid.addColumn(e -> text(e.organisation())).setHeader("Organisation");
    grid.addColumn(e -> e.patient() == null ? "" : CuiFormat.nhsNumber(e.patient()))
        .setHeader("Patient")
        .setKey("patient");
    grid.addColumn(e -> AuditFormat.details(e.details())).setHeader("Details").setFlexGrow(4);
    grid.setEmptyStateText("Search to list audit entries.");
    return grid;
  }

  private DatePicker datePicker(String label, String id) {
    DatePicker picker = new DatePicker(label);
    picker.setId(id);
    picker.setLocale(Locale.UK);
    DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
    i18n.setDateFormat("dd-MMM-yyyy");
    picker.setI18n(i18n);
    picker.setMax(LocalDate.now(clock));
    return picker;
  }

  private void failed(GatewayException e) {
    Div box = new Div();
    box.setId("ig-error");
    box.getElement().setAttribute("role", "alert");
    box.addClassNames(
        LumoUtility.Background.ERROR_10,
        LumoUtility.TextColor.ERROR,
        LumoUtility.Padding.MEDIUM,
        LumoUtility.BorderRadius.MEDIUM);
    box.add(new Paragraph(e.detail()), new Paragraph("Reason code: " + e.code()));
    messages.add(box);
  }

  private static Section section(String id, String heading) {
    Section section = new Section();
    section.setId(id);
    section.getElement().setAttribute("aria-labelledby", id + "-heading");
    section.addClassNames(LumoUtility.Margin.Top.LARGE);
    H2 h2 = new H2(heading);
    h2.setId(id + "-heading");
    h2.addClassNames(LumoUtility.FontSize.XLARGE);
    section.add(h2);
    return section;
  }

  private static Div notice(String id, String text) {
    Div box = new Div(new Paragraph(text));
    box.setId(id);
    box.getElement().setAttribute("role", "status");
    box.addClassNames(
        LumoUtility.Background.CONTRAST_5,
        LumoUtility.Padding.MEDIUM,
        LumoUtility.BorderRadius.MEDIUM);
    return box;
  }

  private static String text(@org.jspecify.annotations.Nullable String value) {
    return value == null ? "" : value;
  }
}
