package org.carelens.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 15's first "done when": {@code ./carelens cluster} runs the portal journey through HAProxy
 * with two gateway replicas. The script itself starts the cluster ({@link CarelensCluster}, on
 * ports and a PostgreSQL database of its own); a headless Chromium launches from the simulated
 * out-of-hours system and opens the showcase patient through HAProxy, and HAProxy's statistics show
 * that both replicas answered the portal's gateway requests for it. Skipped, with the reason, where
 * HAProxy or PostgreSQL is not available.
 */
class ClusterJourneyIT {

  static final String SHOWCASE = "9990000018";

  static CarelensCluster cluster;
  static WebDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  @Timeout(value = 25, unit = TimeUnit.MINUTES)
  static void start() throws Exception {
    Optional<String> unavailable = CarelensCluster.unavailable();
    assumeTrue(unavailable.isEmpty(), unavailable.orElse(""));
    cluster = CarelensCluster.started();
    browser = Chromium.start();
    wait = Chromium.waitFor(browser);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void an_out_of_hours_doctor_opens_the_record_through_haproxy_served_by_both_replicas()
      throws Exception {
    Map<String, Long> before = cluster.gatewayAnswers2xx();
    assertThat(before).containsOnlyKeys("gateway1", "gateway2");

    browser.get(cluster.launcherUrl() + "/");
    browser
        .findElement(
            By.cssSelector(
                "button[data-persona='ooh-doctor'][data-nhs-number='%s']".formatted(SHOWCASE)))
        .click();
    awaitTheAllergy();

    assertThat(browser.getCurrentUrl())
        .as("the launcher sends the browser to the portal's HAProxy frontend")
        .isEqualTo(cluster.portalUrl() + "/patient/" + SHOWCASE);
    assertThat(browser.findElement(By.id("banner-nhs-number")).getText()).contains("999 000 0018");
    Cookie sticky = browser.manage().getCookieNamed("CARELENS_PORTAL");
    assertThat(sticky).as("HAProxy's portal affinity cookie").isNotNull();
    assertThat(sticky.getValue()).isEqualTo("portal1");

    // Again in the same browser session: the portal's gateway session goes on, on either replica.
    browser.navigate().refresh();
    awaitTheAllergy();

    Map<String, Long> after = cluster.gatewayAnswers2xx();
    System.out.printf(
        "Gateway answers (2xx) through HAProxy: before %s, after %s%n", before, after);
    for (String replica : before.keySet()) {
      assertThat(after.get(replica) - before.get(replica))
          .as(
              "2xx answers from %s during the journey (before %s, after %s)",
              replica, before, after)
          .isPositive();
    }
  }

  private static void awaitTheAllergy() {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("banner-nhs-number")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("allergies-grid"), "Allergy to penicillin"));
  }
}
