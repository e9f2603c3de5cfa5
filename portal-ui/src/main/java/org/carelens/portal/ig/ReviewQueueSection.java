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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.carelens.portal.gateway.GatewayException;
import org.carelens.portal.gateway.ReviewItem;
import org.carelens.portal.gateway.ReviewQueueFilter;
import org.carelens.portal.ig.ReviewQueueKind.Column;
import org.carelens.portal.launch.LaunchSession;
import org.carelens.portal.record.CuiFormat;

/**
 * One IG review queue on the IG page: break-glass declarations (PRODUCT.md rule 7) or self-claimed
 * relationships (rule 1), as {@link ReviewQueueKind} says. Lists open entries first; acknowledging
 * asks for a mandatory note and goes to the gateway, which appends an audit entry of its own.
 * Acknowledged ones stay viewable with their review.
 */
final class ReviewQueueSection<T extends ReviewItem> extends Section {

  private final ReviewQueueKind<T> kind;
  private final LaunchSession session;
  private final ZoneId zone;
  private final Consumer<GatewayException> failed;
  private final Grid<T> grid = new Grid<>();
  private final Select<ReviewQueueFilter> filter = new Select<>();
  private final Span count = new Span();
  private final List<Column<T>> columns;

  ReviewQueueSection(
      ReviewQueueKind<T> kind,
      LaunchSession session,
      ZoneId zone,
      Consumer<GatewayException> failed) {
    this.kind = kind;
    this.session = session;
    this.zone = zone;
    this.failed = failed;
    this.columns = columns(kind, zone);
    setId(kind.id() + "-review");
    getElement().setAttribute("aria-labelledby", kind.id() + "-review-heading");
    addClassNames(LumoUtility.Margin.Top.LARGE);
    H2 heading = new H2(kind.heading());
    heading.setId(kind.id() + "-review-heading");
    heading.addClassNames(LumoUtility.FontSize.XLARGE);
    Paragraph what = new Paragraph(kind.explanation());
    filter.setLabel("Show");
    filter.setId(kind.id() + "-filter");
    filter.setWidth("16em");
    filter.setItems(ReviewQueueFilter.values());
    filter.setItemLabelGenerator(
        f ->
            switch (f) {
              case OPEN -> "Open (not yet reviewed)";
              case ACKNOWLEDGED -> "Acknowledged";
              case ALL -> "All";
            });
    filter.setValue(ReviewQueueFilter.OPEN);
    Button show = new Button("Show " + kind.entry() + " queue", click -> reload());
    show.setId(kind.id() + "-show");
    show.addThemeVariants(ButtonVariant.PRIMARY);
    count.setId(kind.id() + "-count");
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

  /** Every queue's columns around the queue's own: who, for whom, its own, the review. */
  private static <T extends ReviewItem> List<Column<T>> columns(
      ReviewQueueKind<T> kind, ZoneId zone) {
    List<Column<T>> columns = new ArrayList<>();
    columns.add(new Column<>("Time", "time", i -> CuiFormat.dateTime(i.time(), zone), 1));
    columns.add(new Column<>("User", "user", ReviewFormat::user, 2));
    columns.add(new Column<>("Role", "role", i -> ReviewFormat.recorded(i.role()), 1));
    columns.add(
        new Column<>(
            "Organisation", "organisation", i -> ReviewFormat.recorded(i.organisation()), 1));
    columns.add(new Column<>("Patient", "patient", ReviewFormat::patient, 1));
    columns.addAll(kind.columns());
    columns.add(new Column<>("Status", "review", i -> ReviewFormat.review(i, zone), 2));
    return List.copyOf(columns);
  }

  /** What the grid shows for one entry, column header to text, in column order. */
  Map<String, String> row(T item) {
    Map<String, String> row = new LinkedHashMap<>();
    columns.forEach(c -> row.put(c.header(), c.value().apply(item)));
    return row;
  }

  private void configureGrid() {
    grid.setId(kind.id() + "-grid");
    grid.setAriaLabel(capitalised(kind.entries()) + ", newest first");
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
    for (Column<T> column : columns) {
      grid.addColumn(i -> column.value().apply(i))
          .setHeader(column.header())
          .setKey(column.key())
          .setFlexGrow(column.flexGrow());
    }
    grid.addComponentColumn(
            i -> {
              Button acknowledge = new Button("Acknowledge…", click -> acknowledgeDialog(i).open());
              acknowledge.addThemeVariants(ButtonVariant.SMALL);
              acknowledge.setEnabled(i.acknowledgementIfAny().isEmpty());
              acknowledge.setAriaLabel("Acknowledge " + kind.entry() + " " + i.sequence());
              acknowledge.getElement().setAttribute("data-sequence", Long.toString(i.sequence()));
              acknowledge.addClassName(kind.id() + "-acknowledge");
              return acknowledge;
            })
        .setHeader("Action")
        .setKey("action");
    grid.setEmptyStateText("No " + kind.entries() + " to show.");
  }

  private void reload() {
    try {
      List<T> items = kind.reader().read(session.accessToken(), filter.getValue());
      grid.setItems(items);
      count.setText(ReviewFormat.count(items.size(), kind.one(), kind.many()));
    } catch (GatewayException e) {
      failed.accept(e);
    }
  }

  /** The dialog that acknowledges {@code item}: a summary, a mandatory note, confirm or cancel. */
  Dialog acknowledgeDialog(T item) {
    Dialog dialog = new Dialog();
    dialog.setId("acknowledge-dialog");
    dialog.setHeaderTitle("Acknowledge " + kind.entry());
    dialog.setWidth("min(40rem, 95vw)");
    Paragraph summary =
        new Paragraph(
            "%s for patient %s: %s"
                .formatted(
                    ReviewFormat.user(item),
                    ReviewFormat.patient(item),
                    kind.summary().apply(item)));
    summary.setId("acknowledge-summary");
    TextArea note = new TextArea("Review note (what did the review find?)");
    note.setId("acknowledge-note");
    note.setRequired(true);
    note.setMaxLength(ReviewFormat.MAX_NOTE);
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
                text = ReviewFormat.note(note.getValue());
              } catch (IllegalArgumentException e) {
                error.setText(e.getMessage());
                return;
              }
              try {
                kind.acknowledger().acknowledge(session.accessToken(), item.sequence(), text);
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
    return dialog;
  }

  private static String capitalised(String words) {
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
