package org.carelens.gateway.safety;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carelens.gateway.safety.HazardLog.Control;
import org.carelens.gateway.safety.HazardLog.Hazard;

/**
 * What is wrong with a hazard log, as sentences: one per problem, so a single failure lists them
 * all. The log is evidence for a clinical safety officer; a control that names a test which does
 * not exist, or an entry without its risk, would be evidence of nothing.
 */
final class HazardLogCheck {

  /** A control's status, as the log's legend defines them. */
  static final Pattern STATUS =
      Pattern.compile(
          "implemented|implemented, untested|in progress [—-] issue \\d+|open action"
              + "|deployment \\(DCB0160\\)");

  private static final Pattern REFERENCE =
      Pattern.compile(
          "(org\\.carelens(?:\\.[a-z][a-z0-9_]*)+)\\.([A-Z][A-Za-z0-9_]*)(?:#([A-Za-z_][A-Za-z0-9_]*))?");
  private static final Pattern RISK =
      Pattern.compile("([A-Za-z]+)\\s*[×x]\\s*([A-Za-z ]+?)\\s*=\\s*(\\d)\\b.*");

  private final Function<String, Optional<String>> testSource;

  /**
   * @param testSource the source text of a test class by fully qualified name, if it exists
   */
  HazardLogCheck(Function<String, Optional<String>> testSource) {
    this.testSource = testSource;
  }

  List<String> problems(HazardLog log) {
    List<String> problems = new ArrayList<>();
    if (log.hazards().isEmpty()) {
      problems.add("The log holds no hazard entries (headings '## H-nn Title')");
    }
    if (log.references().isEmpty()) {
      problems.add("The log names no test at all, so it proves nothing");
    }
    Set<String> ids = new HashSet<>();
    Set<String> controlIds = new HashSet<>();
    for (Hazard hazard : log.hazards()) {
      if (!ids.add(hazard.id())) {
        problems.add(hazard.id() + " is used for more than one hazard");
      }
      checkFields(hazard, problems);
      if (hazard.controls().isEmpty()) {
        problems.add(hazard.id() + " has no control");
      }
      for (Control control : hazard.controls()) {
        if (!controlIds.add(control.id())) {
          problems.add(control.id() + " is used for more than one control");
        }
        checkControl(hazard, control, problems);
      }
    }
    return List.copyOf(problems);
  }

  /** The risk stated on a line such as {@code Major × Low = 3}, if it reads as one. */
  static Optional<Integer> statedRisk(String value) {
    Matcher m = RISK.matcher(value.strip());
    return m.matches() ? Optional.of(Integer.parseInt(m.group(3))) : Optional.empty();
  }

  private static void checkFields(Hazard hazard, List<String> problems) {
    for (String field : HazardLog.REQUIRED_FIELDS) {
      String value = hazard.fields().get(field);
      if (value == null || value.isBlank()) {
        problems.add(hazard.id() + " has no '" + field + "'");
      }
    }
    Optional<Integer> initial = risk(hazard, "Initial risk", problems);
    Optional<Integer> residual = risk(hazard, "Residual risk", problems);
    if (initial.isPresent() && residual.isPresent() && residual.get() > initial.get()) {
      problems.add(
          hazard.id()
              + " has a residual risk ("
              + residual.get()
              + ") above its initial risk ("
              + initial.get()
              + ")");
    }
  }

  private static Optional<Integer> risk(Hazard hazard, String field, List<String> problems) {
    String value = hazard.fields().get(field);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Matcher m = RISK.matcher(value.strip());
    if (!m.matches()) {
      problems.add(
          hazard.id()
              + " '"
              + field
              + "' must read 'Severity × Likelihood = n', was '"
              + value
              + "'");
      return Optional.empty();
    }
    Optional<RiskMatrix.Severity> severity = RiskMatrix.Severity.of(m.group(1));
    Optional<RiskMatrix.Likelihood> likelihood = RiskMatrix.Likelihood.of(m.group(2));
    if (severity.isEmpty() || likelihood.isEmpty()) {
      problems.add(
          hazard.id()
              + " '"
              + field
              + "' uses a severity or likelihood outside the DCB0129 scales: '"
              + value
              + "'");
      return Optional.empty();
    }
    int stated = Integer.parseInt(m.group(3));
    int expected = RiskMatrix.risk(severity.get(), likelihood.get());
    if (stated != expected) {
      problems.add(
          hazard.id()
              + " '"
              + field
              + "' says "
              + stated
              + " but the matrix gives "
              + severity.get().label
              + " × "
              + likelihood.get().label
              + " = "
              + expected);
    }
    return Optional.of(expected);
  }

  private void checkControl(Hazard hazard, Control control, List<String> problems) {
    if (!control.id().startsWith(hazard.id().replace("H-", "C-") + ".")) {
      problems.add(control.id() + " is listed under " + hazard.id() + "; number it under it");
    }
    String status = control.status();
    if (status == null || !STATUS.matcher(status).matches()) {
      problems.add(
          control.id()
              + " has status '"
              + status
              + "'; expected one of: implemented, implemented, untested, in progress — issue N,"
              + " open action, deployment (DCB0160)");
    } else if (status.equals("implemented") && control.references().isEmpty()) {
      problems.add(control.id() + " is 'implemented' but names no test that proves it");
    }
    for (String reference : control.references()) {
      checkReference(control, reference).ifPresent(problems::add);
    }
  }

  private Optional<String> checkReference(Control control, String reference) {
    Matcher m = REFERENCE.matcher(reference);
    if (!m.matches()) {
      return Optional.of(
          control.id()
              + ": '"
              + reference
              + "' is not a fully qualified test name (org.carelens.….ClassName#methodName)");
    }
    String className = m.group(1) + "." + m.group(2);
    String method = m.group(3);
    Optional<String> source = testSource.apply(className);
    if (source.isEmpty()) {
      return Optional.of(control.id() + ": test class " + className + " does not exist");
    }
    if (method != null
        && !Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(")
            .matcher(source.get())
            .find()) {
      return Optional.of(
          control.id() + ": test " + className + "#" + method + " does not exist in that class");
    }
    return Optional.empty();
  }
}
