package org.carelens.gateway.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The hazard log as parsed from its Markdown. The format (described at the top of the log itself):
 *
 * <pre>
 * ## H-01 Title
 * - Hazard: ...            (also Cause, Effect, Possible harm, Initial risk, Residual risk)
 * ### C-01.1 Control title
 * - Status: implemented
 * - Tests: `org.carelens.x.YTest#method`, `org.carelens.x.ZTest`
 * </pre>
 *
 * A line indented by two spaces continues the field or test list above it. Parsing never fails:
 * what is missing or malformed is reported by {@link HazardLogCheck}.
 */
record HazardLog(List<Hazard> hazards) {

  static final List<String> REQUIRED_FIELDS =
      List.of("Hazard", "Cause", "Effect", "Possible harm", "Initial risk", "Residual risk");

  private static final Pattern HAZARD = Pattern.compile("^## (H-\\d{2})\\s+(.*)$");
  private static final Pattern CONTROL = Pattern.compile("^### (C-\\d{2}\\.\\d+)\\s+(.*)$");
  private static final Pattern ITEM = Pattern.compile("^- ([A-Z][a-z ]+):\\s*(.*)$");
  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

  record Hazard(String id, String title, Map<String, String> fields, List<Control> controls) {}

  /**
   * @param references every back-ticked name on the control's {@code Tests:} lines, as written
   */
  record Control(String id, String title, @Nullable String status, List<String> references) {}

  /** Every test reference in the log, in order. */
  List<String> references() {
    return hazards.stream()
        .flatMap(h -> h.controls().stream())
        .flatMap(c -> c.references().stream())
        .toList();
  }

  static HazardLog parse(String markdown) {
    List<Hazard> hazards = new ArrayList<>();
    HazardBuilder hazard = null;
    ControlBuilder control = null;
    String continuing = null;
    for (String line : markdown.split("\\R")) {
      Matcher m;
      if ((m = HAZARD.matcher(line)).matches()) {
        add(hazards, hazard, control);
        hazard = new HazardBuilder(m.group(1), m.group(2).strip());
        control = null;
        continuing = null;
      } else if (line.startsWith("## ") || line.startsWith("# ")) {
        add(hazards, hazard, control);
        hazard = null;
        control = null;
        continuing = null;
      } else if (hazard != null && (m = CONTROL.matcher(line)).matches()) {
        hazard.close(control);
        control = new ControlBuilder(m.group(1), m.group(2).strip());
        continuing = null;
      } else if (hazard != null && (m = ITEM.matcher(line)).matches()) {
        continuing = m.group(1);
        append(hazard, control, continuing, m.group(2));
      } else if (hazard != null && continuing != null && line.startsWith("  ") && !line.isBlank()) {
        append(hazard, control, continuing, line.strip());
      } else {
        continuing = null;
      }
    }
    add(hazards, hazard, control);
    return new HazardLog(List.copyOf(hazards));
  }

  private static void append(
      HazardBuilder hazard, @Nullable ControlBuilder control, String key, String value) {
    if (control == null) {
      hazard.fields.merge(key, value.strip(), (a, b) -> (a + " " + b).strip());
    } else if (key.equals("Status")) {
      control.status =
          control.status == null ? value.strip() : control.status + " " + value.strip();
    } else if (key.equals("Tests")) {
      Matcher refs = BACKTICKED.matcher(value);
      while (refs.find()) {
        control.references.add(refs.group(1).strip());
      }
    }
  }

  private static void add(
      List<Hazard> hazards, @Nullable HazardBuilder hazard, @Nullable ControlBuilder control) {
    if (hazard != null) {
      hazard.close(control);
      hazards.add(
          new Hazard(
              hazard.id, hazard.title, Map.copyOf(hazard.fields), List.copyOf(hazard.controls)));
    }
  }

  Optional<Hazard> hazard(String id) {
    return hazards.stream().filter(h -> h.id().equals(id)).findFirst();
  }

  private static final class HazardBuilder {
    final String id;
    final String title;
    final Map<String, String> fields = new LinkedHashMap<>();
    final List<Control> controls = new ArrayList<>();

    HazardBuilder(String id, String title) {
      this.id = id;
      this.title = title;
    }

    void close(@Nullable ControlBuilder control) {
      if (control != null) {
        controls.add(
            new Control(
                control.id, control.title, control.status, List.copyOf(control.references)));
      }
    }
  }

  private static final class ControlBuilder {
    final String id;
    final String title;
    @Nullable String status;
    final List<String> references = new ArrayList<>();

    ControlBuilder(String id, String title) {
      this.id = id;
      this.title = title;
    }
  }
}
