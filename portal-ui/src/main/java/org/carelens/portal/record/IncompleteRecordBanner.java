package org.carelens.portal.record;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.Optional;

/**
 * "Some information may be missing", shown above the record whenever a source did not give a whole,
 * fresh answer, with one line per source saying why. Announced to screen readers.
 */
final class IncompleteRecordBanner extends Div {

  static final String HEADLINE = "Some information may be missing";

  private IncompleteRecordBanner(List<String> gaps) {
    setId("record-incomplete");
    getElement().setAttribute("role", "alert");
    addClassNames(
        LumoUtility.Background.WARNING_10,
        LumoUtility.Padding.MEDIUM,
        LumoUtility.Margin.Horizontal.LARGE,
        LumoUtility.Margin.Vertical.SMALL,
        LumoUtility.BorderRadius.MEDIUM);
    getStyle().set("border-left", "6px solid var(--lumo-warning-color)");
    Paragraph headline = new Paragraph(HEADLINE);
    headline.setId("record-incomplete-headline");
    headline.addClassNames(
        LumoUtility.FontWeight.BOLD, LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
    UnorderedList list = new UnorderedList();
    list.addClassNames(LumoUtility.Margin.Vertical.XSMALL);
    gaps.forEach(gap -> list.add(new ListItem(gap)));
    Paragraph next =
        new Paragraph(
            "Check with the source organisation before relying on what is shown here, or try again"
                + " later.");
    next.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.SMALL);
    add(headline, list, next);
  }

  /** The banner when any source leaves a gap; empty when the view is complete. */
  static Optional<IncompleteRecordBanner> forGaps(List<String> gaps) {
    return gaps.isEmpty() ? Optional.empty() : Optional.of(new IncompleteRecordBanner(gaps));
  }
}
