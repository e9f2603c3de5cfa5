package org.carelens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The key journey, in a real headless Chromium: an out-of-hours doctor opens a case in their own
 * system, launches Carelens in context, and sees the patient's banner and known allergy.
 */
class LaunchJourneyIT {

  static CarelensProcesses carelens;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    carelens = new CarelensProcesses().start();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
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
    browser.get(carelens.launcherUrl() + "/");
    browser
        .findElement(
            By.cssSelector("button[data-persona='ooh-doctor'][data-nhs-number='9990000018']"))
        .click();

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    try {
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("banner-nhs-number")));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("allergies-grid"), "Allergy to penicillin"));
    } finally {
      screenshot("patient-view.png");
    }

    assertThat(browser.getCurrentUrl()).endsWith("/patient/9990000018");
    assertThat(browser.findElement(By.id("banner-nhs-number")).getText()).contains("999 000 0018");
    assertThat(browser.findElement(By.id("banner-name")).getText())
        .isEqualTo("JONES, Margaret (Mrs)");
    assertThat(browser.findElement(By.id("banner-allergy-title")).getText())
        .isEqualTo("Known allergies");
    assertThat(browser.findElement(By.id("source-status")).getText()).contains("Loaded");
  }

  private static void screenshot(String name) throws Exception {
    Path file = Path.of("target", name);
    Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
