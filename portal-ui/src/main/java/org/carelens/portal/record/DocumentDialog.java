package org.carelens.portal.record;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.ZoneId;
import org.carelens.portal.gateway.DocumentEntry;
import org.carelens.portal.gateway.GatewayException;

/**
 * A document opened from the documents section: its title, date (with its time where the source
 * recorded one) and source, and the content the gateway fetched from the source on demand, shown
 * preformatted or as allow-listed HTML.
 */
final class DocumentDialog extends Dialog {

  private DocumentDialog(DocumentEntry document, Component body, ZoneId zone) {
    setId("document-dialog");
    setHeaderTitle(document.title());
    setWidth("min(60rem, 95vw)");
    setMaxHeight("90vh");
    Paragraph meta =
        new Paragraph(
            String.join(
                " · ",
                java.util.stream.Stream.of(
                        CuiFormat.when(document.date(), document.time(), zone),
                        ItemWords.text(document.author()),
                        ItemWords.sources(document))
                    .filter(s -> !s.isEmpty())
                    .toList()));
    meta.setId("document-meta");
    meta.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Top.NONE);
    body.setId("document-content");
    add(meta, body);
    Button close = new Button("Close", click -> close());
    close.setId("document-close");
    getFooter().add(close);
  }

  static DocumentDialog showing(DocumentEntry document, DocumentRendering rendering, ZoneId zone) {
    Component body =
        switch (rendering) {
          case DocumentRendering.Preformatted text -> {
            Pre pre = new Pre(text.text());
            pre.getStyle().set("white-space", "pre-wrap").set("font-family", "inherit");
            yield pre;
          }
          case DocumentRendering.SafeHtml html -> new Html(html.html());
          case DocumentRendering.Unsupported unsupported ->
              new Paragraph(
                  "This document is in a format Carelens cannot show (%s). Open it in the source system."
                      .formatted(unsupported.contentType()));
        };
    return new DocumentDialog(document, body, zone);
  }

  static DocumentDialog failed(DocumentEntry document, GatewayException e, ZoneId zone) {
    Div box =
        Notices.error(
            "document-error",
            "The document could not be opened.",
            e.detail(),
            "Reason code: " + e.code());
    return new DocumentDialog(document, new Div(box), zone);
  }
}
