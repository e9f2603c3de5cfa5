package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.carelens.portal.gateway.DocumentContent;
import org.junit.jupiter.api.Test;

class DocumentRenderingTest {

  private static DocumentRendering render(String type, String body) {
    return DocumentRendering.of(new DocumentContent(type, body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void plain_text_is_shown_preformatted_as_it_came() {
    assertThat(render("text/plain; charset=utf-8", "Seen in clinic.\n<b>not markup</b>"))
        .isEqualTo(new DocumentRendering.Preformatted("Seen in clinic.\n<b>not markup</b>"));
  }

  @Test
  void source_html_loses_scripts_handlers_links_styles_and_images_but_keeps_its_structure() {
    String hostile =
        """
        <html><head><title>Discharge summary</title><style>body{display:none}</style>
        <script>alert('head')</script></head>
        <body onload="steal()"><h1 style="color:red">Discharge summary</h1>
        <p>Admitted <b>09-Aug-2026</b><script>alert(1)</script></p>
        <img src="x" onerror="steal()"><a href="javascript:steal()">click</a>
        <iframe src="https://evil.example"></iframe><ul><li onclick="x()">Amlodipine</li></ul>
        </body></html>""";

    DocumentRendering rendering = render("text/html", hostile);

    assertThat(rendering).isInstanceOf(DocumentRendering.SafeHtml.class);
    String html = ((DocumentRendering.SafeHtml) rendering).html();
    assertThat(html)
        .startsWith("<div>")
        .contains("<h1>Discharge summary</h1>")
        .contains("<p>Admitted <b>09-Aug-2026</b></p>")
        .contains("<li>Amlodipine</li>")
        .contains("click")
        .doesNotContain("script", "alert", "style", "onload", "onerror", "onclick", "href")
        .doesNotContain("<img", "<a ", "iframe", "evil", "<title>", "display:none");
  }

  @Test
  void a_format_the_portal_cannot_show_is_named() {
    assertThat(render("application/pdf", "%PDF-1.7"))
        .isEqualTo(new DocumentRendering.Unsupported("application/pdf"));
  }

  @Test
  void the_declared_charset_is_honoured() {
    DocumentContent latin1 =
        new DocumentContent(
            "text/plain; charset=ISO-8859-1", "Café".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(DocumentRendering.of(latin1)).isEqualTo(new DocumentRendering.Preformatted("Café"));
  }
}
