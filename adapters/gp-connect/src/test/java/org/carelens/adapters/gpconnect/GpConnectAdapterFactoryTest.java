package org.carelens.adapters.gpconnect;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.sdk.spi.SourceConfig;
import org.carelens.tck.AdapterFactoryContract;
import org.junit.jupiter.api.Test;

class GpConnectAdapterFactoryTest extends AdapterFactoryContract {

  @Override
  protected SourceAdapterFactory factory() {
    return new GpConnectAdapterFactory();
  }

  @Override
  protected String expectedOrganisationOds() {
    return "A81001";
  }

  @Override
  protected Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("url", "http://localhost:8091");
    settings.put("provider-ods", "A81001");
    settings.put("name", "Configured name");
    settings.put("time-limit", "2s");
    settings.put("connect-timeout", "1s");
    return settings;
  }

  @Test
  void routing_needs_both_the_spine_and_the_endpoint_directory() {
    Map<String, String> settings = settings();
    settings.put("pds-url", "http://localhost:8093");
    settings.put("directory-url", "");

    assertThatThrownBy(() -> new GpConnectAdapterFactory().create(SourceConfig.of("gp", settings)))
        .hasMessage("carelens.sources.gp: routing needs both pds-url and directory-url");
  }

  @Test
  void an_endpoint_host_that_is_not_a_host_is_refused_naming_the_setting() {
    Map<String, String> settings = settings();
    settings.put("pds-url", "http://localhost:8093");
    settings.put("directory-url", "http://localhost:8094");
    settings.put("endpoint-hosts", "gp.example, not a host");

    assertThatThrownBy(() -> new GpConnectAdapterFactory().create(SourceConfig.of("gp", settings)))
        .hasMessageStartingWith("carelens.sources.gp.endpoint-hosts: endpointHosts: 'not a host'");
  }

  @Test
  void allow_http_must_say_true_or_false() {
    Map<String, String> settings = settings();
    settings.put("pds-url", "http://localhost:8093");
    settings.put("directory-url", "http://localhost:8094");
    settings.put("allow-http", "sometimes");

    assertThatThrownBy(() -> new GpConnectAdapterFactory().create(SourceConfig.of("gp", settings)))
        .hasMessage("carelens.sources.gp.allow-http: must be true or false (was 'sometimes')");
  }
}
