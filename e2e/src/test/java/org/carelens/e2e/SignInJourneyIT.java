package org.carelens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 11's journeys from sign-in, in a real headless Chromium against real processes: users who
 * are not launched sign in at the portal's {@code /login} with the simulated CIS2 provider, land on
 * the patient search, and find patients by NHS number or by details; a bad check digit is refused
 * before anything is sent; a restricted patient is listed without an address; sign-out ends the
 * gateway session too. Its own stack and browser: it shares nothing with {@link LaunchJourneyIT}.
 */
class SignInJourneyIT {

  static final String SHOWCASE = "9990000018";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

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

  @BeforeEach
  void freshBrowser() {
    browser.manage().deleteAllCookies();
  }

  @Test
  void a_pharmacist_signs_in_and_finds_a_patient_by_nhs_number() throws Exception {
    signInAs("pharmacist");

    typeNhsNumber("9990000018");
    assertThat(inputValue("search-nhs-number")).isEqualTo("999 000 0018");
    browser.findElement(By.id("search-nhs-number-button")).click();

    try {
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("search-results"), "999 000 0018"));
    } finally {
      screenshot("sign-in-search-nhs-number.png");
    }
    assertThat(text("search-results")).contains("JONES, Margaret (Mrs)").contains("12-Mar-1950");
    assertThat(text("signed-in-user")).contains("Priya Shah").contains("pharmacist");
  }

  @Test
  void opening_a_found_patient_asks_why_and_opens_the_record_flagged_for_review() throws Exception {
    signInAs("pharmacist");
    typeNhsNumber("9990000018");
    browser.findElement(By.id("search-nhs-number-button")).click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#search-result-list .result-open")))
        .click();

    // The claim dialog, the NHS number filled in: a coded reason and the user's own words.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("another-patient-reason-code")));
    assertThat(inputValue("another-patient-nhs")).isEqualTo("999 000 0018");
    chooseFirstReason();
    browser
        .findElement(By.cssSelector("#another-patient-reason textarea"))
        .sendKeys("Patient at the pharmacy counter asking about a prescription");
    browser.findElement(By.id("another-patient-confirm")).click();

    try {
      wait.until(ExpectedConditions.urlContains("/patient/" + SHOWCASE));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("self-claimed-banner")));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("banner-nhs-number")));
    } finally {
      screenshot("sign-in-opened-record.png");
    }
    assertThat(text("banner-nhs-number")).contains("999 000 0018");
    assertThat(browser.findElements(By.id("back-to-search"))).hasSize(1);
    assertThat(browser.findElements(By.id("record-sign-out"))).hasSize(1);
  }

  @Test
  void a_social_worker_signs_in_and_finds_a_patient_by_name_and_date_of_birth() throws Exception {
    signInAs("social-worker");

    setText("search-family", "Jones");
    setText("search-given", "Margaret");
    setText("search-birth-date", "1950-03-12");
    browser.findElement(By.id("search-details-button")).click();

    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("search-results"), "999 000 0018"));
    assertThat(text("search-results")).contains("JONES, Margaret (Mrs)");
    assertThat(text("signed-in-user")).contains("social-worker");
  }

  @Test
  void a_bad_check_digit_is_refused() throws Exception {
    signInAs("pharmacist");

    typeNhsNumber("9990000019");
    browser.findElement(By.id("search-nhs-number-button")).click();

    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("search-message"), "check digit"));
    assertThat(browser.findElements(By.id("search-result-list"))).isEmpty();
  }

  @Test
  void a_restricted_patient_is_listed_without_an_address() throws Exception {
    JsonNode restricted = restrictedPatient();
    signInAs("ooh-doctor");

    typeNhsNumber(restricted.get("nhsNumber").asText());
    browser.findElement(By.id("search-nhs-number-button")).click();

    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("search-results"), "Address not shown (restricted record)"));
    WebElement row = browser.findElement(By.cssSelector("#search-result-list li"));
    assertThat(row.getText()).contains(restricted.get("family").asText().toUpperCase());
    assertThat(row.findElement(By.className("result-address")).getText())
        .isEqualTo("Address not shown (restricted record)");
  }

  @Test
  void signing_out_ends_the_gateway_session() throws Exception {
    signInAs("social-worker");

    browser.findElement(By.id("sign-out")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "signed out"));
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("The gateway session has ended too");
    // The gateway's own record: its audit holds the social worker's SESSION_ENDED.
    assertThat(auditEntries("SESSION_ENDED")).contains("555010000103");
    // And the portal no longer holds a session: the search page asks to sign in.
    browser.get(carelens.portalUrl() + "/search");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("search"), "not signed in"));
  }

  @Test
  void an_ig_officer_signs_in_to_the_audit_pages_without_a_patient() throws Exception {
    browser.get(carelens.portalUrl() + "/login");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[aria-label$='(ig-officer)']")))
        .click();

    wait.until(ExpectedConditions.urlContains("/ig"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("viewer")));
    assertThat(text("viewer")).contains("Helen Carter").contains("ig-officer");
    assertThat(browser.findElements(By.id("record-link"))).isEmpty();
  }

  // --- Helpers.

  private static void signInAs(String persona) {
    browser.get(carelens.portalUrl() + "/login");
    // The provider's login page: one Sign in button per persona, named with its id.
    WebElement button =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[aria-label$='(" + persona + ")']")));
    button.click();
    wait.until(ExpectedConditions.urlContains("/search"));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-nhs-number input")));
    // The input labelled "NHS number".
    assertThat(
            (String)
                ((JavascriptExecutor) browser)
                    .executeScript("return document.querySelector('#search-nhs-number').label"))
        .isEqualTo("NHS number");
  }

  private static void typeNhsNumber(String digits) {
    WebElement input = browser.findElement(By.cssSelector("#search-nhs-number input"));
    input.clear();
    for (char c : digits.toCharArray()) {
      input.sendKeys(String.valueOf(c));
    }
    wait.until(
        d ->
            inputValue("search-nhs-number").replace(" ", "").equals(digits)
                && inputValue("search-nhs-number").length() == 12);
  }

  /** Opens the reason list and picks its first reason, retrying while the dialog settles. */
  private static void chooseFirstReason() {
    WebDriverWait shortWait = new WebDriverWait(browser, Duration.ofSeconds(5));
    for (int attempt = 0; ; attempt++) {
      browser.findElement(By.id("another-patient-reason-code")).click();
      try {
        // The search form's gender select has items too, hidden: pick the open list's first.
        shortWait
            .until(
                d ->
                    d.findElements(By.cssSelector("vaadin-select-item[role='option']")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null))
            .click();
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 4) {
          throw e;
        }
      }
    }
  }

  private static String inputValue(String id) {
    return browser.findElement(By.cssSelector("#" + id + " input")).getAttribute("value");
  }

  private static void setText(String id, String value) {
    WebElement field = browser.findElement(By.cssSelector("#" + id + " input"));
    field.clear();
    field.sendKeys(value);
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  /** A restricted patient of the simulated population, from the launcher's patient list. */
  private static JsonNode restrictedPatient() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(carelens.launcherUrl() + "/api/patients")).build(),
            HttpResponse.BodyHandlers.ofString());
    for (JsonNode patient : JSON.readTree(response.body())) {
      if (patient.get("scenarios").toString().contains("\"restricted\"")) {
        return patient;
      }
    }
    throw new AssertionError("the simulated population has no restricted patient");
  }

  /** The gateway audit's entries of one event, read by the federation's IG lead. */
  private static String auditEntries(String event) throws Exception {
    HttpResponse<String> minted =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(carelens.launcherUrl() + "/api/launch-token"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"persona\":\"federation-ig\",\"nhsNumber\":\"" + SHOWCASE + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String token = JSON.readTree(minted.body()).get("token").asText();
    HttpResponse<String> session =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(carelens.gatewayUrl() + "/api/v1/sessions"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String access = JSON.readTree(session.body()).get("accessToken").asText();
    HttpResponse<String> audit =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(carelens.gatewayUrl() + "/api/v1/audit?event=" + event))
                .header("Authorization", "Bearer " + access)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
    return audit.body();
  }

  private static void screenshot(String name) throws Exception {
    Files.write(
        Path.of("target", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
