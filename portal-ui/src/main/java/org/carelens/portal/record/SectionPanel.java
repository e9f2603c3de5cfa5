package org.carelens.portal.record;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.carelens.portal.gateway.IncompleteEntry;
import org.carelens.portal.gateway.RecordItem;
import org.carelens.portal.gateway.SectionData;

/**
 * One section of the record: a heading, the gateway's withheld notice (its words exactly), and a
 * grid whose last columns are always the item's sources and the conflict marker. Ids follow the
 * section's key: {@code <key>}, {@code <key>-heading}, {@code <key>-notice}, {@code <key>-missing},
 * {@code <key>-grid}, {@code <key>-incomplete}.
 *
 * <p>An empty grid never implies "nothing recorded" when that was not said: a missing or withheld
 * section reads "... unavailable"; an empty one says the sources that loaded returned none.
 */
class SectionPanel<T extends RecordItem> extends Section {

  static final String GENERIC_NOTICE =
      "Items excluded due to confidentiality and/or patient preferences";

  private final Grid<T> grid = new Grid<>();

  SectionPanel(
      SectionKind kind,
      Optional<? extends SectionData<T>> data,
      String emptyText,
      Consumer<Grid<T>> columns,
      UnaryOperator<List<T>> order) {
    this(kind, data, emptyText, columns, order, CuiFormat.UK);
  }

  /**
   * @param zone the viewer's zone, for times among the items' differences (encounters, documents)
   */
  SectionPanel(
      SectionKind kind,
      Optional<? extends SectionData<T>> data,
      String emptyText,
      Consumer<Grid<T>> columns,
      UnaryOperator<List<T>> order,
      ZoneId zone) {
    setId(kind.key());
    getElement().setAttribute("aria-labelledby", kind.key() + "-heading");
    getElement()
        .setAttribute("data-withheld", Boolean.toString(data.map(d -> d.withheld()).orElse(true)));
    addClassNames(LumoUtility.Padding.Horizontal.LARGE, LumoUtility.Padding.Vertical.SMALL);
    H2 heading = new H2(kind.heading());
    heading.setId(kind.key() + "-heading");
    heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Vertical.SMALL);
    data.filter(d -> !d.items().isEmpty())
        .ifPresent(
            d -> {
              Span count = new Span(" (" + d.items().size() + ")");
              count.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontWeight.NORMAL);
              heading.add(count);
            });
    add(heading);

    if (data.isEmpty()) {
      add(
          Notices.error(
              kind.key() + "-missing",
              kind.unavailable(),
              "The gateway's answer did not include the %s section."
                  .formatted(kind.heading().toLowerCase(Locale.UK))));
    } else if (data.get().withheld()) {
      add(Notices.info(kind.key() + "-notice", data.get().noticeIfAny().orElse(GENERIC_NOTICE)));
    }
    data.map(SectionData::incomplete)
        .filter(gaps -> !gaps.isEmpty())
        .ifPresent(gaps -> add(incomplete(kind, gaps)));

    grid.setId(kind.key() + "-grid");
    grid.setAriaLabel(kind.heading());
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
    columns.accept(grid);
    grid.addColumn(ItemWords::sources).setHeader("Source").setKey("source").setFlexGrow(2);
    grid.addColumn(ConflictMarker.<T>forItems(zone))
        .setHeader("Conflict")
        .setKey("conflict")
        .setFlexGrow(3);
    // Principle 3: an empty grid over a section a source could not read is "unavailable", never
    // "none returned".
    boolean unavailable =
        data.map(d -> (d.withheld() || !d.incomplete().isEmpty()) && d.items().isEmpty())
            .orElse(true);
    grid.setEmptyStateText(unavailable ? kind.unavailable() : emptyText);
    data.ifPresent(d -> grid.setItems(order.apply(d.items())));
    add(grid);
  }

  /**
   * The section's own "may be missing" box, one line per source that could not read all of it, e.g.
   * "Riverside Medical Practice: 1 listed allergy could not be read". Shown as an alert: what is
   * listed below is only what could be read.
   */
  static Div incomplete(SectionKind kind, List<IncompleteEntry> gaps) {
    String[] lines =
        gaps.stream()
            .map(g -> g.message() != null ? g.message() : g.source() + ": " + g.state())
            .toArray(String[]::new);
    return Notices.error(
        kind.key() + "-incomplete",
        "Some %s may be missing".formatted(kind.heading().toLowerCase(Locale.UK)),
        lines);
  }

  Grid<T> grid() {
    return grid;
  }

  /** "No problems were returned by the sources that loaded." */
  static String noneReturned(SectionKind kind) {
    return "No %s were returned by the sources that loaded. Check the sources above."
        .formatted(kind.heading().toLowerCase(Locale.UK));
  }
}
