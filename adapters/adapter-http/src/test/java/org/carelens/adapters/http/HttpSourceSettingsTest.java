package org.carelens.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.carelens.sdk.spi.SourceConfig;
import org.carelens.sdk.spi.SourceConfigException;
import org.junit.jupiter.api.Test;

class HttpSourceSettingsTest {

  @Test
  void the_request_timeout_is_a_backstop_just_past_the_gateways_time_limit() {
    SourceConfig config = SourceConfig.of("acute", Map.of("time-limit", "2s"));

    assertThat(HttpSourceSettings.requestTimeout(config)).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void without_settings_the_gateways_defaults_apply() {
    SourceConfig config = SourceConfig.of("acute", Map.of());

    assertThat(HttpSourceSettings.requestTimeout(config)).isEqualTo(Duration.ofMillis(3500));
    assertThat(HttpSourceSettings.connectTimeout(config)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void a_config_record_that_refuses_a_value_is_reported_as_a_problem_of_the_source() {
    SourceConfig config = SourceConfig.of("pharmacy", Map.of());

    assertThatThrownBy(
            () ->
                HttpSourceSettings.checked(
                    config,
                    () -> {
                      throw new IllegalArgumentException("pharmacyOds must be an ODS code");
                    }))
        .isInstanceOf(SourceConfigException.class)
        .hasMessage("carelens.sources.pharmacy: pharmacyOds must be an ODS code");
  }
}
