package org.carelens.simulators.launcher;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.carelens.simulators.population.SyntheticPatient;

/**
 * The launcher's HTML: each launching system's case list (with a switch between the systems) and
 * the hand-over page. Plain, server-rendered and usable without JavaScript; labels follow the NHS
 * Common User Interface (dates {@code 12-Mar-1950}, NHS numbers {@code 999 000 0018}).
 */
final class Pages {

  private Pages() {}

  /** E.g. {@code Carelens Out-of-Hours — case list}. */
  static String title(LaunchingSystem system) {
    return system.name() + " — case list";
  }

  private static final DateTimeFormatter CUI_DATE =
      DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.UK);

  /** A patient waiting in the out-of-hours queue. */
  record Case(SyntheticPatient patient, String presentingComplaint) {}

  private static final List<String> COMPLAINTS =
      List.of(
          "Dizzy with swollen ankles since yesterday",
          "Fever and cough for three days",
          "Fall at home, painful left wrist",
          "Chest tightness on exertion",
          "New rash after starting an antibiotic",
          "Confusion reported by carer",
          "Shortness of breath, worse at night",
          "Request for repeat medication while away from home");

  static List<Case> cases(List<SyntheticPatient> patients) {
    int count = Math.min(COMPLAINTS.size(), patients.size());
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> new Case(patients.get(i), COMPLAINTS.get(i)))
        .toList();
  }

  /** How many patients the case list shows for each scenario tag. */
  static final int PER_SCENARIO = 3;

  /** The first few patients carrying each scenario tag, tags in order of first appearance. */
  static java.util.Map<String, List<SyntheticPatient>> byScenario(
      List<SyntheticPatient> patients,
      java.util.function.Function<SyntheticPatient, List<String>> scenarios) {
    java.util.Map<String, List<SyntheticPatient>> found = new java.util.LinkedHashMap<>();
    for (SyntheticPatient patient : patients.subList(1, patients.size())) {
      for (String tag : scenarios.apply(patient)) {
        List<SyntheticPatient> list = found.computeIfAbsent(tag, t -> new java.util.ArrayList<>());
        if (list.size() < PER_SCENARIO) {
          list.add(patient);
        }
      }
    }
    return found;
  }

  /**
   * The case list of {@code system} (whose tokens name {@code issuer}), with its users' launch
   * buttons, and links to the other {@code systems}.
   */
  static String caseList(
      LaunchingSystem system,
      String issuer,
      List<LaunchingSystem> systems,
      List<Case> cases,
      java.util.function.Function<SyntheticPatient, List<String>> scenarios,
      java.util.Map<String, List<SyntheticPatient>> byScenario) {
    List<Persona> personas = system.personas();
    StringBuilder html = new StringBuilder();
    html.append(head(title(system)))
        .append("<header><p class=\"service\">")
        .append(escape(system.name()))
        .append(" (simulated clinical system)</p>")
        .append("<h1>Case list</h1></header>\n")
        .append(systemSwitch(system, systems))
        .append("<main>\n")
        .append("<p>Open a patient's shared care record in Carelens, launched in context as one")
        .append(" of the simulated users of this system. It signs its launch tokens with its own")
        .append(" key, as issuer <code>")
        .append(escape(issuer))
        .append("</code>.</p>\n<ol class=\"cases\">\n");
    int number = 0;
    for (Case c : cases) {
      number++;
      SyntheticPatient p = c.patient();
      String headingId = "case-" + number;
      html.append("<li><article aria-labelledby=\"")
          .append(headingId)
          .append("\">\n")
          .append("<h2 id=\"")
          .append(headingId)
          .append("\">")
          .append(escape(p.displayName()))
          .append("</h2>\n<dl>")
          .append("<dt>NHS No.</dt><dd>")
          .append(p.nhsNumber().formatted())
          .append("</dd>")
          .append("<dt>Born</dt><dd>")
          .append(CUI_DATE.format(p.birthDate()))
          .append("</dd>")
          .append("<dt>Presenting complaint</dt><dd>")
          .append(escape(c.presentingComplaint()))
          .append("</dd>")
          .append(scenarioTerm(scenarios.apply(p)))
          .append("</dl>\n")
          .append("<div class=\"actions\">\n");
      for (Persona persona : personas) {
        html.append("<form method=\"post\" action=\"/launch\">")
            .append(hidden("system", system.id()))
            .append(hidden("persona", persona.id()))
            .append(hidden("nhsNumber", p.nhsNumber().value()))
            .append("<button type=\"submit\" data-persona=\"")
            .append(escape(persona.id()))
            .append("\" data-nhs-number=\"")
            .append(p.nhsNumber().value())
            .append("\">")
            .append("Open shared record as ")
            .append(escape(persona.displayName()))
            .append(" (")
            .append(escape(persona.id()))
            .append(")</button></form>\n");
      }
      html.append("</div></article></li>\n");
    }
    html.append("</ol>\n");
    if (!byScenario.isEmpty()) {
      html.append("<h2 id=\"scenarios\">Patients by scenario</h2>\n<table class=\"scenarios\">")
          .append("<thead><tr><th scope=\"col\">Scenario</th><th scope=\"col\">Patient</th>")
          .append("<th scope=\"col\">NHS No.</th><th scope=\"col\">All scenarios</th>")
          .append("<th scope=\"col\">Open</th></tr></thead>\n<tbody>\n");
      byScenario.forEach(
          (tag, patients) -> {
            for (SyntheticPatient p : patients) {
              // Data attributes so tests (and scripts) can find a patient for a scenario.
              html.append("<tr data-scenario=\"")
                  .append(escape(tag))
                  .append("\" data-nhs-number=\"")
                  .append(p.nhsNumber().value())
                  .append("\"><td>")
                  .append(escape(tag))
                  .append("</td><td>")
                  .append(escape(p.displayName()))
                  .append("</td><td>")
                  .append(p.nhsNumber().formatted())
                  .append("</td><td>")
                  .append(escape(String.join(", ", scenarios.apply(p))))
                  .append("</td><td>");
              Persona persona = personas.getFirst();
              html.append("<form method=\"post\" action=\"/launch\">")
                  .append(hidden("system", system.id()))
                  .append(hidden("persona", persona.id()))
                  .append(hidden("nhsNumber", p.nhsNumber().value()))
                  .append("<button type=\"submit\">Open as ")
                  .append(escape(persona.id()))
                  .append("</button></form></td></tr>\n");
            }
          });
      html.append("</tbody></table>\n");
    }
    return html.append("</main>\n</body>\n</html>\n").toString();
  }

  /** Links to each system's case list; the one shown is marked current. */
  private static String systemSwitch(LaunchingSystem current, List<LaunchingSystem> systems) {
    StringBuilder nav =
        new StringBuilder("<nav aria-label=\"Launching system\" class=\"systems\">")
            .append("<span>Launch from:</span><ul>");
    for (LaunchingSystem system : systems) {
      nav.append("<li><a href=\"/?system=")
          .append(escape(system.id()))
          .append("\" data-system=\"")
          .append(escape(system.id()))
          .append("\"")
          .append(system.equals(current) ? " aria-current=\"page\"" : "")
          .append(">")
          .append(escape(system.name()))
          .append("</a></li>");
    }
    return nav.append("</ul></nav>\n").toString();
  }

  private static String scenarioTerm(List<String> tags) {
    return tags.isEmpty()
        ? ""
        : "<dt>Scenarios</dt><dd class=\"scenario-tags\">"
            + escape(String.join(", ", tags))
            + "</dd>";
  }

  static String handOver(
      String portalLaunchUrl, String token, SyntheticPatient patient, Persona persona) {
    return head("Opening Carelens")
        + "<main>\n<h1>Opening the shared care record</h1>\n<p>Handing over to Carelens for "
        + escape(patient.displayName())
        + ", as "
        + escape(persona.displayName())
        + ".</p>\n<form id=\"launch\" method=\"post\" action=\""
        + escape(portalLaunchUrl)
        + "\">"
        + hidden("token", token)
        + "<button type=\"submit\">Continue to Carelens</button></form>\n"
        // Submits at once when scripts run; the button is there for when they do not.
        + "<script>document.getElementById('launch').submit();</script>\n"
        + "</main>\n</body>\n</html>\n";
  }

  static String error(String title, String detail) {
    return head(title)
        + "<main>\n<h1>"
        + escape(title)
        + "</h1>\n<p>"
        + escape(detail)
        + "</p>\n<p><a href=\"/\">Back to the case list</a></p>\n</main>\n</body>\n</html>\n";
  }

  private static String head(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + escape(title)
        + "</title>\n<style>"
        + "body{font-family:Arial,sans-serif;margin:0;color:#212b32;background:#f0f4f5}"
        + "header{background:#005eb8;color:#fff;padding:0.5rem 1rem}header h1{margin:0.25rem 0}"
        + "main{padding:1rem;max-width:60rem}.cases{list-style:none;padding:0}"
        + "article{background:#fff;border:1px solid #d8dde0;margin:0 0 1rem;padding:0.5rem 1rem}"
        + "dl{display:grid;grid-template-columns:max-content 1fr;gap:0.25rem 1rem}dt{font-weight:bold}"
        + "table{border-collapse:collapse;background:#fff}th,td{border:1px solid #d8dde0;padding:0.25rem 0.5rem;text-align:left}"
        + "dd{margin:0}.actions{display:flex;flex-wrap:wrap;gap:0.5rem}form{margin:0}"
        + ".systems{display:flex;gap:0.75rem;align-items:center;padding:0.5rem 1rem;"
        + "background:#e8edee}.systems ul{display:flex;gap:0.75rem;list-style:none;margin:0;"
        + "padding:0}.systems a{color:#005eb8}.systems a[aria-current]{font-weight:bold;"
        + "color:#212b32;text-decoration:none}"
        + "button{font-size:1rem;padding:0.5rem 0.75rem;background:#007f3b;color:#fff;border:0;"
        + "border-radius:4px;cursor:pointer}button:focus{outline:4px solid #ffeb3b;"
        + "outline-offset:0}"
        + "</style>\n</head>\n<body>\n";
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
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
