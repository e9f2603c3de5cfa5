package org.carelens.portal.record;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import org.carelens.portal.gateway.DocumentContent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * How a source document is shown. Plain text is shown preformatted. HTML from a source is never
 * injected as it came: it is cleaned to a strict allow-list of structural tags with no attributes
 * at all (no links, styles, images, scripts or event handlers), so a hostile or broken document can
 * neither run code nor reach out of the page (OWASP XSS prevention, rule 6: sanitise HTML with a
 * library built for it).
 */
public sealed interface DocumentRendering {

  /** Text shown as it came, preformatted. */
  record Preformatted(String text) implements DocumentRendering {}

  /** An HTML fragment that has passed the allow-list; safe to put in the page. */
  record SafeHtml(String html) implements DocumentRendering {}

  /** A format the portal cannot show, named so the clinician knows what it was. */
  record Unsupported(String contentType) implements DocumentRendering {}

  /** Tags a discharge summary or clinic letter needs for its structure, and nothing else. */
  Safelist ALLOWED =
      new Safelist()
          .addTags(
              "p",
              "br",
              "div",
              "span",
              "section",
              "article",
              "header",
              "footer",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "b",
              "strong",
              "i",
              "em",
              "u",
              "small",
              "sub",
              "sup",
              "ul",
              "ol",
              "li",
              "dl",
              "dt",
              "dd",
              "table",
              "caption",
              "thead",
              "tbody",
              "tfoot",
              "tr",
              "th",
              "td",
              "hr",
              "pre",
              "blockquote");

  static DocumentRendering of(DocumentContent content) {
    String type = content.contentType().toLowerCase(Locale.ROOT);
    String mediaType = type.split(";", 2)[0].strip();
    String text = new String(content.bytes(), charset(type));
    return switch (mediaType) {
      case "text/plain" -> new Preformatted(text);
      case "text/html", "application/xhtml+xml" -> new SafeHtml(clean(text));
      default -> new Unsupported(mediaType);
    };
  }

  /** The allow-listed fragment, wrapped in one {@code div} (Vaadin's Html needs one root). */
  static String clean(String html) {
    // Parse as a whole document so head content (title, style, script) is dropped with the head;
    // the cleaner then keeps only allow-listed body elements, without any attribute.
    Document cleaned = new Cleaner(ALLOWED).clean(Jsoup.parse(html));
    cleaned.outputSettings().prettyPrint(false);
    return "<div>" + cleaned.body().html() + "</div>";
  }

  private static Charset charset(String contentType) {
    int at = contentType.indexOf("charset=");
    if (at < 0) {
      return StandardCharsets.UTF_8;
    }
    String name = contentType.substring(at + "charset=".length()).split(";", 2)[0].strip();
    name = name.replace("\"", "");
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
