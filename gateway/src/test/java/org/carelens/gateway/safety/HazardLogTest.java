package org.carelens.gateway.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The hazard log is evidence for a clinical safety officer (DCB0129), so the build checks it: every
 * test it names exists, every entry is complete, every stated risk is the matrix's, and the safety
 * case's summary agrees with it. Tests run with the module directory as working directory.
 */
class HazardLogTest {

  static final Path REPOSITORY = Path.of("..");
  static final Path LOG = REPOSITORY.resolve("docs/safety/hazard-log.md");
  static final Path SAFETY_CASE = REPOSITORY.resolve("docs/safety/clinical-safety-case.md");

  private static final Pattern SUMMARY_ROW =
      Pattern.compile(
          "^\\|\\s*(H-\\d{2})\\s*\\|[^|]*\\|\\s*(\\d)\\b[^|]*\\|\\s*(\\d)\\b[^|]*\\|.*$");

  @Test
  void every_test_named_in_the_hazard_log_exists_and_every_entry_is_complete() throws IOException {
    HazardLog log = HazardLog.parse(Files.readString(LOG));
    HazardLogCheck check = new HazardLogCheck(new RepositoryTestSources(REPOSITORY));

    List<String> problems = check.problems(log);

    assertThat(problems)
        .withFailMessage(() -> "docs/safety/hazard-log.md:\n  " + String.join("\n  ", problems))
        .isEmpty();
    assertThat(log.references()).as("test references in the log").hasSizeGreaterThan(50);
  }

  @Test
  void the_log_covers_at_least_the_hazards_issue_9_asks_for() throws IOException {
    HazardLog log = HazardLog.parse(Files.readString(LOG));

    assertThat(log.hazards())
        .extracting(HazardLog.Hazard::title)
        .contains(
            "Wrong patient",
            "Record incomplete but shown as complete (source)",
            "Record incomplete but shown as complete (section within a source)",
            "Stale cached data shown as current",
            "Conflict hidden by the merge",
            "Dose change hidden",
            "Allergy state misreported",
            "Withheld data shown",
            "Sensitive data revealed by inference",
            "Deceased patient not flagged",
            "Demographic mismatch",
            "Date or time shown wrongly",
            "Break-glass misuse",
            "Audit lost");
  }

  @Test
  void the_safety_case_summarises_every_hazard_with_the_logs_risks() throws IOException {
    HazardLog log = HazardLog.parse(Files.readString(LOG));
    Map<String, int[]> summary = summary(Files.readString(SAFETY_CASE));

    List<String> disagreements =
        log.hazards().stream()
            .map(h -> disagreement(h, summary.get(h.id())))
            .flatMap(Optional::stream)
            .toList();

    assertThat(disagreements)
        .withFailMessage(
            () -> "docs/safety/clinical-safety-case.md:\n  " + String.join("\n  ", disagreements))
        .isEmpty();
    assertThat(summary.keySet())
        .as("hazards in the safety case's summary")
        .containsExactlyInAnyOrderElementsOf(
            log.hazards().stream().map(HazardLog.Hazard::id).toList());
  }

  @Test
  void test_classes_are_found_in_every_module_and_in_the_conformance_kit() {
    RepositoryTestSources sources = new RepositoryTestSources(REPOSITORY);

    assertThat(sources.apply("org.carelens.tck.AdapterConformanceTests")).isPresent();
    assertThat(sources.apply("org.carelens.portal.record.AllergyTitleTest")).isPresent();
    assertThat(sources.apply("org.carelens.gateway.merge.RecordMergerTest")).isPresent();
    assertThat(sources.apply("org.carelens.gateway.merge.RecordMerger"))
        .as("production classes are not evidence")
        .isEmpty();
  }

  private static Optional<String> disagreement(HazardLog.Hazard hazard, int[] row) {
    if (row == null) {
      return Optional.of(hazard.id() + " is missing from the summary table");
    }
    int initial =
        HazardLogCheck.statedRisk(hazard.fields().getOrDefault("Initial risk", "")).orElse(-1);
    int residual =
        HazardLogCheck.statedRisk(hazard.fields().getOrDefault("Residual risk", "")).orElse(-1);
    if (row[0] != initial || row[1] != residual) {
      return Optional.of(
          "%s is summarised as %d → %d but the log says %d → %d"
              .formatted(hazard.id(), row[0], row[1], initial, residual));
    }
    return Optional.empty();
  }

