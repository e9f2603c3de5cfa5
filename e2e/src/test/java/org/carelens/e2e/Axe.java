package org.carelens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Accessibility checks in the browser (issue 13): injects the vendored axe-core into the page as it
 * stands and runs its WCAG 2.x A and AA rules. A journey fails on any serious or critical
 * violation, with each rule, its help text and the first offending elements in the message.
 */
final class Axe {

  private static final String SOURCE = load();

  private Axe() {}

  /** Serious and critical violations on the page as it stands, one line each. */
  @SuppressWarnings("unchecked")
  static List<String> seriousViolations(WebDriver browser) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(SOURCE);
    }
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values:"
                + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},"
                + " resultTypes: ['violations']})"
                + ".then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — '"
                + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
    return (List<String>) result;
  }

  /** Fails the journey on any serious or critical violation, naming the page. */
  static void assertNoSeriousViolations(WebDriver browser, String page) {
    browser.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
    assertThat(seriousViolations(browser)).as("axe on " + page).isEmpty();
  }

  private static String load() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe-core is missing from the test resources (/axe)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
