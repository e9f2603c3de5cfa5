package org.carelens.adapters.gpconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GpConnectConfigTest {

  private static final URI BASE =
      URI.create("https://gp.example.nhs.uk/A81001/STU3/1/gpconnect/structured/fhir/");

  @Test
  void operation_url_is_the_structured_record_operation_under_the_endpoint_root() {
    GpConnectConfig config =
        GpConnectConfig.withDefaults(
            "gp", "GP practice (GP Connect)", BASE, "A81001", "200000000359");

    URI operation = config.operationUrl();

    assertThat(operation)
        .hasToString(
            "https://gp.example.nhs.uk/A81001/STU3/1/gpconnect/structured/fhir/Patient/$gpc.getstructuredrecord");
  }

  @Test
  void defaults_bound_the_exchange_and_the_body() {
    GpConnectConfig config =
        GpConnectConfig.withDefaults("gp", "GP", BASE, "A81001", "200000000359");

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.maxResponseBytes()).isEqualTo(10 * 1024 * 1024);
  }

  @Test
  void source_id_must_be_lower_case_letters_digits_and_hyphens() {
    assertThatThrownBy(
            () -> GpConnectConfig.withDefaults("GP 1", "GP", BASE, "A81001", "200000000359"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sourceId must be lower-case letters, digits and hyphens")
        .hasMessageContaining("'GP 1'");
  }

  @Test
  void base_url_must_be_http_or_https() {
    assertThatThrownBy(
            () ->
                GpConnectConfig.withDefaults(
                    "gp", "GP", URI.create("ftp://gp.example/fhir"), "A81001", "200000000359"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "baseUrl must be an absolute http or https URL, was 'ftp://gp.example/fhir' (source gp)");
  }

  @Test
  void base_url_must_not_carry_a_query() {
    assertThatThrownBy(
            () ->
                GpConnectConfig.withDefaults(
                    "gp",
                    "GP",
                    URI.create("https://gp.example/fhir?x=1"),
                    "A81001",
                    "200000000359"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without query or fragment");
  }

  @Test
  void provider_ods_code_must_look_like_an_ods_code() {
    assertThatThrownBy(
            () -> GpConnectConfig.withDefaults("gp", "GP", BASE, "a81 001", "200000000359"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "providerOds must be an ODS code of 3 to 10 upper-case letters or digits, was 'a81 001' (source gp)");
  }

  @Test
  void consumer_asid_cannot_smuggle_a_header() {
    assertThatThrownBy(
            () -> GpConnectConfig.withDefaults("gp", "GP", BASE, "A81001", "2000\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("consumerAsid must be 1 to 36 letters, digits or hyphens");
  }

  @Test
  void timeouts_must_be_positive() {
    GpConnectConfig config =
        GpConnectConfig.withDefaults("gp", "GP", BASE, "A81001", "200000000359");

    assertThatThrownBy(() -> config.withTimeouts(Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestTimeout must be positive, was PT0S (source gp)");
  }

  @Test
  void response_limit_must_be_positive() {
    GpConnectConfig config =
        GpConnectConfig.withDefaults("gp", "GP", BASE, "A81001", "200000000359");

    assertThatThrownBy(() -> config.withMaxResponseBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxResponseBytes must be positive, was 0 (source gp)");
  }
}
