package org.carelens.simulators.identity;

import java.util.List;
import java.util.Map;
import org.carelens.simulators.launcher.Persona;

/**
 * The provider's login page: one form per persona, each with a "Sign in" button whose accessible
 * name carries the persona id, posting the authorize request back with the chosen persona.
 */
final class LoginPage {

  private static final List<String> CARRIED =
      List.of(
          "response_type",
          "client_id",
          "redirect_uri",
          "scope",
          "state",
          "nonce",
          "code_challenge",
          "code_challenge_method");

  private LoginPage() {}

  static String render(List<Persona> personas, String redirectUri, Map<String, String> request) {
    StringBuilder hidden = new StringBuilder();
    for (String name : CARRIED) {
      hidden
          .append("<input type=\"hidden\" name=\"")
          .append(name)
          .append("\" value=\"")
          .append(escape(request.getOrDefault(name, "")))
          .append("\">");
    }
    StringBuilder rows = new StringBuilder();
    for (Persona persona : personas) {
      String role = NationalRbacRole.of(persona).map(r -> r.code()).orElse("no role");
      rows.append("<li><form method=\"post\" action=\"")
          .append(IdentityProviderSimulator.AUTHORIZE_PATH)
          .append("\">")
          .append(hidden)
          .append("<input type=\"hidden\" name=\"persona\" value=\"")
          .append(escape(persona.id()))
          .append("\"><span class=\"who\">")
          .append(escape(persona.displayName()))
          .append("</span> <span class=\"what\">")
          .append(escape(persona.jobTitle()))
          .append(", ")
          .append(escape(persona.organisation().name()))
          .append(" (")
          .append(escape(persona.organisation().odsCode()))
          .append("), RBAC ")
          .append(escape(role))
          .append("</span> <button type=\"submit\" aria-label=\"Sign in as ")
          .append(escape(persona.displayName()))
          .append(" (")
          .append(escape(persona.id()))
          .append(")\">Sign in</button></form></li>");
    }
    return page(
        "Sign in — simulated NHS Care Identity",
        "<h1>Simulated NHS Care Identity Service</h1>"
            + "<p>Choose who you are. A real CIS2 sign-in uses a smartcard, the app or a passkey;"
            + " this simulator signs in the synthetic personas only. You return to "
            + escape(redirectUri)
            + ".</p><ul class=\"personas\">"
            + rows
            + "</ul>");
  }

  static String error(String title, String detail) {
    return page(title, "<h1>" + escape(title) + "</h1><p>" + escape(detail) + "</p>");
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title><style>body{font-family:Arial,sans-serif;margin:2em;max-width:60em}"
        + "li{margin:.6em 0}.what{color:#425563}button{margin-left:1em;padding:.3em 1em}"
        + "</style></head><body><main>"
        + body
        + "</main></body></html>";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
