package org.carelens.adapters.socialcare;

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

class SocialCareRestAdapterFactoryTest {

  private static Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("url", "http://localhost:8097");
    settings.put("provider-ods", "LA001");
    settings.put("client-id", "carelens");
    settings.put("client-secret", "a-secret");
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
            .filter(f -> f.type().equals("social-care-rest"))
            .findFirst()
            .orElseThrow();

    assertThat(factory).isInstanceOf(SocialCareRestAdapterFactory.class);
  }

  @Test
  void a_configured_source_becomes_an_adapter_with_its_id_and_name() {
    try (SourceAdapter adapter =
        new SocialCareRestAdapterFactory()
            .create(SourceConfig.of("configured-source", settings()))) {

      assertThat(adapter.descriptor().id()).isEqualTo("configured-source");
      assertThat(adapter.descriptor().name()).isEqualTo("Configured name");
      assertThat(adapter.descriptor().organisationOds()).isEqualTo("LA001");
    }
  }

  @Test
  void a_url_that_is_not_one_is_refused_naming_the_setting() {
    Map<String, String> settings = settings();
    settings.put("url", "not a url");

    assertThatThrownBy(
            () ->
                new SocialCareRestAdapterFactory()
                    .create(SourceConfig.of("configured-source", settings)))
        .isInstanceOf(SourceConfigException.class)
        .hasMessageStartingWith(
            "carelens.sources.configured-source.url: not an absolute http(s) URI");
  }
}
