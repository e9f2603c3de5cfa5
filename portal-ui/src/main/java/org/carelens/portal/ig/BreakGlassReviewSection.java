package org.carelens.portal.ig;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.carelens.portal.gateway.BreakGlassQueueFilter;
import org.carelens.portal.gateway.BreakGlassReviewItem;
import org.carelens.portal.gateway.GatewayClient;
import org.carelens.portal.gateway.GatewayException;
import org.carelens.portal.launch.LaunchSession;

/**
 * The break-glass review queue on the IG page (PRODUCT.md rule 7: every break-glass is reviewed).
 * Lists open declarations first; acknowledging asks for a mandatory note and goes to the gateway,
 * which appends an audit entry of its own. Acknowledged ones stay viewable with their review.
 */
final class BreakGlassReviewSection extends Section {

  private final GatewayClient gateway;
  private final LaunchSession session;
  private final ZoneId zone;
  private final Consumer<GatewayException> failed;
  private final Grid<BreakGlassReviewItem> grid = new Grid<>();
  private final Select<BreakGlassQueueFilter> filter = new Select<>();
  private final Span count = new Span();

  BreakGlassReviewSection(
      GatewayClient gateway,
      LaunchSession session,
      ZoneId zone,
      Consumer<GatewayException> failed) {
    this.gateway = gateway;
    this.session = session;
    this.zone = zone;
    this.failed = failed;
    setId("break-glass-review");
    getElement().setAttribute("aria-labelledby", "break-glass-review-heading");
    addClassNames(LumoUtility.Margin.Top.LARGE);
    H2 heading = new H2("Break-glass review");
    heading.setId("break-glass-review-heading");
    heading.addClassNames(LumoUtility.FontSize.XLARGE);
    Paragraph what =
        new Paragraph(
            "Every emergency (break-glass) access is reviewed. Read the reason the user gave,"
                + " then acknowledge it with a note saying what the review found.");
    filter.setLabel("Show");
    filter.setId("break-glass-filter");
    filter.setWidth("16em");
    filter.setItems(BreakGlassQueueFilter.values());
    filter.setItemLabelGenerator(
        f ->
            switch (f) {
              case OPEN -> "Open (not yet reviewed)";
              case ACKNOWLEDGED -> "Acknowledged";
              case ALL -> "All";
            });
    filter.setValue(BreakGlassQueueFilter.OPEN);
    Button show = new Button("Show break-glass queue", click -> reload());
    show.setId("break-glass-show");
    show.addThemeVariants(ButtonVariant.PRIMARY);
    count.setId("break-glass-count");
    count.getElement().setAttribute("role", "status");
    count.addClassNames(LumoUtility.Margin.Left.MEDIUM);
    Div controls = new Div(filter, show, count);
    controls.addClassNames(
        LumoUtility.Display.FLEX,
        LumoUtility.AlignItems.BASELINE,
        LumoUtility.FlexWrap.WRAP,
        LumoUtility.Gap.MEDIUM);
    configureGrid();
    add(heading, what, controls, grid);
  }

  private void configureGrid() {
    grid.setId("break-glass-grid");
    grid.setAriaLabel("Break-glass declarations, newest first");
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
    grid.addColumn(i -> AuditFormat.dateTime(i.time(), zone)).setHeader("Time").setKey("time");
    grid.addColumn(BreakGlassFormat::user).setHeader("User").setKey("user").setFlexGrow(2);
    grid.addColumn(i -> i.role() == null ? "" : i.role()).setHeader("Role");
    grid.addColumn(i -> i.organisation() == null ? "" : i.organisation()).setHeader("Organisation");
    grid.addColumn(BreakGlassFormat::patient).setHeader("Patient").setKey("patient");
    grid.addColumn(BreakGlassFormat::reason).setHeader("Reason").setKey("reason");
    grid.addColumn(i -> i.detail() == null ? "" : i.detail())
        .setHeader("Detail")
        .setKey("detail")
        .setFlexGrow(3);
    grid.addColumn(i -> BreakGlassFormat.expiry(i, zone)).setHeader("Expires");
    grid.addColumn(i -> BreakGlassFormat.review(i, zone))
        .setHeader("Review")
        .setKey("review")
        .setFlexGrow(2);
    grid.addComponentColumn(
            i -> {
              Button acknowledge = new Button("Acknowledge…", click -> openAcknowledge(i));
              acknowledge.addThemeVariants(ButtonVariant.SMALL);
              acknowledge.setEnabled(i.acknowledgementIfAny().isEmpty());
              acknowledge.setAriaLabel("Acknowledge break-glass " + i.sequence());
              acknowledge.getElement().setAttribute("data-sequence", Long.toString(i.sequence()));
              acknowledge.addClassName("break-glass-acknowledge");
              return acknowledge;
            })
        .setHeader("Action");
    grid.setEmptyStateText("No break-glass declarations to show.");
  }

  private void reload() {
    try {
      List<BreakGlassReviewItem> items =
          gateway.breakGlassQueue(session.accessToken(), filter.getValue());
      grid.setItems(items);
      count.setText(
          items.size() == 1 ? "1 declaration, newest first" : items.size() + " declarations");
    } catch (GatewayException e) {
      failed.accept(e);
    }
  }

  private void openAcknowledge(BreakGlassReviewItem item) {
    Dialog dialog = new Dialog();
    dialog.setId("acknowledge-dialog");
    dialog.setHeaderTitle("Acknowledge break-glass");
    dialog.setWidth("min(40rem, 95vw)");
    Paragraph summary =
        new Paragraph(
            "%s for patient %s: %s — %s"
                .formatted(
                    BreakGlassFormat.user(item),
                    BreakGlassFormat.patient(item),
                    BreakGlassFormat.reason(item),
                    item.detail() == null ? "" : item.detail()));
    TextArea note = new TextArea("Review note (what did the review find?)");
    note.setId("acknowledge-note");
    note.setRequired(true);
    note.setMaxLength(BreakGlassFormat.MAX_NOTE);
    note.setWidthFull();
    Div error = new Div();
    error.setId("acknowledge-error");
    error.getElement().setAttribute("role", "alert");
    error.addClassNames(LumoUtility.TextColor.ERROR);
    Button confirm =
        new Button(
            "Acknowledge",
            click -> {
              String text;
              try {
                text = BreakGlassFormat.note(note.getValue());
              } catch (IllegalArgumentException e) {
                error.setText(e.getMessage());
                return;
              }
              try {
                gateway.acknowledgeBreakGlass(session.accessToken(), item.sequence(), text);
                dialog.close();
                reload();
              } catch (GatewayException e) {
                error.setText(e.detail() + " (" + e.code() + ")");
              }
            });
    confirm.setId("acknowledge-confirm");
    confirm.addThemeVariants(ButtonVariant.PRIMARY);
    Button cancel = new Button("Cancel", click -> dialog.close());
    dialog.add(summary, note, error);
    dialog.getFooter().add(cancel, confirm);
    dialog.open();
  }
}
