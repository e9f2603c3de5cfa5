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

/**
 * The source strip while the record is still loading: each source that has answered shows its
 * outcome as in {@link SourceStatusStrip}, every other expected source says "Loading…". It carries
 * the same id as the final strip, with {@code data-state="loading"} and {@code aria-busy}, and says
 * in words that the record is not complete yet (product principle 3: never silently incomplete).
 */
final class LiveSourceStrip extends Section {

  static final String LOADING_WORDS = "Loading…";

  LiveSourceStrip(SourceProgress progress, Clock clock) {
    setId("source-status");
    getElement().setAttribute("data-state", "loading");
    getElement().setAttribute("aria-busy", "true");
    getElement().setAttribute("aria-labelledby", "source-status-heading");
    addClassNames(LumoUtility.Padding.Horizontal.LARGE, LumoUtility.Padding.Vertical.SMALL);

    H2 heading = new H2("Sources");
    heading.setId("source-status-heading");
    heading.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.Vertical.XSMALL);
    Span headline = new Span(progress.headline());
    headline.setId("source-status-progress");
    headline.getElement().setAttribute("role", "status");
    headline.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.TextColor.SECONDARY);
    add(heading, headline);

    UnorderedList list = new UnorderedList();
    list.addClassNames(
        LumoUtility.ListStyleType.NONE,
        LumoUtility.Padding.NONE,
        LumoUtility.Margin.Vertical.XSMALL,
        LumoUtility.Display.FLEX,
        LumoUtility.FlexWrap.WRAP,
        LumoUtility.Gap.MEDIUM);
    for (SourceProgress.Row row : progress.rows()) {
      list.add(
          switch (row) {
            case SourceProgress.Answered answered ->
                SourceStatusStrip.item(answered.source(), clock);
            case SourceProgress.Loading loading -> loadingItem(loading);
          });
    }
    add(list);
  }

  private static ListItem loadingItem(SourceProgress.Loading source) {
    ListItem item = new ListItem();
    item.setId("source-" + source.id());
    item.getElement().setAttribute("data-status", SourceProgress.LOADING);
    item.addClassNames(
        LumoUtility.Border.ALL,
        LumoUtility.BorderColor.CONTRAST_20,
        LumoUtility.BorderRadius.MEDIUM,
        LumoUtility.Padding.SMALL);
    Span name = new Span(source.name());
    name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    Badge status = new Badge(LOADING_WORDS);
    status.addClassName("source-status-badge");
    status.addThemeVariants(BadgeVariant.CONTRAST);
    item.add(new Div(name, new Text(" "), status));
    return item;
  }
}
