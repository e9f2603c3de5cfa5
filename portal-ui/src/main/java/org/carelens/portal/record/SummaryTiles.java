package org.carelens.portal.record;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;

/**
 * The summary a role lands on: {@link Summary}'s tiles in a grid that fits one 1366 × 768 screen,
 * care plans and alerts first and marked out. Each tile links to its full section on the same page
 * ({@code #<key>}), names its sources, and shows "May be incomplete" in words (never by colour
 * alone) with the reasons one click away.
 *
 * <p>Ids: {@code summary}, each tile's {@code tile-<name>}; a tile that may be incomplete carries
 * {@code data-incomplete="true"} and a {@code <tile id>-incomplete} disclosure.
 */
final class SummaryTiles extends Section {

  static final String MAY_BE_INCOMPLETE = "May be incomplete";

  /** Tiles whose lines are long (medication lines, contacts) take two columns. */
  private static final java.util.Set<String> WIDE =
      java.util.Set.of(
          "tile-medications", "tile-care-team", "tile-demographics", "tile-care-packages");

  /**
   * @param provisional the record is still loading: the tiles show what has arrived so far, not
   *     merged or checked for conflicts
   */
  SummaryTiles(List<SummaryTile> tiles, boolean provisional) {
    setId("summary");
    getElement().setAttribute("aria-labelledby", "summary-heading");
    getElement().setAttribute("data-state", provisional ? "loading" : "complete");
    addClassNames(LumoUtility.Padding.Horizontal.LARGE, LumoUtility.Padding.Vertical.XSMALL);
    H2 heading =
        new H2(provisional ? "Summary (loading — received so far, not yet merged)" : "Summary");
    heading.setId("summary-heading");
    heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Vertical.XSMALL);
    add(heading);
    Div grid = new Div();
    grid.setId("summary-tiles");
    grid.getStyle()
        .set("display", "grid")
        .set("grid-template-columns", "repeat(auto-fill, minmax(min(100%, 280px), 1fr))")
        .set("grid-auto-flow", "row dense")
        .set("gap", "var(--lumo-space-s)");
    tiles.forEach(t -> grid.add(tile(t)));
    add(grid);
  }

  static Section tile(SummaryTile tile) {
    Section box = new Section();
    box.setId(tile.id());
    box.getElement().setAttribute("aria-labelledby", tile.id() + "-heading");
    box.getElement().setAttribute("data-incomplete", Boolean.toString(tile.mayBeIncomplete()));
    box.addClassNames(
        LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM, LumoUtility.FontSize.SMALL);
    box.getStyle()
        .set("display", "flex")
        .set("flex-direction", "column")
        .set("border", "1px solid var(--lumo-contrast-30pct)")
        .set("min-width", "0")
        .set("line-height", "1.35");
    if (tile.prominent()) {
      // Care plans and safeguarding: wider, with a heavy border and a heading that says so.
      box.getStyle()
          .set("grid-column", "span 2")
          .set("border-left", "6px solid var(--lumo-error-color)");
      box.addClassNames(LumoUtility.Background.ERROR_10);
    } else if (WIDE.contains(tile.id())) {
      box.getStyle().set("grid-column", "span 2");
    }
    H3 heading = new H3(tile.title());
    heading.setId(tile.id() + "-heading");
    heading.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.NONE);
    Div head = new Div(heading);
    head.addClassNames(
        LumoUtility.Display.FLEX,
        LumoUtility.JustifyContent.BETWEEN,
        LumoUtility.AlignItems.BASELINE,
        LumoUtility.Gap.SMALL);
    if (tile.mayBeIncomplete()) {
      Span summary = new Span("⚠ " + MAY_BE_INCOMPLETE);
      summary.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
      UnorderedList reasons = new UnorderedList();
      reasons.addClassNames(LumoUtility.Margin.Vertical.XSMALL, LumoUtility.FontSize.XSMALL);
      tile.incomplete().forEach(r -> reasons.add(new ListItem(r)));
      NativeDetails details = new NativeDetails(summary, reasons);
      details.setId(tile.id() + "-incomplete");
      details.getStyle().set("text-align", "right");
      head.add(details);
    }
    box.add(head);

    if (tile.lines().isEmpty()) {
      Paragraph none = new Paragraph(tile.emptyText());
      none.addClassNames(LumoUtility.Margin.Vertical.XSMALL, LumoUtility.TextColor.SECONDARY);
      none.getStyle().set("flex-grow", "1");
      box.add(none);
    } else {
      UnorderedList list = new UnorderedList();
      list.addClassNames(LumoUtility.Margin.Vertical.XSMALL, LumoUtility.Padding.Left.MEDIUM);
      list.getStyle().set("flex-grow", "1");
      for (String line : tile.lines()) {
        ListItem item = new ListItem(line);
        if (tile.prominent()) {
          item.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        }
        list.add(item);
      }
      if (tile.more() > 0) {
        ListItem more = new ListItem("and " + tile.more() + " more (see the full section)");
        more.addClassNames(LumoUtility.TextColor.SECONDARY);
        list.add(more);
      }
      box.add(list);
    }

    Span sources =
        new Span(
            "Sources: "
                + (tile.sources().isEmpty()
                    ? "none of the sources that answered holds anything here"
                    : String.join(", ", tile.sources())));
    sources.setId(tile.id() + "-sources");
    sources.addClassNames(LumoUtility.TextColor.SECONDARY);
    Div foot = new Div(sources);
    foot.addClassNames(
        LumoUtility.Display.FLEX,
        LumoUtility.JustifyContent.BETWEEN,
        LumoUtility.Gap.SMALL,
        LumoUtility.FontSize.XSMALL);
    tile.section()
        .ifPresent(
            kind -> {
              Anchor full =
                  new Anchor("#" + kind.key(), "Full " + kind.heading().toLowerCase() + " ›");
              full.setId(tile.id() + "-full");
              full.getElement().setAttribute("router-ignore", true);
              full.getStyle().set("white-space", "nowrap");
              foot.add(full);
            });
    box.add(foot);
    return box;
  }
}