  private static Map<String, int[]> summary(String markdown) {
    Map<String, int[]> rows = new java.util.LinkedHashMap<>();
    for (String line : markdown.split("\\R")) {
      Matcher m = SUMMARY_ROW.matcher(line);
      if (m.matches()) {
        rows.put(
            m.group(1), new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
      }
    }
    return rows;
  }

  /** The check itself, on small logs written here, so it is seen to fail. */
  @Nested
  class TheCheck {

    static final Map<String, String> SOURCES =
        Map.of(
            "org.carelens.example.RealTest",
            """
            class RealTest {
              @Test
              void the_control_works() {}
            }
            """);

    final HazardLogCheck check = new HazardLogCheck(name -> Optional.ofNullable(SOURCES.get(name)));

    static String entry(String controls) {
      return """
          # Hazard log

          ## H-01 Wrong patient

          - Hazard: another person's record is shown
          - Cause: a crossed answer
          - Effect: decisions on the wrong record
          - Possible harm: wrong treatment
          - Initial risk: Major × Medium = 3
          - Residual risk: Major × Very low = 2

          """
          + controls;
    }

    @Test
    void a_log_whose_tests_exist_has_no_problems() {
      HazardLog log =
          HazardLog.parse(
              entry(
                  """
                  ### C-01.1 The answer is checked
                  - Status: implemented
                  - Tests: `org.carelens.example.RealTest#the_control_works`,
                    `org.carelens.example.RealTest`
                  """));

      List<String> problems = check.problems(log);

      assertThat(problems).isEmpty();
      assertThat(log.references()).hasSize(2);
    }

    @Test
    void every_missing_test_is_reported_in_one_list() {
      HazardLog log =
          HazardLog.parse(
              entry(
                  """
                  ### C-01.1 The answer is checked
                  - Status: implemented
                  - Tests: `org.carelens.example.RealTest#the_control_works`,
                    `org.carelens.example.RealTest#a_test_nobody_wrote`
                  - Tests: `org.carelens.example.GoneTest#anything`, `RealTest`
                  """));

      List<String> problems = check.problems(log);

      assertThat(problems)
          .containsExactly(
              "C-01.1: test org.carelens.example.RealTest#a_test_nobody_wrote does not exist in"
                  + " that class",
              "C-01.1: test class org.carelens.example.GoneTest does not exist",
              "C-01.1: 'RealTest' is not a fully qualified test name"
                  + " (org.carelens.….ClassName#methodName)");
    }

    @Test
    void a_hazard_without_controls_or_fields_is_reported() {
      HazardLog log =
          HazardLog.parse(
              """
              ## H-01 Wrong patient

              - Hazard: another person's record is shown

              ## H-02 Audit lost

              - Hazard: a view is not audited
              - Cause: the database is down
              - Effect: misuse goes unseen
              - Possible harm: repeated misuse
              - Initial risk: Considerable × Medium = 3
              - Residual risk: Considerable × Low = 2

              ### C-02.1 Audit before display
              - Status: implemented
              - Tests: `org.carelens.example.RealTest#the_control_works`
              """);

      List<String> problems = check.problems(log);

      assertThat(problems)
          .containsExactly(
              "H-01 has no 'Cause'",
              "H-01 has no 'Effect'",
              "H-01 has no 'Possible harm'",
              "H-01 has no 'Initial risk'",
              "H-01 has no 'Residual risk'",
              "H-01 has no control");
    }

    @Test
    void a_risk_the_matrix_does_not_give_is_reported() {
      HazardLog log =
          HazardLog.parse(
              entry(
                      """
                      ### C-01.1 The answer is checked
                      - Status: implemented
                      - Tests: `org.carelens.example.RealTest#the_control_works`
                      """)
                  .replace("Major × Very low = 2", "Major × Very low = 1"));

      List<String> problems = check.problems(log);

      assertThat(problems)
          .containsExactly("H-01 'Residual risk' says 1 but the matrix gives Major × Very low = 2");
    }

    @Test
    void an_implemented_control_needs_a_test_and_an_unknown_status_is_refused() {
      HazardLog log =
          HazardLog.parse(
              entry(
                  """
                  ### C-01.1 The answer is checked
                  - Status: implemented

                  ### C-01.2 Differences are kept
                  - Status: in progress — issue 9

                  ### C-01.3 Somebody checks
                  - Status: probably fine
                  - Tests: `org.carelens.example.RealTest#the_control_works`
                  """));

      List<String> problems = check.problems(log);

      assertThat(problems)
          .containsExactly(
              "C-01.1 is 'implemented' but names no test that proves it",
              "C-01.3 has status 'probably fine'; expected one of: implemented, implemented,"
                  + " untested, in progress — issue N, open action, deployment (DCB0160)");
    }

    @Test
    void a_log_that_names_no_test_is_refused_so_the_check_cannot_pass_vacuously() {
      HazardLog log =
          HazardLog.parse(
              entry(
                  """
                  ### C-01.1 Differences are kept
                  - Status: in progress — issue 9
                  """));

      List<String> problems = check.problems(log);

      assertThat(problems).containsExactly("The log names no test at all, so it proves nothing");
    }
  }
}
