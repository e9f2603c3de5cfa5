package org.carelens.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the gateway turns configuration into adapters through the factories on its classpath (here
 * the test classpath's adapter modules), reading each source's settings generically.
 */
class SourceAdaptersFactoryTest {

  private ApplicationContext context;

  private Environment environment(Map<String, Object> properties) {
    context = ApplicationContext.builder().properties(properties).build();
    return context.getEnvironment().start();
  }

  @AfterEach
  void close() {
    if (context != null) {
      context.getEnvironment().stop();
    }
  }

  private static SourceProperties source(String id, String type) {
    SourceProperties source = new SourceProperties(id);
    source.setType(type);
    return source;
  }

  @Test
  void an_adapters_own_settings_reach_it_as_written_with_the_gateways_resolved_ones() {
    Map<String, Object> properties = new HashMap<>();
    properties.put("carelens.sources.gp.type", "gp-connect");
    properties.put("carelens.sources.gp.url", "http://localhost:8091");
    properties.put("carelens.sources.gp.provider-ods", "A81001");
    properties.put("carelens.sources.gp.pds-url", "http://localhost:8093");
    properties.put("carelens.sources.gp.endpoint-hosts", List.of("a.example", "*.b.example"));
    properties.put("carelens.sources.gp.allow-http", true);
    Environment environment = environment(properties);
    SourceProperties gp = source("gp", "gp-connect");
    gp.setTimeLimit(Duration.ofSeconds(2));

    Map<String, String> settings = SourceSettings.read(environment, gp);

    assertThat(settings)
        .containsEntry("url", "http://localhost:8091")
        .containsEntry("provider-ods", "A81001")
        .containsEntry("pds-url", "http://localhost:8093")
        .containsEntry("endpoint-hosts", "a.example,*.b.example")
        .containsEntry("allow-http", "true")
        .containsEntry("type", "gp-connect")
        .containsEntry("name", "gp")
        .containsEntry("time-limit", "PT2S")
        .containsEntry("connect-timeout", "PT1S");
  }

  @Test
  void an_unknown_type_stops_start_up_listing_the_known_types() {
    Environment environment = environment(Map.of("carelens.sources.ehr.type", "epic-fhir"));

    assertThatThrownBy(() -> new SourceAdapters(List.of(source("ehr", "epic-fhir")), environment))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("carelens.sources.ehr.type: 'epic-fhir' is not a known source type")
        .hasMessageContaining(
            "known types: community-pharmacy, fhir-r4, gp-connect, mental-health-xml, pds,"
                + " social-care-rest");
  }

  @Test
  void a_source_without_a_type_stops_start_up() {
    Environment environment = environment(Map.of("carelens.sources.ehr.url", "http://x"));

    assertThatThrownBy(() -> new SourceAdapters(List.of(source("ehr", "")), environment))
        .hasMessageStartingWith("carelens.sources.ehr.type: required, but not set (known types:");
  }

  @Test
  void a_setting_the_adapter_refuses_stops_start_up_naming_it() {
    Environment environment =
        environment(
            Map.of(
                "carelens.sources.acute.type", "fhir-r4",
                "carelens.sources.acute.url", "localhost:8095",
                "carelens.sources.acute.provider-ods", "RXX"));

    assertThatThrownBy(() -> new SourceAdapters(List.of(source("acute", "fhir-r4")), environment))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("carelens.sources.acute.url: not an absolute http(s) URI");
  }

  @Test
  void a_disabled_source_is_not_built_whatever_its_type() {
    SourceProperties off = source("old", "retired-type");
    off.setEnabled(false);
    SourceProperties acute = source("acute", "fhir-r4");
    Environment environment =
        environment(
            Map.of(
                "carelens.sources.acute.url", "http://localhost:8095",
                "carelens.sources.acute.provider-ods", "RXX"));

    SourceAdapters adapters = new SourceAdapters(List.of(off, acute), environment);

    assertThat(adapters.adapters()).extracting(a -> a.descriptor().id()).containsExactly("acute");
  }
}
