package org.carelens.adapters.gpconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.sdk.spi.SourceConfig;
import org.carelens.sdk.spi.SourceConfigException;
import org.junit.jupiter.api.Test;

class GpConnectAdapterFactoryTest {

  private static Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("url", "http://localhost:8091");
    settings.put("provider-ods", "A81001");
    settings.put("name", "Configured name");
    settings.put("time-limit", "2s");
    settings.put("connect-timeout", "1s");
    return settings;
  }

  @Test
  void the_gateway_finds_the_factory_by_its_type_through_the_service_loader() {
    SourceAdapterFactory factory =
        ServiceLoader.load(SourceAdapterFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.type().equals("gp-connect"))
            .findFirst()
            .orElseThrow();

    assertThat(factory).isInstanceOf(GpConnectAdapterFactory.class);
  }

  @Test
  void a_configured_source_becomes_an_adapter_with_its_id_and_name() {
    try (SourceAdapter adapter =
        new GpConnectAdapterFactory().create(SourceConfig.of("configured-source", settings()))) {

      assertThat(adapter.descriptor().id()).isEqualTo("configured-source");
      assertThat(adapter.descriptor().name()).isEqualTo("Configured name");
      assertThat(adapter.descriptor().organisationOds()).isEqualTo("A81001");
    }
  }

  @Test
  void a_url_that_is_not_one_is_refused_naming_the_setting() {
    Map<String, String> settings = settings();
    settings.put("url", "not a url");

    assertThatThrownBy(
            () ->
                new GpConnectAdapterFactory()
                    .create(SourceConfig.of("configured-source", settings)))
        .isInstanceOf(SourceConfigException.class)
        .hasMessageStartingWith(
            "carelens.sources.configured-source.url: not an absolute http(s) URI");
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
