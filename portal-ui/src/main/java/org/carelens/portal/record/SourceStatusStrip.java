package org.carelens.portal.record;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Clock;
import java.util.List;
import org.carelens.portal.gateway.SourceView;

/**
 * Every source in scope with its outcome, so a partial view is never mistaken for a whole one
 * (product principle 3: never silently incomplete). A failed source is shown, never hidden, in an
 * error badge; a withheld source says why in words; a cached answer says how old it is.
 */
final class SourceStatusStrip extends Section {

  SourceStatusStrip(List<SourceView> sources, Clock clock) {
    setId("source-status");
    // Every outcome is in: the record below is the merged view (see LiveSourceStrip for loading).
    getElement().setAttribute("data-state", "complete");
    getElement().setAttribute("aria-labelledby", "source-status-heading");
    addClassNames(LumoUtility.Padding.Horizontal.LARGE, LumoUtility.Padding.Vertical.SMALL);

    H2 heading = new H2("Sources");
    heading.setId("source-status-heading");
    heading.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.Vertical.XSMALL);
    add(heading);

    long problems =
        sources.stream()
            .filter(s -> SourceStatus.toneFor(s.status()) == SourceStatus.Tone.ERROR)
            .count();
    if (problems > 0) {
      Span incomplete =
          new Span(
              problems == 1
                  ? "1 source could not be read: this record may be incomplete."
                  : problems + " sources could not be read: this record may be incomplete.");
      incomplete.setId("source-status-incomplete");
      incomplete.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
      add(incomplete);
    }
    if (sources.isEmpty()) {
      add(new Span("The gateway reported no sources for this patient."));
      return;
    }

    UnorderedList list = new UnorderedList();
    list.addClassNames(
        LumoUtility.ListStyleType.NONE,
        LumoUtility.Padding.NONE,
        LumoUtility.Margin.Vertical.XSMALL,
        LumoUtility.Display.FLEX,
        LumoUtility.FlexWrap.WRAP,
        LumoUtility.Gap.MEDIUM);
    for (SourceView source : sources) {
      list.add(item(source, clock));
    }
    add(list);
  }

  static ListItem item(SourceView source, Clock clock) {
    ListItem item = new ListItem();
    item.setId("source-" + source.id());
    item.getElement().setAttribute("data-status", source.status());
    item.addClassNames(
        LumoUtility.Border.ALL,
        LumoUtility.BorderColor.CONTRAST_20,
        LumoUtility.BorderRadius.MEDIUM,
        LumoUtility.Padding.SMALL);

    Span name = new Span(source.name());
    name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    Badge status = new Badge(SourceStatus.wordsFor(source.status()));
    status.addClassName("source-status-badge");
    status.addThemeVariants(
        switch (SourceStatus.toneFor(source.status())) {
          case SUCCESS -> BadgeVariant.SUCCESS;
          case ERROR -> BadgeVariant.ERROR;
          case NEUTRAL -> BadgeVariant.CONTRAST;
        });
    Div headline = new Div(name, new Text(" "), status);

    Span timing = new Span(SourceTiming.describe(source, clock));
    timing.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
    Div details = new Div(timing);
    item.add(headline, details);

    if ("WITHHELD".equals(source.status())) {
      Div reason = new Div(new Span(WithheldReasons.words(source.reasonIfAny())));
      reason.setId("source-" + source.id() + "-reason");
      reason.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.FontWeight.SEMIBOLD);
      source.reasonIfAny().ifPresent(code -> item.getElement().setAttribute("data-reason", code));
      item.add(reason);
    }

    source
        .detailIfAny()
        .ifPresent(
            detail -> {
              Div text = new Div(new Span(detail));
              text.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.BODY);
              item.add(text);
              item.getElement().setAttribute("title", detail);
            });
    return item;
  }
}
