package org.carelens.portal.record;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.Optional;
import org.carelens.portal.gateway.ClaimOptions;
import org.carelens.portal.gateway.GatewayClient;
import org.carelens.portal.gateway.GatewayException;
import org.carelens.portal.launch.CurrentLaunch;
import org.carelens.portal.launch.LaunchSession;
import org.jspecify.annotations.Nullable;

/**
 * "Open another patient…" for direct-care users: an NHS number, a coded reason from the agreement's
 * list and the user's own words go to the gateway as a self-claimed relationship (only the roles
 * the agreement allows may claim, by default clinicians; others are told so when the dialog opens),
 * and only once the gateway accepts it does this browser session remember the patient and open
 * their record, where a banner says the view is flagged for IG review.
 */
public final class OpenAnotherPatient {

  private OpenAnotherPatient() {}

  /** The button for this launch, if its role gives direct care. */
  static Optional<Button> button(GatewayClient gateway, LaunchSession launch) {
    if (!ConsentPrompts.DIRECT_CARE.contains(launch.userRole()) || launch.signedIn()) {
      // A user who signed in finds other patients through the search page instead.
      return Optional.empty();
    }
    Button open = new Button("Open another patient…", click -> dialog(gateway, launch).open());
    open.setId("open-another-patient");
    open.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
    return Optional.of(open);
  }

  /** The banner on a record opened on a self-claimed relationship. */
  static Div selfClaimedBanner() {
    Div banner = new Div();
    banner.setId("self-claimed-banner");
    banner.getElement().setAttribute("role", "alert");
    banner.addClassNames(
        LumoUtility.Background.WARNING,
        LumoUtility.TextColor.WARNING_CONTRAST,
        LumoUtility.Padding.MEDIUM,
        LumoUtility.Margin.Horizontal.LARGE,
        LumoUtility.Margin.Vertical.SMALL,
        LumoUtility.BorderRadius.MEDIUM,
        LumoUtility.FontWeight.BOLD);
    banner.add(
        new Paragraph("Self-claimed relationship — flagged for IG review"),
        new Paragraph(
            "You opened this record on a relationship you declared. Sensitive items are withheld"
                + " and every view is reviewed by the privacy officer."));
    return banner;
  }

  /**
   * The claim dialog for a patient found by search (issue 11): the NHS number is filled in and
   * fixed; the user chooses the reason and says why in their own words.
   */
  public static Dialog dialogFor(GatewayClient gateway, LaunchSession launch, String nhsNumber) {
    return dialog(gateway, launch, nhsNumber);
  }

  private static String optionsPatient(LaunchSession launch, @Nullable String prefilled) {
    if (prefilled != null) {
      return prefilled;
    }
    // button() offers the free-typed dialog only to launched sessions; a signed-in user searches.
    return java.util.Objects.requireNonNull(launch.nhsNumber(), "launched patient");
  }

  private static Dialog dialog(GatewayClient gateway, LaunchSession launch) {
    return dialog(gateway, launch, null);
  }

  private static Dialog dialog(
      GatewayClient gateway, LaunchSession launch, @Nullable String prefilled) {
    ClaimOptions options;
    try {
      options = gateway.claimOptions(launch.accessToken(), optionsPatient(launch, prefilled));
    } catch (GatewayException e) {
      options = new ClaimOptions(List.of(), 0, false);
    }
    Dialog dialog = new Dialog();
    dialog.setId("another-patient-dialog");
    dialog.setHeaderTitle("Open another patient");
    dialog.setWidth("min(40rem, 95vw)");
    Paragraph what =
        new Paragraph(
            "Only for a patient you are caring for now. Your reason is recorded, sensitive items"
                + " are withheld, and every view is flagged for review by the privacy officer.");
    if (!options.allowedForThisRole()) {
      Paragraph refused =
          new Paragraph(
              "The sharing agreement does not let your role open a patient you were not launched"
                  + " for. Open them from your own clinical system.");
      refused.setId("another-patient-not-allowed");
      dialog.add(refused);
      dialog.getFooter().add(new Button("Close", click -> dialog.close()));
      return dialog;
    }
    TextField nhsNumber = new TextField("NHS number");
    nhsNumber.setId("another-patient-nhs");
    nhsNumber.setPlaceholder("999 000 0018");
    nhsNumber.setRequired(true);
    if (prefilled != null) {
      nhsNumber.setValue(CuiFormat.nhsNumber(prefilled));
      nhsNumber.setReadOnly(true);
    }
    Select<ClaimOptions.Reason> reasonCode = new Select<>();
    reasonCode.setId("another-patient-reason-code");
    reasonCode.setLabel("Reason");
    reasonCode.setItems(options.reasons());
    reasonCode.setItemLabelGenerator(ClaimOptions.Reason::label);
    reasonCode.setRequiredIndicatorVisible(true);
    reasonCode.setWidthFull();
    TextArea reason = new TextArea("Why are you caring for this patient? (your own words)");
    reason.setId("another-patient-reason");
    reason.setRequired(true);
    reason.setMaxLength(OtherPatientClaim.MAX_REASON);
    reason.setWidthFull();
    Div error = new Div();
    error.setId("another-patient-error");
    error.getElement().setAttribute("role", "alert");
    error.addClassNames(LumoUtility.TextColor.ERROR);
    Button confirm =
        new Button(
            "Open record",
            click -> {
              OtherPatientClaim claim;
              try {
                claim =
                    OtherPatientClaim.typed(
                        nhsNumber.getValue(),
                        reasonCode.getValue() == null ? null : reasonCode.getValue().code(),
                        reason.getValue());
              } catch (IllegalArgumentException e) {
                error.setText(e.getMessage());
                return;
              }
              if (!launch.mayView(claim.nhsNumber())) {
                try {
                  gateway.claimRelationship(
                      launch.accessToken(), claim.nhsNumber(), claim.reasonCode(), claim.reason());
                } catch (GatewayException e) {
                  error.setText(e.detail() + " (" + e.code() + ")");
                  return;
                }
                // Re-read: another tab may have claimed a patient meanwhile.
                LaunchSession current = CurrentLaunch.get().orElse(launch);
                CurrentLaunch.replace(current.withClaimed(claim.nhsNumber()));
              }
              dialog.close();
              UI.getCurrent().navigate("patient/" + claim.nhsNumber());
            });
    confirm.setId("another-patient-confirm");
    confirm.addThemeVariants(ButtonVariant.PRIMARY);
    Button cancel = new Button("Cancel", click -> dialog.close());
    dialog.add(what, nhsNumber, reasonCode, reason, error);
    dialog.getFooter().add(cancel, confirm);
    return dialog;
  }
}
