package org.carelens.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigChecksTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void an_api_root_loses_its_trailing_slash() {
    URI base =
        ConfigChecks.httpSource(
            "acute", "Acute", URI.create("https://trust.example/fhir/"), SECOND, SECOND, 10);

    assertThat(base).hasToString("https://trust.example/fhir");
  }

  @Test
  void each_refusal_names_the_field_the_value_and_the_source() {
    assertThatThrownBy(() -> ConfigChecks.odsCode("gp", "providerOds", "a81 001"))
        .hasMessage(
            "providerOds must be an ODS code of 3 to 10 upper-case letters or digits, was 'a81"
                + " 001' (source gp)");
    assertThatThrownBy(
            () ->
                ConfigChecks.httpSource(
                    "gp", "GP", URI.create("ftp://gp.example"), SECOND, SECOND, 10))
        .hasMessage(
            "baseUrl must be an absolute http or https URL, was 'ftp://gp.example' (source gp)");
    assertThatThrownBy(
            () ->
                ConfigChecks.httpSource(
                    "gp", "GP", URI.create("https://gp.example"), SECOND, Duration.ZERO, 10))
        .hasMessage("requestTimeout must be positive, was PT0S (source gp)");
  }

  @Test
  void a_secret_that_could_split_a_header_is_refused_without_being_quoted() {
    assertThatThrownBy(() -> ConfigChecks.headerSafe("mh", "apiKey", "key\r\nX: y", false))
        .hasMessage("apiKey must be 1 to 256 printable ASCII characters without spaces (source mh)")
        .message()
        .doesNotContain("X: y");
  }
}
