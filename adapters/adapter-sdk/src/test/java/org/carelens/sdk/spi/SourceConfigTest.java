package org.carelens.sdk.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceConfigTest {

  @Test
  void a_bad_uri_is_reported_with_the_full_setting_name() {
    SourceConfig config = SourceConfig.of("acute", Map.of("url", "ftp://files.example"));

    assertThatThrownBy(() -> config.uri("url"))
        .isInstanceOf(SourceConfigException.class)
        .hasMessageStartingWith("carelens.sources.acute.url: not an absolute http(s) URI")
        .extracting(e -> ((SourceConfigException) e).setting())
        .isEqualTo("carelens.sources.acute.url");
  }

  @Test
  void a_relative_uri_is_not_accepted() {
    SourceConfig config = SourceConfig.of("acute", Map.of("url", "/fhir"));

    assertThatThrownBy(() -> config.uri("url"))
        .hasMessageStartingWith("carelens.sources.acute.url: not an absolute http(s) URI");
  }

  @Test
  void an_http_uri_is_read() {
    SourceConfig config = SourceConfig.of("acute", Map.of("url", " http://localhost:8095 "));

    URI uri = config.uri("url");

    assertThat(uri).isEqualTo(URI.create("http://localhost:8095"));
  }

  @Test
  void a_missing_required_setting_names_the_setting() {
    SourceConfig config = SourceConfig.of("pharmacy", Map.of("url", ""));

    assertThatThrownBy(() -> config.string("provider-ods"))
        .hasMessage("carelens.sources.pharmacy.provider-ods: required, but not set");
    assertThatThrownBy(() -> config.uri("url"))
        .hasMessage("carelens.sources.pharmacy.url: required, but not set");
  }

  @Test
  void blank_optional_settings_count_as_not_set() {
    SourceConfig config = SourceConfig.of("gp", Map.of("pds-url", "  ", "directory-url", ""));

    assertThat(config.optionalUri("pds-url")).isEmpty();
    assertThat(config.optionalString("directory-url")).isEmpty();
    assertThat(config.optionalString("never-set")).isEmpty();
  }

  @Test
  void durations_are_read_in_the_short_form_and_in_iso_8601() {
    SourceConfig config =
        SourceConfig.of(
            "gp", Map.of("a", "500ms", "b", "3s", "c", "5m", "d", "1h", "e", "PT2.5S", "f", "2d"));

    assertThat(config.duration("a")).isEqualTo(Duration.ofMillis(500));
    assertThat(config.duration("b")).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.duration("c")).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.duration("d")).isEqualTo(Duration.ofHours(1));
    assertThat(config.duration("e")).isEqualTo(Duration.ofMillis(2500));
    assertThat(config.duration("f")).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void a_duration_that_is_not_one_or_not_positive_is_refused() {
    SourceConfig config = SourceConfig.of("gp", Map.of("time-limit", "soon", "zero", "0s"));

    assertThatThrownBy(() -> config.duration("time-limit"))
        .hasMessageStartingWith("carelens.sources.gp.time-limit: not a duration");
    assertThatThrownBy(() -> config.optionalDuration("zero"))
        .hasMessageStartingWith("carelens.sources.gp.zero: must be a positive duration");
  }

  @Test
  void a_secret_never_appears_in_a_message_or_in_to_string() {
    SourceConfig config =
        SourceConfig.of("mental-health", Map.of("api-key", "s3cr3t-value", "url", "nope"));

    String described = config.toString();

    assertThat(config.secret("api-key")).isEqualTo("s3cr3t-value");
    assertThat(described).contains("api-key").doesNotContain("s3cr3t-value");
    assertThatThrownBy(() -> config.secret("client-secret"))
        .hasMessage("carelens.sources.mental-health.client-secret: required, but not set");
  }

  @Test
  void flags_lists_and_numbers_are_checked() {
    SourceConfig config =
        SourceConfig.of(
            "gp",
            Map.of(
                "allow-http", "TRUE",
                "endpoint-hosts", "a.example, *.b.example,,",
                "bad-flag", "yes",
                "pages", "20",
                "bad-pages", "-1"));

    assertThat(config.flag("allow-http", false)).isTrue();
    assertThat(config.flag("absent", false)).isFalse();
    assertThat(config.list("endpoint-hosts")).containsExactly("a.example", "*.b.example");
    assertThat(config.list("absent")).isEmpty();
    assertThat(config.optionalPositiveInt("pages")).isEqualTo(Optional.of(20));
    assertThatThrownBy(() -> config.flag("bad-flag", false))
        .hasMessage("carelens.sources.gp.bad-flag: must be true or false (was 'yes')");
    assertThatThrownBy(() -> config.optionalPositiveInt("bad-pages"))
        .hasMessage("carelens.sources.gp.bad-pages: must be a positive whole number (was '-1')");
  }

  @Test
  void the_display_name_falls_back_to_the_source_id() {
    assertThat(SourceConfig.of("gp", Map.of()).displayName()).isEqualTo("gp");
    assertThat(SourceConfig.of("gp", Map.of("name", "GP practice")).displayName())
        .isEqualTo("GP practice");
  }

  @Test
  void a_source_id_that_is_not_one_is_refused() {
    assertThatThrownBy(() -> SourceConfig.of("Acute Trust", Map.of()))
        .hasMessageStartingWith("carelens.sources.Acute Trust: source id must be lower-case");
  }

  @Test
  void a_problem_of_the_whole_source_names_the_source() {
    SourceConfig config = SourceConfig.of("gp", Map.of());

    SourceConfigException problem = config.invalid("routing needs both pds-url and directory-url");

    assertThat(problem)
        .hasMessage("carelens.sources.gp: routing needs both pds-url and directory-url");
  }
}
