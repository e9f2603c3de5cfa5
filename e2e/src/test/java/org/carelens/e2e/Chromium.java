package org.carelens.e2e;

import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The journeys' browser: the Debian Chromium and chromedriver, headless, 1400 × 1000 (tools that
 * download their own browser cannot run here), and waits that say where the browser was when they
 * time out.
 */
final class Chromium {

  private Chromium() {}

  /** A new headless Chromium. */
  static WebDriver start() {
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
    return new ChromeDriver(service, options);
  }

  /**
   * A 30 s wait whose timeout message gives the page's address and visible text.
   *
   * <p>It polls again, rather than failing, when the page changes under it: an element found in the
   * old document and read after a navigation gives a stale reference, or from chromedriver an
   * "unknown error: Node with given id does not belong to the document". Both only mean "look
   * again"; a browser that is really gone still ends the wait at 30 s, with the last error as its
   * cause.
   */
  static WebDriverWait waitFor(WebDriver browser) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.withMessage(() -> whereTheBrowserIs(browser));
    wait.ignoring(StaleElementReferenceException.class);
    wait.ignoring(WebDriverException.class);
    return wait;
  }

  /** The page's address and visible text, shortened, for failure messages. */
  static String whereTheBrowserIs(WebDriver browser) {
    try {
      String text = browser.findElement(By.tagName("body")).getText().replace('\n', '|');
      return "browser at "
          + browser.getCurrentUrl()
          + " showing: "
          + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
    } catch (RuntimeException e) {
      return "browser state unavailable: " + e;
    }
  }
}
