package org.carelens.simulators.wiremock;

import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.List;

/**
 * Configures WireMock the way every simulator wants it: stubs come from code only (never from a
 * {@code mappings} folder in whatever directory the JVM started in), no request journal (a
 * long-running simulator would otherwise keep every request in memory), and only errors logged.
 */
public final class QuietWireMock {

  private QuietWireMock() {}

  public static WireMockConfiguration configure(WireMockConfiguration options) {
    return options
        .mappingSource(new CodeOnlyMappings())
        .disableRequestJournal()
        .extensionScanningEnabled(false)
        .stubRequestLoggingDisabled(true)
        .notifier(new ErrorsOnly());
  }

  private static final class CodeOnlyMappings implements MappingsSource {
    @Override
    public void loadMappingsInto(StubMappings stubMappings) {}

    @Override
    public void save(List<StubMapping> stubMappings) {}

    @Override
    public void save(StubMapping stubMapping) {}

    @Override
    public void remove(StubMapping stubMapping) {}

    @Override
    public void removeAll() {}
  }

  private static final class ErrorsOnly implements Notifier {
    @Override
    public void info(String message) {}

    @Override
    public void error(String message) {
      System.err.println("[wiremock] " + message);
    }

    @Override
    public void error(String message, Throwable t) {
      System.err.println("[wiremock] " + message + ": " + t);
    }
  }
}
