package org.carelens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.carelens.simulators.pharmacy.DispensingRecords;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.Prescription;
import org.carelens.simulators.population.SyntheticPatient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 13's journeys, each role's landing and its key task in a real headless Chromium: the
 * doctor's summary on one 1366 × 768 screen, the pharmacist's reconciliation, results trends, the
 * encounter timeline, the IG officer's policy preview, a keyboard-only journey, and a slow and a
 * down source. axe-core checks every page for serious and critical violations. Screenshots of the
 * main views go to {@code target/screenshots}, and to {@code docs/screenshots} when run with {@code
 * -Dcarelens.screenshots.docs=true}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoleViewsJourneyIT {

  static final String SHOWCASE = "9990000018";
  static final By COMPLETE_SUMMARY = By.cssSelector("#summary[data-state='complete']");

  static CarelensProcesses carelens;
  static WebDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    carelens = CarelensProcesses.started();
    browser = Chromium.start();
    wait = Chromium.waitFor(browser);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (carelens != null) {
      carelens.close();
    }
  }

  @Test
  @Order(1)
  void a_doctor_sees_the_care_plan_and_allergies_on_a_summary_that_fits_one_1366_by_768_screen()
      throws Exception {
    viewport(1366, 768);
    try {
      launchAs("ooh-doctor", SHOWCASE);
      wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_SUMMARY));
      assertThat(
              ((JavascriptExecutor) browser)
                  .executeScript("return [window.innerWidth, window.innerHeight]"))
          .asString()
          .isEqualTo("[1366, 768]");

      assertThat(text("tile-care-plans")).contains("ReSPECT").contains("Safeguarding");
      assertThat(text("tile-allergies")).contains("Allergy to penicillin");
      assertThat(text("tile-medications"))
          .contains("Amlodipine 5mg tablets — One tablet once a day");
      // The trust recorded her admission at 23:50 and discharge at 11:30 (UK time): the doctor
      // sees both times, not just the days.
      assertThat(text("tile-admission"))
          .containsPattern("Admitted \\d{2}-[A-Z][a-z]{2}-\\d{4} 23:50 — ")
          .containsPattern("Discharged \\d{2}-[A-Z][a-z]{2}-\\d{4} 11:30");
      assertThat(text("tile-demographics"))
          .contains("Address: ")
          .contains("Registered GP: ")
          // The spine's emergency contact (PDS Patient.contact), not a guess from the care team.
          .contains("Emergency contact: 0113 496 0921");
      // Above the fold: the whole summary, not just its first tiles, ends within the screen.
      assertThat(bottomOf("tile-care-plans")).isLessThanOrEqualTo(768);
      assertThat(bottomOf("tile-allergies")).isLessThanOrEqualTo(768);
      assertThat(bottomOf("summary-tiles")).isLessThanOrEqualTo(768);
      // Her mental health record needs her permission: every tile says it may be incomplete, in
      // words, never by colour alone.
      assertThat(attribute("tile-allergies", "data-incomplete")).isEqualTo("true");
      assertThat(text("tile-allergies-incomplete")).contains("May be incomplete");
      screenshot("summary-doctor.png");
      Axe.assertNoSeriousViolations(browser, "the doctor's summary and record");

      // The banner expands to address, phone and GP.
      browser.findElement(By.cssSelector("#banner-more summary")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("banner-address")));
      assertThat(text("banner-gp")).contains("A81001");
      assertThat(text("banner-contact-0")).contains("Emergency contact").contains("0113 496 0921");
    } finally {
      viewport(1400, 1000);
    }
  }

  @Test
  @Order(2)
  void a_pharmacist_sees_a_dose_difference_in_reconciliation_each_dose_beside_its_source()
      throws Exception {
    browser.get(carelens.launcherUrl() + "/");
    String nhs =
        browser
            .findElement(By.cssSelector("tr[data-scenario='dose-change']"))
            .getAttribute("data-nhs-number");
    SyntheticPatient patient =
        Population.generate(42, 2000, LocalDate.now()).find(nhs).orElseThrow();
    Prescription repeat = patient.medicationAlsoOnDischarge().orElseThrow();
    String dischargeDose = patient.dischargeDose().orElseThrow();

    launchAs("pharmacist", nhs);
    wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_SUMMARY));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("reconciliation-table"), "(differs)"));

    WebElement row =
        browser.findElements(By.cssSelector("#reconciliation-table tbody tr")).stream()
            .filter(r -> r.getText().contains(repeat.medicine().display()))
            .findFirst()
            .orElseThrow();
    assertThat(row.getAttribute("data-conflict")).isEqualTo("true");
    assertThat(row.findElement(By.cssSelector("td[data-source='gp']")).getText())
        .contains("≠ Dose: " + repeat.dosageText() + " (differs)");
    assertThat(row.findElement(By.cssSelector("td[data-source='acute']")).getText())
        .contains("≠ Dose: " + dischargeDose + " (differs)");
    assertThat(text("reconciliation-allergies")).isNotBlank();
    scrollTo("reconciliation");
    screenshot("reconciliation-pharmacist.png");
    Axe.assertNoSeriousViolations(browser, "the pharmacist's reconciliation");

    // The filters: "All" lists at least as many medicines as the default window.
    int recent = browser.findElements(By.cssSelector("#reconciliation-table tbody tr")).size();
    clickRadio("reconciliation-filter", "All");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("reconciliation-count"), "(all)"));
    assertThat(browser.findElements(By.cssSelector("#reconciliation-table tbody tr")).size())
        .isGreaterThanOrEqualTo(recent);
  }

  @Test
  @Order(2)
  void a_pharmacist_reads_the_gps_type_and_last_issue_and_the_pharmacys_last_dispensing()
      throws Exception {
    Population population = Population.generate(42, Population.DEFAULT_SIZE, LocalDate.now());
    SyntheticPatient showcase = population.showcase();
    Prescription amlodipine =
        showcase.prescriptions().stream()
            .filter(p -> p.medicine().display().startsWith("Amlodipine"))
            .findFirst()
            .orElseThrow();
    LocalDate lastDispensed =
        DispensingRecords.dispensed(population, showcase).stream()
            .filter(d -> d.dmdCode().equals(amlodipine.medicine().code()))
            .map(DispensingRecords.Dispensed::dispensedOn)
            .max(LocalDate::compareTo)
            .orElseThrow();

    launchAs("pharmacist", SHOWCASE);
    wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_SUMMARY));

    WebElement row =
        browser.findElements(By.cssSelector("#reconciliation-table tbody tr")).stream()
            .filter(r -> r.getText().contains(amlodipine.medicine().display()))
            .findFirst()
            .orElseThrow();
    // Each column holds its own source's values: the GP's type and last issue, the pharmacy's
    // last dispensing (a few days after the issue), the hospital's discharge dose.
    assertThat(row.findElement(By.cssSelector("td[data-source='gp']")).getText())
        .contains("Type: " + amlodipine.type().display())
        .contains("Dose: " + amlodipine.dosageText())
        .contains("Last issued: " + cui(amlodipine.lastIssueDate().orElseThrow()));
    assertThat(row.findElement(By.cssSelector("td[data-source='pharmacy']")).getText())
        .contains("Last dispensed: " + cui(lastDispensed))
        .contains("Quantity: " + amlodipine.quantity() + " " + amlodipine.quantityUnit());
    assertThat(row.findElement(By.cssSelector("td[data-source='acute']")).getText())
        .contains("Started: ")
        .contains("Dose: " + amlodipine.dosageText());
  }

  @Test
  @Order(3)
  void results_show_a_trend_chart_with_its_reference_band_and_a_table_alternative()
      throws Exception {
    launchAs("pharmacist", SHOWCASE);
    wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_SUMMARY));

    List<WebElement> charts = browser.findElements(By.cssSelector("#trends svg[role='img']"));
    assertThat(charts).isNotEmpty();
    WebElement chart = charts.getFirst();
    assertThat(chart.getAttribute("aria-label")).contains(" trend").contains(" on ");
    assertThat(chart.findElements(By.cssSelector("rect.range"))).isNotEmpty();
    // The table alternative: the values behind the chart, one click away, and the full results
    // table beneath.
    WebElement details =
        chart.findElement(By.xpath("ancestor::tr")).findElement(By.cssSelector("details"));
    details.findElement(By.tagName("summary")).click();
    assertThat(details.findElement(By.tagName("table")).getText()).contains("Date", "Value");
    assertThat(browser.findElements(By.id("results-grid"))).hasSize(1);
    // The pharmacist's renal and liver function, with trends, beneath reconciliation.
    assertThat(text("reconciliation-renal")).contains("Creatinine");
    scrollTo("trends");
    screenshot("results-trends.png");
    Axe.assertNoSeriousViolations(browser, "results by test");
  }

  @Test
  @Order(4)
  void the_encounter_timeline_filters_by_type() throws Exception {
    launchAs("ooh-doctor", SHOWCASE);
    wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_SUMMARY));
    // "Show all dates" is offered only when the 24-month window leaves contacts out.
    List<WebElement> showAll = browser.findElements(By.id("timeline-show-all"));
    if (!showAll.isEmpty() && showAll.getFirst().isDisplayed()) {
      showAll.getFirst().click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("timeline-count"), "all dates"));
    }
    assertThat(kindsInTimeline()).contains("GP_CONSULTATION", "ADMISSION");
    // A timed admission reads with its time; the planned follow-up, recorded to the day, without.
    assertThat(timelineItem("ADMISSION")).containsPattern("^\\d{2}-[A-Z][a-z]{2}-\\d{4} 23:50 ");
    assertThat(
            browser
                .findElements(By.cssSelector("#timeline-list li[data-kind='OUTPATIENT']"))
                .stream()
                .map(WebElement::getText)
                .filter(t -> t.contains("Follow-up encounter"))
                .toList())
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t).containsPattern("^\\d{2}-[A-Z][a-z]{2}-\\d{4} [A-Z]"));

    // Untick GP consultations: none is left, the others stay.
    WebElement gp =
        browser.findElements(By.cssSelector("#timeline-filter vaadin-checkbox")).stream()
            .filter(c -> c.getText().contains("GP consultation"))
            .findFirst()
            .orElseThrow();
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", gp);
    wait.until(d -> !kindsInTimeline().contains("GP_CONSULTATION"));
    assertThat(kindsInTimeline()).contains("ADMISSION");
    scrollTo("timeline");
    screenshot("timeline.png");
    Axe.assertNoSeriousViolations(browser, "the timeline");
  }

  @Test
  @Order(5)
  void an_ig_officer_previews_what_a_community_pharmacist_would_see() throws Exception {
    launchAs("ig-officer", SHOWCASE);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("policy-preview-link")));
    // Before any search the access report claims nothing.
    assertThat(text("report-summary-grid")).doesNotContain("No views");
    Axe.assertNoSeriousViolations(browser, "the IG audit page");

    browser.findElement(By.id("policy-preview-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-run")));
    browser.findElement(By.id("preview-role")).click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[normalize-space(.)='pharmacist']")))
        .click();
    browser
        .findElement(By.cssSelector("#preview-organisation-type input"))
        .sendKeys("community-pharmacy");
    browser.findElement(By.id("preview-run")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-table")));
    assertThat(text("preview-summary")).contains("pharmacist").contains("community-pharmacy");
    assertThat(attribute("preview-source-pharmacy", "data-shown")).isEqualTo("true");
    // The agreement shares nothing from mental health or social care with community pharmacies,
    // and the preview says why, with the rule.
    assertThat(text("preview-source-mental-health")).contains("Withheld").contains("rule");
    screenshot("policy-preview.png");
    Axe.assertNoSeriousViolations(browser, "the policy preview");
  }

  @Test
  @Order(6)
  void a_social_worker_lands_on_their_summary_with_role_withheld_sections_named_once()
      throws Exception {
    launchAs("social-worker", SHOWCASE);
    wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_SUMMARY));

    assertThat(text("tile-care-team")).contains("Social worker");
    assertThat(text("tile-care-packages")).isNotBlank();
    assertThat(text("role-withheld")).contains("Medications").contains("Results");
    assertThat(browser.findElements(By.id("medications-notice"))).isEmpty();
    screenshot("summary-social-worker.png");
    Axe.assertNoSeriousViolations(browser, "the social worker's summary");
  }

  @Test
  @Order(7)
  void keyboard_only_from_the_summary_to_a_document_and_back_with_focus_never_under_the_banner()
      throws Exception {
    launchAs("ooh-doctor", SHOWCASE);
    wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_SUMMARY));
    ((JavascriptExecutor) browser).executeScript("document.activeElement.blur(); scrollTo(0, 0)");

    Actions keys = new Actions(browser);
    boolean inDocuments = false;
    for (int i = 0; i < 400 && !inDocuments; i++) {
      keys.sendKeys(Keys.TAB).perform();
      assertThat(focusVisibleBelowBanner()).as("focus %d: %s", i, focused()).isTrue();
      inDocuments = focusIsIn("documents-grid");
    }
    assertThat(inDocuments).as("Tab reached the documents").isTrue();
    if (focusedTag().equals("TH")) {
      // The grid's header row is one tab stop, its body the next.
      keys.sendKeys(Keys.TAB).perform();
    }
    // In the grid: along the first row to the "View" button, into it, and press it.
    for (int i = 0; i < 8 && !focused().contains("document-view"); i++) {
      keys.sendKeys(Keys.ARROW_RIGHT).perform();
      if (focusInViewCell()) {
        keys.sendKeys(Keys.ENTER).perform();
      }
    }
    assertThat(focused()).contains("document-view");
    keys.sendKeys(Keys.ENTER).perform();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("document-content")));
    Axe.assertNoSeriousViolations(browser, "the document dialog");
    keys.sendKeys(Keys.ESCAPE).perform();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("document-content")));
    assertThat(focusIsIn("documents-grid")).as("focus back on the documents").isTrue();
  }

  @Test
  @Order(8)
  void a_slow_source_fills_its_tiles_later_and_a_down_source_leaves_them_marked_incomplete()
      throws Exception {
    List<String> others = otherPatients();
    setFault("acute", "{\"profile\":\"slow\",\"delayMs\":2500}");
    try {
      launchAs("ooh-doctor", others.get(0));
      // While the hospital is still answering, its tiles say so (the reasons sit in a closed
      // disclosure, so read its text content rather than what is drawn).
      wait.until(
          d ->
              String.valueOf(
                      ((JavascriptExecutor) d)
                          .executeScript(
                              "const s = document.querySelector(\"#summary[data-state='loading']\");"
                                  + " const t = s && s.querySelector('#tile-medications-incomplete');"
                                  + " return t ? t.textContent : ''"))
                  .contains("Riverside University Hospitals (FHIR R4): still loading"));
      wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_SUMMARY));
      assertThat(text("summary")).doesNotContain("still loading");
    } finally {
      setFault("acute", "{\"profile\":\"normal\"}");
    }

    setFault("acute", "{\"profile\":\"down\"}");
    try {
      launchAs("ooh-doctor", others.get(1));
      wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_SUMMARY));
      for (String tile : List.of("tile-medications", "tile-allergies", "tile-admission")) {
        assertThat(attribute(tile, "data-incomplete")).as(tile).isEqualTo("true");
      }
      ((JavascriptExecutor) browser)
          .executeScript("document.querySelector('#tile-medications-incomplete').open = true");
      assertThat(text("tile-medications-incomplete")).contains("Riverside University Hospitals");
      screenshot("summary-source-down.png");
    } finally {
      setFault("acute", "{\"profile\":\"normal\"}");
    }
  }

  /** Patients the launcher lists for the out-of-hours doctor, other than the showcase. */
  private static List<String> otherPatients() {
    browser.get(carelens.launcherUrl() + "/");
    List<String> others =
        browser.findElements(By.cssSelector("button[data-persona='ooh-doctor']")).stream()
            .map(b -> b.getAttribute("data-nhs-number"))
            .filter(n -> !SHOWCASE.equals(n))
            .distinct()
            .toList();
    assertThat(others).hasSizeGreaterThanOrEqualTo(2);
    return others;
  }

  @SuppressWarnings("unchecked")
  /** The text of the first timeline item of a kind. */
  private static String timelineItem(String kind) {
    return browser
        .findElement(By.cssSelector("#timeline-list li[data-kind='" + kind + "']"))
        .getText();
  }

  private static List<String> kindsInTimeline() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll('#timeline-list li[data-kind]'))"
                    + ".map(li => li.dataset.kind)");
  }

  /** The focused element, through shadow roots (a grid cell, a button's inner part). */
  private static final String DEEP_FOCUS =
      "let a = document.activeElement;"
          + " while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;";

  private static String focused() {
    Object described =
        ((JavascriptExecutor) browser)
            .executeScript(
                "let a = document.activeElement; return a ? a.tagName + '#' + a.id + '.'"
                    + " + a.className : 'none'");
    return String.valueOf(described);
  }

  private static String focusedTag() {
    return String.valueOf(
        ((JavascriptExecutor) browser).executeScript(DEEP_FOCUS + " return a ? a.tagName : ''"));
  }

  private static boolean focusIsIn(String id) {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) browser)
            .executeScript(
                "const e = document.getElementById(arguments[0]);"
                    + " return !!e && (e === document.activeElement"
                    + " || e.contains(document.activeElement))",
                id));
  }

  /** True when the focused grid cell holds the document's "View" button. */
  private static boolean focusInViewCell() {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) browser)
            .executeScript(
                DEEP_FOCUS
                    + " if (!a || a.tagName !== 'TD') return false;"
                    + " const slot = a.querySelector('slot');"
                    + " const content = slot && slot.assignedElements()[0];"
                    + " return !!content && !!content.querySelector('vaadin-button.document-view')"));
  }

  /**
   * WCAG 2.2, 2.4.11: the focused element is not hidden under the sticky patient banner (it is in
   * the banner, above it, or starts below it).
   */
  private static boolean focusVisibleBelowBanner() {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) browser)
            .executeScript(
                DEEP_FOCUS
                    + " const banner = document.getElementById('patient-banner');"
                    + " if (!a || !banner || a === document.body) return true;"
                    + " if (banner.contains(document.activeElement)) return true;"
                    + " const b = banner.getBoundingClientRect(), r = a.getBoundingClientRect();"
                    + " return r.bottom <= b.top + 1 || r.top >= b.bottom - 1"));
  }

  private static void clickRadio(String groupId, String label) {
    WebElement radio =
        browser.findElements(By.cssSelector("#" + groupId + " vaadin-radio-button")).stream()
            .filter(r -> r.getText().trim().equals(label))
            .findFirst()
            .orElseThrow();
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", radio);
  }

  /** The bottom of an element in the viewport, in CSS pixels, with the page scrolled to the top. */
  private static long bottomOf(String id) {
    return ((Number)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "scrollTo(0, 0); return document.getElementById(arguments[0])"
                        + ".getBoundingClientRect().bottom",
                    id))
        .longValue();
  }

  /**
   * Makes the page's viewport exactly width × height CSS pixels (Chrome DevTools device metrics),
   * whatever the window's frame; 1400 (the journeys' window width) restores the window's own.
   */
  private static void viewport(int width, int height) {
    ChromeDriver chrome = (ChromeDriver) browser;
    if (width == 1400) {
      chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      return;
    }
    chrome.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
  }

  private static void scrollTo(String id) {
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
  }

  private static void setFault(String sourceId, String json) throws Exception {
    carelens.setFault(sourceId, json);
  }

  /** Opens a patient as a persona through the launcher's own launch form. */
  private static void launchAs(String persona, String nhsNumber) {
    carelens.launch(browser, persona, nhsNumber);
  }

  /** A CUI date, as the portal shows it: {@code 03-Dec-2026}. */
  private static String cui(LocalDate date) {
    return org.carelens.portal.record.CuiFormat.date(date);
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static String attribute(String id, String name) {
    return browser.findElement(By.id(id)).getAttribute(name);
  }

  /**
   * Saves what the browser shows to {@code target/screenshots}, and to the repository's {@code
   * docs/screenshots} (the README's "What it looks like") when {@code carelens.screenshots.docs} is
   * true.
   */
  private static void screenshot(String name) throws Exception {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    Files.write(target.resolve(name), png);
    if (Boolean.getBoolean("carelens.screenshots.docs")) {
      Path docs = Path.of("..", "docs", "screenshots");
      Files.createDirectories(docs);
      Files.write(docs.resolve(name), png);
    }
  }
}
