package org.carelens.adapters.careplans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.sdk.spi.SourceConfig;
import org.carelens.tck.AdapterFactoryContract;
import org.junit.jupiter.api.Test;

class CarePlansAdapterFactoryTest extends AdapterFactoryContract {

  @Override
  protected SourceAdapterFactory factory() {
    return new CarePlansAdapterFactory();
  }

  @Override
  protected String expectedOrganisationOds() {
    return "X26";
  }

  @Override
  protected Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("type", "care-plans");
    settings.put("name", "Configured name");
    settings.put("url", "http://localhost:8099");
    settings.put("provider-ods", "X26");
    settings.put("time-limit", "PT3S");
    settings.put("connect-timeout", "PT1S");
    return settings;
  }

  @Test
  void a_configured_source_offers_alerts_and_documents() {
    try (SourceAdapter adapter = factory().create(SourceConfig.of("care-plans", settings()))) {

      assertThat(adapter.descriptor().sections())
          .containsExactlyInAnyOrder(Section.ALERTS, Section.DOCUMENTS);
    }
  }

  @Test
  void a_bad_setting_is_refused_naming_it() {
    Map<String, String> settings = settings();
    settings.put("max-response-bytes", "lots");

    assertThatThrownBy(() -> factory().create(SourceConfig.of("care-plans", settings)))
        .hasMessageStartingWith(
            "carelens.sources.care-plans.max-response-bytes: must be a positive");
  }
}
