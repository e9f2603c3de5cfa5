package org.carelens.portal.record;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import java.util.List;

/**
 * A plain HTML table built on the server: semantic rows and header cells that screen readers
 * announce (WCAG 1.3.1), for the reconciliation, trends and timeline views where a Vaadin grid's
 * virtual scrolling would get in the way of reading a few rows. Text is set as text, never markup.
 */
public final class HtmlTable {

  private final Element table = new Element("table");
  private final Element body = new Element("tbody");

  public HtmlTable(String id, String caption, List<String> headers) {
    table.setAttribute("id", id);
    table
        .getStyle()
        .set("border-collapse", "collapse")
        .set("width", "100%")
        .set("font-size", "var(--lumo-font-size-s)");
    Element captionElement = new Element("caption").setText(caption);
    captionElement.getStyle().set("text-align", "left").set("font-weight", "600");
    table.appendChild(captionElement);
    Element head = new Element("thead");
    Element row = new Element("tr");
    for (String header : headers) {
      Element th = new Element("th").setText(header);
      th.setAttribute("scope", "col");
      cellStyle(th).set("text-align", "left").set("background", "var(--lumo-contrast-5pct)");
      row.appendChild(th);
    }
    head.appendChild(row);
    table.appendChild(head, body);
  }

  /** Appends a row and returns it, so cells can be added. */
  public Element row() {
    Element row = new Element("tr");
    body.appendChild(row);
    return row;
  }

  /** A text cell; the first cell of a row is its header ({@code th scope=row}). */
  public static Element cell(Element row, String text) {
    Element cell = new Element(row.getChildCount() == 0 ? "th" : "td").setText(text);
    if (row.getChildCount() == 0) {
      cell.setAttribute("scope", "row");
      cell.getStyle().set("text-align", "left").set("font-weight", "600");
    }
    cellStyle(cell);
    row.appendChild(cell);
    return cell;
  }

  /** A cell holding a component (a chart, a disclosure). */
  public static Element cell(Element row, Component content) {
    Element cell = new Element("td");
    cellStyle(cell);
    cell.appendChild(content.getElement());
    row.appendChild(cell);
    return cell;
  }

  public Element element() {
    return table;
  }

  private static com.vaadin.flow.dom.Style cellStyle(Element cell) {
    return cell.getStyle()
        .set("border-bottom", "1px solid var(--lumo-contrast-20pct)")
        .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
        .set("vertical-align", "top");
  }
}
