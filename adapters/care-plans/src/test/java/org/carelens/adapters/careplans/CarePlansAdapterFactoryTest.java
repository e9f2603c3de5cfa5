package org.carelens.adapters.careplans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.sdk.spi.SourceConfig;
import org.junit.jupiter.api.Test;

class CarePlansAdapterFactoryTest {

  private static Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("type", "care-plans");
    settings.put("name", "Care plans (National Record Locator)");
    settings.put("url", "http://localhost:8099");
    settings.put("provider-ods", "X26");
    settings.put("time-limit", "PT3S");
    settings.put("connect-timeout", "PT1S");
    return settings;
  }

  @Test
  void the_gateway_finds_the_factory_through_the_service_loader() {
    assertThat(ServiceLoader.load(SourceAdapterFactory.class).stream())
        .map(ServiceLoader.Provider::get)
        .anySatisfy(f -> assertThat(f).isInstanceOf(CarePlansAdapterFactory.class))
        .allSatisfy(f -> assertThat(f.type()).isEqualTo("care-plans"));
  }

  @Test
  void a_configured_source_offers_alerts_and_documents() {
    try (SourceAdapter adapter =
        new CarePlansAdapterFactory().create(SourceConfig.of("care-plans", settings()))) {

      assertThat(adapter.descriptor().id()).isEqualTo("care-plans");
      assertThat(adapter.descriptor().name()).isEqualTo("Care plans (National Record Locator)");
      assertThat(adapter.descriptor().organisationOds()).isEqualTo("X26");
      assertThat(adapter.descriptor().sections())
          .containsExactlyInAnyOrder(Section.ALERTS, Section.DOCUMENTS);
    }
  }

  @Test
  void a_bad_setting_is_refused_naming_it() {
    Map<String, String> settings = settings();
    settings.put("max-response-bytes", "lots");

    assertThatThrownBy(
            () -> new CarePlansAdapterFactory().create(SourceConfig.of("care-plans", settings)))
        .hasMessageStartingWith(
            "carelens.sources.care-plans.max-response-bytes: must be a positive");
  }
}
