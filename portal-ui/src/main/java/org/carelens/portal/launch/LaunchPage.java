package org.carelens.portal.launch;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Plain, accessible HTML pages for launch outcomes that never reach the Vaadin UI: a real {@code
 * h1}, the reason in words, a page language, and no script.
 */
public final class LaunchPage {

  private LaunchPage() {}

  public static void send(HttpServletResponse response, int status, String heading, String detail)
      throws IOException {
    write(response, status, heading, detail, "");
  }

  public static void send(
      HttpServletResponse response, int status, String heading, String detail, String code)
      throws IOException {
    write(
        response, status, heading, detail, "<p>Reason code: <code>" + escape(code) + "</code></p>");
  }

  private static void write(
      HttpServletResponse response, int status, String heading, String detail, String extra)
      throws IOException {
    String html =
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%1$s — Carelens</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2rem;max-width:40rem;color:#1a1a1a;background:#fff;line-height:1.5}
        h1{color:#8b0000}
        </style>
        </head>
        <body>
        <main>
        <h1>%1$s</h1>
        <p>%2$s</p>
        %3$s
        <p>Close this window and launch Carelens again from your clinical system.</p>
        </main>
        </body>
        </html>
        """
            .formatted(escape(heading), escape(detail), extra);
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("text/html;charset=utf-8");
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
