package org.carelens.portal.record;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** Message boxes for the record page: an alert for failures, a status box for information. */
final class Notices {

  private Notices() {}

  /** A failure the clinician must notice; announced by screen readers ({@code role=alert}). */
  static Div error(String id, String headline, String... lines) {
    Div box = box(id, headline, lines);
    box.getElement().setAttribute("role", "alert");
    box.addClassNames(LumoUtility.Background.ERROR_10, LumoUtility.TextColor.ERROR);
    box.getStyle().set("border-left", "4px solid var(--lumo-error-color)");
    return box;
  }

  /** Information, such as withheld items or the need to launch ({@code role=status}). */
  static Div info(String id, String headline, String... lines) {
    Div box = box(id, headline, lines);
    box.getElement().setAttribute("role", "status");
    box.addClassNames(LumoUtility.Background.CONTRAST_5, LumoUtility.TextColor.BODY);
    box.getStyle().set("border-left", "4px solid var(--lumo-contrast-60pct)");
    return box;
  }

  private static Div box(String id, String headline, String... lines) {
    Div box = new Div();
    box.setId(id);
    box.addClassNames(
        LumoUtility.Padding.MEDIUM,
        LumoUtility.BorderRadius.MEDIUM,
        LumoUtility.Margin.Vertical.SMALL);
    Paragraph first = new Paragraph(headline);
    first.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Margin.NONE);
    box.add(first);
    for (String line : lines) {
      Paragraph p = new Paragraph(line);
      p.addClassNames(LumoUtility.Margin.Top.XSMALL, LumoUtility.Margin.Bottom.NONE);
      box.add(p);
    }
    return box;
  }
}
