package org.carelens.portal.record;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.carelens.portal.gateway.EncounterEntry;

/**
 * Encounters on one time axis (issue 13): a vertical line, newest first, each contact with its date
 * and, where the source recorded it, its time, type (in words, never only a colour), what happened
 * and its source; filtered by type, the last 24 months by default with "Show all". Ids: {@code
 * timeline}, {@code timeline-filter}, {@code timeline-list} (each item {@code data-kind}), {@code
 * timeline-count}, {@code timeline-show-all}.
 */
final class TimelinePanel extends Section {

  private final List<EncounterEntry> encounters;
  private final LocalDate today;
  private final ZoneId zone;
  private final OrderedList list = new OrderedList();
  private final Paragraph count = new Paragraph();
  private final Button showAll = new Button();
  private final CheckboxGroup<String> filter = new CheckboxGroup<>("Show types");
  private boolean all;

  /**
   * @param zone the viewer's zone: a contact's time is shown in it, {@code 12-Mar-2024 23:50}
   */
  TimelinePanel(List<EncounterEntry> encounters, LocalDate today, ZoneId zone) {
    this.encounters = List.copyOf(encounters);
    this.today = today;
    this.zone = zone;
    setId("timeline");
    getElement().setAttribute("aria-labelledby", "timeline-heading");
    addClassNames(LumoUtility.Padding.Horizontal.LARGE, LumoUtility.Padding.Vertical.SMALL);
    H2 heading = new H2("Timeline");
    heading.setId("timeline-heading");
    heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Vertical.SMALL);

    List<String> kinds = Timeline.kinds(encounters);
    filter.setId("timeline-filter");
    filter.setItems(kinds);
    filter.setItemLabelGenerator(ItemWords::kind);
    filter.setValue(new LinkedHashSet<>(kinds));
    filter.addValueChangeListener(e -> refresh());

    showAll.setId("timeline-show-all");
    showAll.addThemeVariants(ButtonVariant.TERTIARY);
    showAll.addClickListener(
        e -> {
          all = !all;
          refresh();
        });
    count.setId("timeline-count");
    count.getElement().setAttribute("role", "status");
    count.addClassNames(LumoUtility.Margin.Vertical.XSMALL, LumoUtility.TextColor.SECONDARY);

    list.setId("timeline-list");
    list.addClassNames(LumoUtility.Margin.NONE, LumoUtility.Padding.Left.LARGE);
    // The axis: one vertical line down the list; each item is a dot on it.
    list.getStyle()
        .set("list-style", "none")
        .set("border-left", "3px solid var(--lumo-contrast-40pct)")
        .set("margin-left", "var(--lumo-space-s)");
    Div controls = new Div(filter, showAll);
    controls.addClassNames(
        LumoUtility.Display.FLEX,
        LumoUtility.FlexWrap.WRAP,
        LumoUtility.AlignItems.END,
        LumoUtility.Gap.MEDIUM);
    add(heading, controls, count, list);
    refresh();
  }

  private void refresh() {
    Set<String> kinds = filter.getValue();
    List<EncounterEntry> shown = Timeline.entries(encounters, kinds, all, today);
    int hidden = Timeline.outsideWindow(encounters, kinds, today);
    list.removeAll();
    for (EncounterEntry e : shown) {
      list.add(item(e, zone));
    }
    count.setText(
        shown.size()
            + (shown.size() == 1 ? " contact" : " contacts")
            + (all ? ", all dates" : " in the last " + Timeline.DEFAULT_MONTHS + " months")
            + (all || hidden == 0 ? "" : "; " + hidden + " older not shown"));
    showAll.setText(all ? "Last " + Timeline.DEFAULT_MONTHS + " months only" : "Show all dates");
    showAll.setVisible(all || hidden > 0);
  }

  private static ListItem item(EncounterEntry e, ZoneId zone) {
    // The time where the source recorded one; a contact known only to the day shows its date.
    Span when =
        new Span(
            e.start() == null && e.startTime() == null
                ? "Date not known"
                : CuiFormat.when(e.start(), e.startTime(), zone));
    when.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    Span kind = new Span(ItemWords.kind(e.kind()));
    kind.addClassNames(
        LumoUtility.Background.CONTRAST_10,
        LumoUtility.BorderRadius.SMALL,
        LumoUtility.Padding.Horizontal.XSMALL);
    StringBuilder what = new StringBuilder(e.concept().display());
    if (e.location() != null && !e.location().isBlank()) {
      what.append(" — ").append(e.location().strip());
    }
    if (e.endTime() != null) {
      // A timed end is worth showing even on the day it started: four hours in A&E, or a
      // discharge the same evening.
      what.append(" — until ").append(CuiFormat.when(e.end(), e.endTime(), zone));
    } else if (e.end() != null && !e.end().equals(e.start())) {
      what.append(" — until ").append(CuiFormat.date(e.end()));
    }
    String outcome = RecordPanels.outcome(e);
    Span source = new Span("Source: " + ItemWords.sources(e));
    source.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.XSMALL);
    Div head = new Div(when, new Span(" "), kind, new Span(" " + what));
    ListItem item = new ListItem(head);
    if (!outcome.isEmpty()) {
      Div detail = new Div(new Span(outcome));
      detail.addClassNames(LumoUtility.FontSize.SMALL);
      item.add(detail);
    }
    item.add(new Div(source));
    item.getElement().setAttribute("data-kind", e.kind());
    item.addClassNames(LumoUtility.Padding.Vertical.XSMALL, LumoUtility.FontSize.SMALL);
    item.getStyle().set("position", "relative");
    // The dot on the axis, decorative: the date and type are in the text.
    Span dot = new Span();
    dot.getElement().setAttribute("aria-hidden", "true");
    dot.getStyle()
        .set("position", "absolute")
        .set("left", "calc(-1 * var(--lumo-space-l) - 7px)")
        .set("top", "0.6em")
        .set("width", "11px")
        .set("height", "11px")
        .set("border-radius", "50%")
        .set("background", "var(--lumo-base-color)")
        .set("border", "3px solid var(--lumo-contrast-60pct)")
        .set("box-sizing", "border-box");
    item.addComponentAsFirst(dot);
    return item;
  }
}
