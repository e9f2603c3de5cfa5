package org.carelens.portal.record;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;

/**
 * Results by test (issue 13): latest value, flag in words, change since the last one, a
 * server-drawn SVG trend with the reference range as a band, and each test's values as a table, one
 * click away, for anyone who cannot see the chart. Ids: {@code <id>}, {@code <id>-table}, and per
 * test {@code trend-<test>} (its row), {@code trend-<test>-chart}, {@code trend-<test>-values}.
 */
final class TrendsPanel extends Section {

  TrendsPanel(String id, String heading, List<ResultTrends.Trend> trends) {
    setId(id);
    getElement().setAttribute("aria-labelledby", id + "-heading");
    addClassNames(LumoUtility.Padding.Horizontal.LARGE, LumoUtility.Padding.Vertical.SMALL);
    H2 title = new H2(heading);
    title.setId(id + "-heading");
    title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Vertical.SMALL);
    add(title);
    if (trends.isEmpty()) {
      Span none = new Span("No dated results from the sources that answered.");
      none.addClassNames(LumoUtility.TextColor.SECONDARY);
      add(none);
      return;
    }
    HtmlTable table =
        new HtmlTable(
            id + "-table",
            "Latest value of each test, its flag and its change since the previous result",
            List.of("Test", "Latest", "Flag", "Change since last", "Trend", "Values"));
    for (ResultTrends.Trend trend : trends) {
      Element row = table.row();
      row.setAttribute("id", id + "-" + trend.key());
      HtmlTable.cell(row, trend.test());
      HtmlTable.cell(
          row,
          ResultFlags.valueWithUnit(trend.latest().value(), trend.latest().unit())
              + " ("
              + ItemWords.date(trend.latest().effectiveDate())
              + ")");
      Element flag = HtmlTable.cell(row, ResultFlags.words(trend.latest().flag()));
      flag.setAttribute("data-flag", trend.latest().flag() == null ? "" : trend.latest().flag());
      if (ResultFlags.abnormal(trend.latest().flag())) {
        flag.getStyle().set("font-weight", "700");
      }
      HtmlTable.cell(row, ResultTrends.change(trend));
      if (trend.chartable()) {
        Svg chart = new Svg(ResultTrends.svg(trend));
        chart.setId(id + "-" + trend.key() + "-chart");
        chart.addClassName("trend-chart");
        HtmlTable.cell(row, chart);
      } else {
        HtmlTable.cell(row, "One value");
      }
      HtmlTable.cell(row, values(id + "-" + trend.key() + "-values", trend));
    }
    Div wrapper = new Div();
    wrapper.getElement().appendChild(table.element());
    wrapper.getStyle().set("overflow-x", "auto");
    add(wrapper);
  }

  /** The chart's table alternative: every value with its date, flag and source. */
  private static NativeDetails values(String id, ResultTrends.Trend trend) {
    HtmlTable values =
        new HtmlTable(
            id + "-table",
            trend.test() + " results, oldest first",
            List.of("Date", "Value", "Range", "Flag", "Source"));
    for (var r : trend.results()) {
      Element row = values.row();
      HtmlTable.cell(row, ItemWords.date(r.effectiveDate()));
      HtmlTable.cell(row, ResultFlags.valueWithUnit(r.value(), r.unit()));
      HtmlTable.cell(row, ItemWords.text(r.referenceRange()));
      HtmlTable.cell(row, ResultFlags.words(r.flag()));
      HtmlTable.cell(row, ItemWords.sources(r));
    }
    Div content = new Div();
    content.getElement().appendChild(values.element());
    NativeDetails details =
        new NativeDetails(
            trend.results().size() == 1 ? "1 value" : trend.results().size() + " values", content);
    details.setId(id);
    return details;
  }
}
