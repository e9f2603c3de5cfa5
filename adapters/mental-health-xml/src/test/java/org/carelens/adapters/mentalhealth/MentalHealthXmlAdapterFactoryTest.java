package org.carelens.adapters.mentalhealth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.sdk.spi.SourceConfig;
import org.carelens.tck.AdapterFactoryContract;
import org.junit.jupiter.api.Test;

class MentalHealthXmlAdapterFactoryTest extends AdapterFactoryContract {

  @Override
  protected SourceAdapterFactory factory() {
    return new MentalHealthXmlAdapterFactory();
  }

  @Override
  protected String expectedOrganisationOds() {
    return "RXY";
  }

  @Override
  protected Map<String, String> settings() {
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
  void a_missing_api_key_is_refused_without_guessing_one() {
    Map<String, String> settings = settings();
    settings.remove("api-key");

    assertThatThrownBy(
            () -> new MentalHealthXmlAdapterFactory().create(SourceConfig.of("mh", settings)))
        .hasMessage("carelens.sources.mh.api-key: required, but not set");
  }
}
