package org.carelens.portal.ig;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.carelens.portal.gateway.GatewayClient;
import org.carelens.portal.gateway.GatewayException;
import org.carelens.portal.gateway.PolicyPreview;
import org.carelens.portal.launch.CurrentLaunch;
import org.carelens.portal.launch.LaunchSession;
import org.carelens.portal.record.HtmlTable;

/**
 * {@code /ig/policy-preview} (issue 13): an IG officer picks a role and an organisation type, and
 * sees which sources and sections that viewer would get of a patient under the agreement in force
 * (or a draft), and why not, with each decision's rule. The gateway decides with the same policy
 * every view uses, and audits each preview.
 */
@Route("ig/policy-preview")
@PageTitle("Carelens — policy preview")
@Prototype
public class PolicyPreviewView extends Main implements BeforeEnterObserver {

  /** The roles a viewer can act in (the policy's {@code Role} codes). */
  static final List<String> ROLES =
      List.of(
          "clinician",
          "pharmacist",
          "social-worker",
          "ig-officer",
          "federation-ig",
          "administrator");

  private final GatewayClient gateway;
  private final Clock clock;
  private final Div result = new Div();

  public PolicyPreviewView(GatewayClient gateway, Clock clock) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.clock = Objects.requireNonNull(clock, "clock");
    setId("policy-preview");
    setWidthFull();
    addClassNames(LumoUtility.Padding.LARGE, LumoUtility.BoxSizing.BORDER);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    H1 title = new H1("Policy preview");
    title.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.Margin.Top.NONE);
    Anchor back = new Anchor("ig", "Back to audit and access");
    back.setId("preview-back");
    add(back, title);
    Optional<LaunchSession> launch = CurrentLaunch.get();
    if (launch.isEmpty() || launch.get().isExpired(clock) || !launch.get().auditsAccess()) {
      add(
          message(
              "preview-not-permitted",
              "The policy preview is for information-governance officers with an active"
                  + " session."));
      return;
    }
    LaunchSession session = launch.get();
    add(
        new Paragraph(
            "What would a viewer in this role, at this type of organisation, see of a patient?"
                + " Each source and section is decided by the same rules every view uses, with"
                + " the rule that applied. The preview is audited."));

    Select<String> role = new Select<>();
    role.setLabel("Role");
    role.setId("preview-role");
    role.setItems(ROLES);
    role.setValue("clinician");
    // Free text: the agreement names its own organisation types, and the portal does not know
    // them until the gateway answers (the first preview lists them below the field).
    TextField organisationType = new TextField("Organisation type");
    organisationType.setId("preview-organisation-type");
    organisationType.setHelperText("As the sharing agreement names it, e.g. out-of-hours");
    TextField dissent = new TextField("Patient dissent");
    dissent.setId("preview-dissent");
    dissent.setValue("none");
    dissent.setHelperText("none, whole, or a source id");
    Checkbox permission = new Checkbox("Patient gave permission to view");
    permission.setId("preview-permission");
    Checkbox breakGlass = new Checkbox("Break-glass active");
    breakGlass.setId("preview-break-glass");
    TextField agreement = new TextField("Draft agreement (blank for the one in force)");
    agreement.setId("preview-agreement");
    FormLayout form =
        new FormLayout(role, organisationType, dissent, agreement, permission, breakGlass);
    Button run =
        new Button(
            "Preview",
            click ->
                run(
                    session,
                    role.getValue(),
                    organisationType.getValue(),
                    agreement.getValue(),
                    dissent.getValue(),
                    permission.getValue(),
                    breakGlass.getValue(),
                    organisationType));
    run.setId("preview-run");
    run.addThemeVariants(ButtonVariant.PRIMARY);
    result.setId("preview-result");
    result.getElement().setAttribute("aria-live", "polite");
    add(form, run, result);
  }

  private void run(
      LaunchSession session,
      String role,
      String organisationType,
      String agreement,
      String dissent,
      boolean permission,
      boolean breakGlass,
      TextField organisationTypes) {
    result.removeAll();
    PolicyPreview preview;
    try {
      preview =
          gateway.policyPreview(
              session.accessToken(),
              role,
              organisationType.strip(),
              agreement.strip(),
              dissent.strip(),
              permission,
              breakGlass);
    } catch (GatewayException e) {
      result.add(message("preview-error", e.detail() + " (" + e.code() + ")"));
      return;
    }
    List<String> types =
        Optional.ofNullable(preview.agreement().organisationTypes()).orElse(List.of());
    if (!types.isEmpty()) {
      organisationTypes.setHelperText("This agreement's types: " + String.join(", ", types));
    }
    Paragraph who =
        new Paragraph(
            PreviewFormat.agreement(preview.agreement())
                + ". Viewer: "
                + preview.viewer().role()
                + " at a "
                + preview.viewer().organisationType()
                + " organisation ("
                + preview.viewer().relationship().toLowerCase().replace('_', ' ')
                + "). Patient: dissent "
                + preview.consent().dissent()
                + (preview.consent().permissionToView() ? ", permission to view given" : "")
                + (preview.consent().breakGlass() ? ", break-glass active" : "")
                + ".");
    who.setId("preview-summary");
    HtmlTable table =
        new HtmlTable(
            "preview-table",
            "What this viewer would get from each source, and why",
            List.of("Source", "Asked?", "Sections shown", "Sections withheld", "Sensitive items"));
    for (PolicyPreview.SourcePreview source : preview.sources()) {
      Element row = table.row();
      row.setAttribute("id", "preview-source-" + source.id());
      row.setAttribute("data-shown", Boolean.toString(source.source().shown()));
      HtmlTable.cell(
          row,
          source.id() + (source.shareIn() == null ? "" : " (share-in " + source.shareIn() + ")"));
      HtmlTable.cell(row, PreviewFormat.decision(source.source()));
      HtmlTable.cell(row, PreviewFormat.shownSections(source));
      UnorderedList withheld = new UnorderedList();
      withheld.addClassNames(LumoUtility.Margin.NONE, LumoUtility.Padding.Left.MEDIUM);
      PreviewFormat.withheldSections(source).forEach(w -> withheld.add(new ListItem(w)));
      if (PreviewFormat.withheldSections(source).isEmpty()) {
        withheld.add(new ListItem("None"));
      }
      HtmlTable.cell(row, withheld);
      HtmlTable.cell(row, PreviewFormat.sensitive(source));
    }
    Div tableHolder = new Div();
    tableHolder.getElement().appendChild(table.element());
    tableHolder.getStyle().set("overflow-x", "auto");
    result.add(who, tableHolder);
  }

  private static Div message(String id, String text) {
    Div box = new Div(new Paragraph(text));
    box.setId(id);
    box.getElement().setAttribute("role", "status");
    box.addClassNames(
        LumoUtility.Background.CONTRAST_5,
        LumoUtility.Padding.MEDIUM,
        LumoUtility.BorderRadius.MEDIUM);
    return box;
  }
}
