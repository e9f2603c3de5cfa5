package org.carelens.adapters.mentalhealth;

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

class MentalHealthXmlAdapterFactoryTest {

  private static Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("url", "http://localhost:8096");
    settings.put("provider-ods", "RXY");
    settings.put("api-key", "a-key");
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
            .filter(f -> f.type().equals("mental-health-xml"))
            .findFirst()
            .orElseThrow();

    assertThat(factory).isInstanceOf(MentalHealthXmlAdapterFactory.class);
  }

  @Test
  void a_configured_source_becomes_an_adapter_with_its_id_and_name() {
    try (SourceAdapter adapter =
        new MentalHealthXmlAdapterFactory()
            .create(SourceConfig.of("configured-source", settings()))) {

      assertThat(adapter.descriptor().id()).isEqualTo("configured-source");
      assertThat(adapter.descriptor().name()).isEqualTo("Configured name");
      assertThat(adapter.descriptor().organisationOds()).isEqualTo("RXY");
    }
  }

  @Test
  void a_url_that_is_not_one_is_refused_naming_the_setting() {
    Map<String, String> settings = settings();
    settings.put("url", "not a url");

    assertThatThrownBy(
            () ->
                new MentalHealthXmlAdapterFactory()
                    .create(SourceConfig.of("configured-source", settings)))
        .isInstanceOf(SourceConfigException.class)
        .hasMessageStartingWith(
            "carelens.sources.configured-source.url: not an absolute http(s) URI");
  }

  @Test
  void a_missing_api_key_is_refused_without_guessing_one() {
    Map<String, String> settings = settings();
    settings.remove("api-key");

    assertThatThrownBy(
            () -> new MentalHealthXmlAdapterFactory().create(SourceConfig.of("mh", settings)))
        .hasMessage("carelens.sources.mh.api-key: required, but not set");
  }
}
