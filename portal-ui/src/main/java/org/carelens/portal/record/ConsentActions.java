package org.carelens.portal.record;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Clock;
import java.util.List;
import org.carelens.portal.gateway.BreakGlassOptions;
import org.carelens.portal.gateway.GatewayClient;
import org.carelens.portal.gateway.GatewayException;
import org.carelens.portal.gateway.RecordView;
import org.carelens.portal.launch.LaunchSession;

/**
 * The consent actions on the record page: the active break-glass banner, the permission-to-view
 * prompt (Bradford share-in model) and the break-glass dialog (PRODUCT.md rule 7: mandatory reason,
 * time-limited, visibly active). Each action goes to the gateway, which records and audits it, and
 * the page then reloads the record under the new consent.
 */
final class ConsentActions {

  private final GatewayClient gateway;
  private final LaunchSession launch;
  private final String nhsNumber;
  private final Clock clock;

  /**
   * @param nhsNumber the patient on the page: the launched one, or one claimed since
   */
  ConsentActions(GatewayClient gateway, LaunchSession launch, String nhsNumber, Clock clock) {
    this.gateway = gateway;
    this.launch = launch;
    this.nhsNumber = nhsNumber;
    this.clock = clock;
  }

  /** The components to show above the record for this view, in order; possibly none. */
  List<Div> forView(RecordView record) {
    List<Div> shown = new java.util.ArrayList<>();
    if (record.breakGlass().active()) {
      Div banner = new Div();
      banner.setId("break-glass-active");
      banner.getElement().setAttribute("role", "alert");
      banner.addClassNames(
          LumoUtility.Background.ERROR,
          LumoUtility.TextColor.ERROR_CONTRAST,
          LumoUtility.Padding.MEDIUM,
          LumoUtility.Margin.Horizontal.LARGE,
          LumoUtility.Margin.Vertical.SMALL,
          LumoUtility.BorderRadius.MEDIUM,
          LumoUtility.FontWeight.BOLD);
      banner.add(
          new Paragraph(
              record
                  .breakGlass()
                  .untilIfKnown()
                  .map(until -> ConsentPrompts.activeUntil(until, clock.getZone()))
                  .orElse("Emergency (break-glass) access is active.")),
          new Paragraph("Your use of this record is audited and reviewed by the privacy officer."));
      shown.add(banner);
    }
    String role = launch.userRole();
    boolean permission =
        ConsentPrompts.offerPermission(role, launch.isFor(nhsNumber), record.sources());
    boolean breakGlass =
        ConsentPrompts.offerBreakGlass(role, record.breakGlass().active(), record.sources());
    if (!permission && !breakGlass) {
      return shown;
    }
    Div box = new Div();
    box.setId("consent-actions");
    box.addClassNames(
        LumoUtility.Background.CONTRAST_5,
        LumoUtility.Padding.MEDIUM,
        LumoUtility.Margin.Horizontal.LARGE,
        LumoUtility.Margin.Vertical.SMALL,
        LumoUtility.BorderRadius.MEDIUM,
        LumoUtility.Display.FLEX,
        LumoUtility.FlexWrap.WRAP,
        LumoUtility.AlignItems.CENTER,
        LumoUtility.Gap.MEDIUM);
    if (permission) {
      Paragraph ask =
          new Paragraph(
              "Ask the patient: may you view their shared record from "
                  + String.join(", ", ConsentPrompts.awaitingPermission(record.sources()))
                  + "?");
      ask.setId("permission-prompt");
      ask.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontWeight.SEMIBOLD);
      Button give = new Button("The patient gives permission", click -> recordPermission());
      give.setId("permission-record");
      give.addThemeVariants(ButtonVariant.PRIMARY);
      box.add(ask, give);
    }
    if (breakGlass) {
      Button open = new Button("Emergency access (break glass)…", click -> openBreakGlass());
      open.setId("break-glass-open");
      open.addThemeVariants(ButtonVariant.ERROR);
      box.add(open);
    }
    shown.add(box);
    return shown;
  }

  private void recordPermission() {
    try {
      gateway.recordPermissionToView(launch.accessToken(), nhsNumber);
      UI.getCurrent().getPage().reload();
    } catch (GatewayException e) {
      failure("The permission could not be recorded.", e).open();
    }
  }

  private void openBreakGlass() {
    BreakGlassOptions options;
    try {
      options = gateway.breakGlassOptions(launch.accessToken(), nhsNumber);
    } catch (GatewayException e) {
      failure("Break-glass is not available.", e).open();
      return;
    }
    Dialog dialog = new Dialog();
    dialog.setId("break-glass-dialog");
    dialog.setHeaderTitle("Emergency access (break glass)");
    dialog.setWidth("min(40rem, 95vw)");
    Paragraph what =
        new Paragraph(
            "Use only in an emergency, when the patient cannot give permission. Access lasts %d"
                    .formatted(options.durationMinutes())
                + " minutes, is audited and is reviewed by the privacy officer."
                + (options.overridesDissent()
                    ? " It also overrides the patient's dissent."
                    : " It does not override the patient's dissent."));
    Select<String> reason = new Select<>();
    reason.setId("break-glass-reason");
    reason.setLabel("Reason");
    reason.setItems(options.reasons());
    reason.setItemLabelGenerator(ConsentPrompts::reasonWords);
    reason.setRequiredIndicatorVisible(true);
    reason.setWidthFull();
    TextArea detail = new TextArea("Why is emergency access needed? (your own words)");
    detail.setId("break-glass-detail");
    detail.setRequired(true);
    detail.setMaxLength(2000);
    detail.setWidthFull();
    Div error = new Div();
    error.setId("break-glass-error");
    error.addClassNames(LumoUtility.TextColor.ERROR);
    Button confirm =
        new Button(
            "Declare break-glass",
            click -> {
              if (reason.getValue() == null || detail.getValue().isBlank()) {
                error.setText("Choose a reason and say in your own words why access is needed.");
                return;
              }
              try {
                gateway.declareBreakGlass(
                    launch.accessToken(), nhsNumber, reason.getValue(), detail.getValue().strip());
                dialog.close();
                UI.getCurrent().getPage().reload();
              } catch (GatewayException e) {
                error.setText(e.detail() + " (" + e.code() + ")");
              }
            });
    confirm.setId("break-glass-confirm");
    confirm.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
    Button cancel = new Button("Cancel", click -> dialog.close());
    dialog.add(what, reason, detail, error);
    dialog.getFooter().add(cancel, confirm);
    dialog.open();
  }

  private static Dialog failure(String headline, GatewayException e) {
    Dialog dialog = new Dialog();
    dialog.setId("consent-error");
    dialog.setHeaderTitle(headline);
    dialog.add(new Paragraph(e.detail()), new Paragraph("Reason code: " + e.code()));
    dialog.getFooter().add(new Button("Close", click -> dialog.close()));
    return dialog;
  }
}
