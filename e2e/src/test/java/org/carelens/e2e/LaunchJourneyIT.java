package org.carelens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.Prescription;
import org.carelens.simulators.population.SyntheticPatient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The key journeys, in a real headless Chromium against real processes: each user opens the
 * showcase patient (Mrs Margaret JONES, 999 000 0018) from the simulated out-of-hours system and
 * sees what their role needs first; a break-glass and a self-claimed relationship are each made and
 * then reviewed by an IG officer. One stack and one browser serve every journey.
 */
class LaunchJourneyIT {

  static final String SHOWCASE = "9990000018";
  static final String NOT_FOR_SOCIAL_WORKERS =
      "Not shared with social workers under sharing agreement riverside-shared-care";

  static final Dimension WINDOW = new Dimension(1400, 1000);

  /** The source strip once the merged view is shown; while loading it is {@code loading}. */
  static final By COMPLETE_STRIP = By.cssSelector("#source-status[data-state='complete']");

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
  void an_out_of_hours_doctor_launches_from_their_case_list_and_sees_the_known_allergy()
      throws Exception {
    launchAs("ooh-doctor");

    try {
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("banner-nhs-number")));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("allergies-grid"), "Allergy to penicillin"));
    } finally {
      screenshot("patient-view.png");
    }

    assertThat(browser.getCurrentUrl()).endsWith("/patient/" + SHOWCASE);
    assertThat(text("banner-nhs-number")).contains("999 000 0018");
    assertThat(text("banner-name")).isEqualTo("JONES, Margaret (Mrs)");
    assertThat(text("banner-allergy-title")).isEqualTo("Known allergies");
    assertThat(text("source-status")).contains("Loaded");
    assertThat(sectionOrder())
        .startsWith("alerts", "allergies", "medications", "problems", "encounters", "careTeam");
    assertThat(text("alerts-grid")).contains("Safeguarding");
    // Issue 12: her ReSPECT form, from the care plan pointer service added as a plug-in; the form
    // it replaced is listed among the documents, marked superseded, and is not an alert.
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts-grid"), "ReSPECT"));
    assertThat(text("alerts-grid")).contains("Riverside Medical Practice (ODS A81001)");
    assertThat(text("documents-grid")).contains("(superseded)");
  }

  @Test
  void a_clinician_opens_a_discharge_summary_fetched_from_the_hospital_on_demand()
      throws Exception {
    launchAs("ooh-doctor");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("documents-grid"), "Discharge summary"));

    WebElement view =
        browser.findElements(By.cssSelector("#documents-grid vaadin-button.document-view")).stream()
            .filter(b -> b.getAttribute("aria-label").contains("Discharge summary"))
            .findFirst()
            .orElseThrow();
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", view);

    try {
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("document-content")));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("document-content"), "Discharge"));
    } finally {
      screenshot("document-dialog.png", false);
    }
    assertThat(
            browser.findElements(By.cssSelector("#document-content script, #document-content a")))
        .isEmpty();
    browser.findElement(By.id("document-close")).click();
  }

  @Test
  void a_pharmacist_sees_medication_from_more_than_one_source_with_every_source_listed()
      throws Exception {
    launchAs("pharmacist");

    try {
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("medications-grid"), "Amlodipine"));
    } finally {
      screenshot("pharmacist-view.png");
    }

    assertThat(sectionOrder()).startsWith("medications", "allergies", "results");
    String medications = text("medications-grid");
    assertThat(medications)
        .contains("Riverside University Hospitals")
        .contains("GP practice")
        .contains("Amoxicillin");
    // Renal and liver function come first for a pharmacist, with abnormal values flagged in words.
    assertThat(text("results-grid")).contains("Creatinine").contains("↓ Low");
  }

  @Test
  void a_pharmacist_sees_both_doses_of_a_medicine_whose_dose_changed_at_discharge()
      throws Exception {
    // The launcher lists up to three patients for each scenario; take the first dose change.
    browser.get(carelens.launcherUrl() + "/");
    String nhs =
        browser
            .findElement(By.cssSelector("tr[data-scenario='dose-change']"))
            .getAttribute("data-nhs-number");
    // The same population as the simulators' (default seed and size): what each source holds.
    SyntheticPatient patient =
        Population.generate(42, 2000, LocalDate.now()).find(nhs).orElseThrow();
    Prescription repeat = patient.medicationAlsoOnDischarge().orElseThrow();
    String dischargeDose = patient.dischargeDose().orElseThrow();

    launchAs("pharmacist", nhs);

    try {
      wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_STRIP));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("medications-grid"), "Sources disagree"));
    } finally {
      screenshot("dose-change-view.png");
    }
    assertThat(browser.getCurrentUrl()).endsWith("/patient/" + nhs);
    String medications = text("medications-grid");
    assertThat(medications).contains(repeat.medicine().display());
    // Each dose beside its source (other sources, e.g. a pharmacy, may add their own values).
    assertThat(medications)
        .contains("Dose: ")
        .contains("GP practice (GP Connect) — " + repeat.dosageText())
        .contains("Riverside University Hospitals (FHIR R4) — " + dischargeDose);
  }

  @Test
  void a_social_worker_sees_the_care_team_but_no_medication_or_results() throws Exception {
    launchAs("social-worker");

    try {
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("careTeam-grid"), "Social worker"));
    } finally {
      screenshot("social-worker-view.png");
    }

    assertThat(sectionOrder()).startsWith("careTeam", "socialCare", "encounters", "alerts");
    // The agreement shares care plan alerts with the council (that a ReSPECT form exists, when and
    // by whom); the plans themselves are documents, which social workers do not see.
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts-grid"), "ReSPECT"));
    // Issue 9: withheld for every patient because of the viewer's role, said plainly; issue 13:
    // said once, naming the sections, which are then not shown at all.
    assertThat(text("role-withheld"))
        .contains(NOT_FOR_SOCIAL_WORKERS + ": ")
        .contains("Medications")
        .contains("Results");
    assertThat(browser.findElements(By.id("medications-grid"))).isEmpty();
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Amlodipine");
    assertThat(text("socialCare-grid")).contains("Home care");
  }

  @Test
  void a_gp_allergy_list_with_an_unreadable_entry_shows_every_readable_allergy_and_names_the_gap()
      throws Exception {
    // Issue 9's replay: the practice's allergies List names four allergies, the Bundle holds three.
    String patient = plainGpPatient();
    String fixture =
        new String(
                LaunchJourneyIT.class
                    .getResourceAsStream("/fixtures/gp-dangling-allergy.json")
                    .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
            .replace(SHOWCASE, patient);
    carelens.fixture("gp", patient + ".json", fixture);
    try {
      launchAs("ooh-doctor", patient);
      try {
        wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_STRIP));
        wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("allergies-grid"), "Allergy to aspirin"));
      } finally {
        screenshot("partial-gp-allergies.png");
      }

      assertThat(text("allergies-grid"))
          .contains("Allergy to penicillin", "Allergy to peanuts", "Allergy to aspirin");
      assertThat(text("allergies-incomplete"))
          .contains("Some allergies may be missing", "1 listed allergy could not be read");
      assertThat(text("record-incomplete")).contains("1 listed allergy could not be read");
      assertThat(text("banner-allergy-title")).isEqualTo("Known allergies");
      assertThat(text("banner-allergy-incomplete")).isEqualTo("List may be incomplete");
    } finally {
      carelens.removeFixture("gp", patient + ".json");
    }
  }

  @Test
  void an_ig_officer_verifies_the_audit_chain_and_finds_earlier_views_of_the_showcase_patient()
      throws Exception {
    // A clinician's view first, so the trail holds a view whatever order the journeys ran in.
    launchAs("ooh-doctor");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("banner-nhs-number")));

    launchAs("ig-officer");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verify-chain")));
    assertThat(browser.getCurrentUrl()).endsWith("/ig");

    browser.findElement(By.id("verify-chain")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("verify-result"), "Audit chain intact"));
    assertThat(browser.findElement(By.id("verify-result")).getAttribute("data-valid"))
        .isEqualTo("true");

    browser.findElement(By.id("report-show")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("report-summary-grid"), "clinician"));
    assertThat(text("report-accesses-grid")).contains("Y03012");

    setText("audit-patient", "999 000 0018");
    browser.findElement(By.id("audit-search")).click();
    try {
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("audit-grid"), "RECORD_VIEW"));
    } finally {
      screenshot("ig-view.png");
    }
    assertThat(text("audit-grid")).contains("999 000 0018").contains("Dr Amira Khan");
  }

  @Test
  void a_clinician_records_the_patients_permission_and_the_withheld_source_is_then_shown()
      throws Exception {
    launchAs("ooh-doctor");
    wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_STRIP));
    // The reference agreement asks for the patient's permission before the mental health trust's
    // record is shown to an out-of-hours service (explicit share-in).
    assertThat(browser.findElement(By.id("source-mental-health")).getAttribute("data-reason"))
        .isEqualTo("PERMISSION_TO_VIEW_REQUIRED");
    assertThat(text("record-incomplete")).startsWith("Some information may be missing");
    assertThat(text("permission-prompt")).contains("Mental health trust");

    browser.findElement(By.id("permission-record")).click();

    try {
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("#source-mental-health[data-status='OK']")));
    } finally {
      screenshot("after-permission.png");
    }
    assertThat(browser.findElements(By.id("permission-prompt"))).isEmpty();
  }

  @Test
  void the_source_strip_shows_each_source_loading_then_its_outcome_and_ends_complete()
      throws Exception {
    // One whole view first, so the portal knows which sources to expect.
    launchAs("ooh-doctor");
    wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_STRIP));
    List<String> expected = sourceIds();
    assertThat(expected).contains("gp", "acute");
    // A patient no other journey opens, so no source answers from the gateway's 30 s cache (the
    // first patients of the case list are opened by other journeys), with the hospital slowed
    // (under its 3 s time limit): the GP answers while the hospital is still loading.
    String other = plainGpPatients().get(plainGpPatients().size() - 2);
    setFault("acute", "{\"profile\":\"slow\",\"delayMs\":2500}");
    try {
      launchAs("ooh-doctor", other);

      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("#source-status[data-state='loading']")));
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector(
                  "#source-status[data-state='loading'] #source-gp:not([data-status='LOADING'])")));
      try {
        assertThat(statusOf("acute")).isEqualTo("LOADING");
        assertThat(text("source-acute")).contains("Loading…");
        assertThat(sourceIds()).containsAll(expected);
        assertThat(browser.findElements(By.id("banner-skeleton"))).hasSize(1);
        assertThat(browser.findElements(By.id("banner-allergy-title"))).isEmpty();
      } finally {
        screenshot("loading-view.png");
      }

      wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_STRIP));
      assertThat(browser.getCurrentUrl()).endsWith("/patient/" + other);
      assertThat(sourceIds()).containsAll(expected);
      for (String id : sourceIds()) {
        assertThat(statusOf(id)).as("final status of " + id).isNotEqualTo("LOADING");
      }
      assertThat(statusOf("acute"))
          .isIn("OK", "NO_RECORD", "WITHHELD", "TIMEOUT", "CIRCUIT_OPEN", "ERROR");
      assertThat(browser.findElements(By.id("banner-skeleton"))).isEmpty();
      assertThat(browser.findElements(By.id("stream-fallback"))).isEmpty();
      assertThat(text("banner-nhs-number")).isNotBlank();
    } finally {
      setFault("acute", "{\"profile\":\"normal\"}");
    }
  }

  @Test
  void a_doctor_declares_break_glass_and_an_ig_officer_reviews_and_acknowledges_it()
      throws Exception {
    // Not the showcase patient, whose withheld mental health record the permission journey relies
    // on, nor the first other patient, which the loading journey opens: break-glass lasts.
    browser.get(carelens.launcherUrl() + "/");
    List<String> others =
        browser.findElements(By.cssSelector("button[data-persona='ooh-doctor']")).stream()
            .map(b -> b.getAttribute("data-nhs-number"))
            .filter(n -> !SHOWCASE.equals(n))
            .distinct()
            .toList();
    String patient = others.getLast();
    String formatted =
        patient.substring(0, 3) + " " + patient.substring(3, 6) + " " + patient.substring(6);
    browser
        .findElement(
            By.cssSelector(
                "button[data-persona='ooh-doctor'][data-nhs-number='%s']".formatted(patient)))
        .click();
    wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_STRIP));

    browser.findElement(By.id("break-glass-open")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("break-glass-reason")));
    browser.findElement(By.id("break-glass-reason")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-select-item")))
        .click();
    browser
        .findElement(By.cssSelector("#break-glass-detail textarea"))
        .sendKeys("Unconscious on arrival, no relative present");
    browser.findElement(By.id("break-glass-confirm")).click();
    try {
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("break-glass-active")));
    } finally {
      screenshot("break-glass-active.png");
    }
    assertThat(browser.getCurrentUrl()).endsWith("/patient/" + patient);

    launchAs("ig-officer");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("break-glass-show")));
    browser.findElement(By.id("break-glass-show")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("break-glass-grid"), formatted));
    assertThat(text("break-glass-grid"))
        .contains("Dr Amira Khan")
        .contains("Unconscious on arrival, no relative present");
    // This journey's declaration is the only one in this run's fresh gateway database.
    WebElement acknowledge =
        browser.findElement(
            By.cssSelector("#break-glass-grid vaadin-button.break-glass-acknowledge"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", acknowledge);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("acknowledge-note")));
    browser.findElement(By.id("acknowledge-confirm")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("acknowledge-error"), "Write a note"));
    browser
        .findElement(By.cssSelector("#acknowledge-note textarea"))
        .sendKeys("Reviewed with the doctor: justified");
    browser.findElement(By.id("acknowledge-confirm")).click();

    try {
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("break-glass-count"), "0 declarations"));
    } finally {
      screenshot("break-glass-review.png");
    }
    assertThat(text("break-glass-grid")).doesNotContain(formatted);
  }

  @Test
  void a_doctor_opens_another_patient_on_a_self_claimed_relationship_and_an_ig_officer_reviews_it()
      throws Exception {
    browser.get(carelens.launcherUrl() + "/");
    String other =
        browser.findElements(By.cssSelector("button[data-persona='ooh-doctor']")).stream()
            .map(b -> b.getAttribute("data-nhs-number"))
            .filter(n -> !SHOWCASE.equals(n))
            .findFirst()
            .orElseThrow();
    launchAs("ooh-doctor");
    wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_STRIP));
    assertThat(browser.findElements(By.id("self-claimed-banner"))).isEmpty();

    browser.findElement(By.id("open-another-patient")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("another-patient-nhs")));
    // A coded reason from the agreement's list, plus the doctor's own words (issue 10).
    browser.findElement(By.id("another-patient-reason-code")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-select-item")))
        .click();
    // 999 000 0019 fails the Modulus 11 check; the gateway says so and nothing is claimed.
    setText("another-patient-nhs", "999 000 0019");
    browser
        .findElement(By.cssSelector("#another-patient-reason textarea"))
        .sendKeys("Covering the ward tonight");
    browser.findElement(By.id("another-patient-confirm")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("another-patient-error"), "INVALID_NHS_NUMBER"));
    setText("another-patient-nhs", other);
    browser.findElement(By.id("another-patient-confirm")).click();

    try {
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("self-claimed-banner")));
      wait.until(ExpectedConditions.presenceOfElementLocated(COMPLETE_STRIP));
    } finally {
      screenshot("self-claimed-view.png");
    }
    assertThat(browser.getCurrentUrl()).endsWith("/patient/" + other);
    assertThat(text("self-claimed-banner"))
        .contains("Self-claimed relationship — flagged for IG review");
    assertThat(browser.findElements(By.id("record-error"))).isEmpty();

    // Issue 10: every claim is on the IG review queue, like break-glass.
    String formatted =
        other.substring(0, 3) + " " + other.substring(3, 6) + " " + other.substring(6);
    launchAs("ig-officer");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("relationship-claims-show")));
    browser.findElement(By.id("relationship-claims-show")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("relationship-claims-grid"), formatted));
    // The first reason in the agreement's list, in its words, and the doctor's own.
    assertThat(text("relationship-claims-grid"))
        .contains("Dr Amira Khan")
        .contains("Covering for a colleague's patient")
        .contains("Covering the ward tonight")
        .contains("Awaiting review");
    // This journey's claim is the only one in this run's fresh gateway database.
    WebElement acknowledge =
        browser.findElement(
            By.cssSelector(
                "#relationship-claims-grid vaadin-button.relationship-claims-acknowledge"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", acknowledge);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("acknowledge-note")));
    browser
        .findElement(By.cssSelector("#acknowledge-note textarea"))
        .sendKeys("Checked with the ward: covering rota confirmed");
    browser.findElement(By.id("acknowledge-confirm")).click();

    try {
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("relationship-claims-count"), "0 claims"));
    } finally {
      screenshot("relationship-claim-review.png");
    }
    assertThat(text("relationship-claims-grid")).doesNotContain(formatted);
  }

  /** The ids of the sources in the strip, in order. */
  private static List<String> sourceIds() {
    return browser.findElements(By.cssSelector("#source-status li[id^='source-']")).stream()
        .map(li -> li.getAttribute("id").substring("source-".length()))
        .toList();
  }

  private static String statusOf(String sourceId) {
    return browser.findElement(By.id("source-" + sourceId)).getAttribute("data-status");
  }

  private static void setFault(String sourceId, String json) throws Exception {
    carelens.setFault(sourceId, json);
  }

  /**
   * Opens any patient from the simulated out-of-hours system as a persona, by submitting the
   * launcher's own launch form (the case list shows buttons for a few patients only).
   */
  private static void launchAs(String persona, String nhsNumber) {
    carelens.launch(browser, persona, nhsNumber);
  }

  /**
   * A Riverside Medical Practice patient of the demo population with no scenario tag (no dissent,
   * not restricted).
   */
  private static String plainGpPatient() {
    // The last such patient: the case list and other journeys open the first ones, and a copy of
    // their GP record still in the gateway's 30 s cache would hide the fixture.
    return plainGpPatients().getLast();
  }

  /** Patients of the Riverside practice with no scenario, in population order. */
  private static List<String> plainGpPatients() {
    return Population.generate(42, Population.DEFAULT_SIZE, java.time.LocalDate.now())
        .patients()
        .stream()
        .filter(p -> p.scenarios().isEmpty())
        // The journeys' gateway calls the Riverside practice directly (no PDS routing).
        .filter(p -> p.practice().odsCode().equals("A81001"))
        .map(p -> p.nhsNumber().value())
        .filter(n -> !n.equals(SHOWCASE))
        .toList();
  }

  /** Opens the showcase patient from the simulated out-of-hours system as a persona. */
  private static void launchAs(String persona) {
    browser.get(carelens.launcherUrl() + "/");
    browser
        .findElement(
            By.cssSelector(
                "button[data-persona='%s'][data-nhs-number='%s']".formatted(persona, SHOWCASE)))
        .click();
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static void setText(String id, String value) {
    WebElement field = browser.findElement(By.cssSelector("#" + id + " input"));
    field.clear();
    field.sendKeys(value);
  }

  /** The record's section ids in page order. */
  @SuppressWarnings("unchecked")
  private static List<String> sectionOrder() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll('section[data-withheld]'))"
                    + ".map(s => s.id)");
  }

  /** A screenshot of the whole page under target/, for people to look at. */
  private static void screenshot(String name) throws Exception {
    screenshot(name, true);
  }

  private static void screenshot(String name, boolean wholePage) throws Exception {
    Path file = Path.of("target", name);
    if (!wholePage) {
      Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      return;
    }
    Number height =
        (Number)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return Math.max(document.documentElement.scrollHeight,"
                        + " document.body.scrollHeight)");
    browser
        .manage()
        .window()
        .setSize(
            new Dimension(
                WINDOW.width, Math.min(8000, Math.max(WINDOW.height, height.intValue()))));
    try {
      Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } finally {
      browser.manage().window().setSize(WINDOW);
    }
  }
}
