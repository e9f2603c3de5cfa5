package org.carelens.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.junit.jupiter.api.Test;

class StatusMappingTest {

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

  /** The error code is the whole body when it is upper-case letters, as a test source says it. */
  private static final StatusMapping GP =
      StatusMapping.of(
              "the GP Connect provider",
              body ->
                  Optional.of(new String(body, StandardCharsets.UTF_8))
                      .filter(b -> b.matches("[A-Z_]+")))
          .notFoundIsNoRecord("PATIENT_NOT_FOUND", "no record at the practice")
          .forbiddenIsWithheld("NO_PATIENT_CONSENT", "dissent at the practice")
          .clock(NOW);

  @Test
  void a_404_with_the_declared_code_is_no_record() {
    SourceOutcome outcome = GP.outcome(reply(404, "PATIENT_NOT_FOUND"));

    assertThat(outcome).isEqualTo(new SourceOutcome.NoRecord("no record at the practice"));
  }

  @Test
  void a_404_without_the_declared_code_is_an_error_never_no_record() {
    SourceOutcome outcome = GP.outcome(reply(404, "<html>Not Found</html>"));

    assertThat(outcome)
        .isEqualTo(
            new SourceOutcome.Failed(
                Kind.SOURCE_ERROR, "HTTP 404 from the GP Connect provider: not found"));
  }

  @Test
  void a_403_with_the_declared_code_is_withheld_under_that_code() {
    SourceOutcome outcome = GP.outcome(reply(403, "NO_PATIENT_CONSENT"));

    assertThat(outcome)
        .isEqualTo(
            new SourceOutcome.WithheldBySource("NO_PATIENT_CONSENT", "dissent at the practice"));
  }

  @Test
  void a_401_asks_the_operator_to_check_the_credentials() {
    SourceOutcome outcome = GP.credentials("API key").outcome(reply(401, ""));

    assertThat(outcome)
        .isEqualTo(
            new SourceOutcome.Failed(
                Kind.SOURCE_ERROR,
                "HTTP 401 from the GP Connect provider: credentials refused; check the configured"
                    + " API key"));
  }

  @Test
  void a_429_says_how_long_the_source_asks_to_be_left_alone_in_seconds_or_as_a_date() {
    SourceOutcome seconds = GP.outcome(reply(429, "", Map.of("Retry-After", "30")));
    SourceOutcome date =
        GP.outcome(reply(429, "", Map.of("Retry-After", "Thu, 03 Dec 2026 10:02:00 GMT")));

    assertThat(((SourceOutcome.Failed) seconds).detail())
        .isEqualTo(
            "HTTP 429 from the GP Connect provider: too many requests; the source asks for none"
                + " for 30 s");
    assertThat(((SourceOutcome.Failed) date).detail()).endsWith("for 120 s");
  }

  @Test
  void a_server_error_names_the_status_and_the_sources_code_but_not_its_body() {
    SourceOutcome outcome = GP.outcome(reply(503, "UNAVAILABLE"));

    assertThat(outcome)
        .isEqualTo(
            new SourceOutcome.Failed(
                Kind.SOURCE_ERROR,
                "HTTP 503 from the GP Connect provider (UNAVAILABLE): the source failed"));
  }

  @Test
  void gone_means_what_not_found_means_only_where_the_adapter_says_so() {
    StatusMapping pharmacy =
        StatusMapping.of("the pharmacy", body -> Optional.empty())
            .notFoundIsNoRecord("no dispensing record");

    assertThat(pharmacy.outcome(reply(410, ""))).isInstanceOf(SourceOutcome.Failed.class);
    assertThat(pharmacy.goneIsNotFound().outcome(reply(410, "")))
        .isEqualTo(new SourceOutcome.NoRecord("no dispensing record"));
  }

  @Test
  void an_error_code_reader_that_throws_leaves_the_status_alone() {
    StatusMapping broken =
        StatusMapping.of(
            "the trust",
            body -> {
              throw new IllegalStateException("not XML");
            });

    SourceOutcome outcome = broken.outcome(reply(500, "<html>"));

    assertThat(((SourceOutcome.Failed) outcome).detail())
        .isEqualTo("HTTP 500 from the trust: the source failed");
  }

  private static HttpReply reply(int status, String body) {
    return reply(status, body, Map.of());
  }

  private static HttpReply reply(int status, String body, Map<String, String> headers) {
    Map<String, List<String>> values = new java.util.HashMap<>();
    headers.forEach((name, value) -> values.put(name, List.of(value)));
    return new HttpReply(
        URI.create("http://source.example/x"),
        status,
        HttpHeaders.of(values, (a, b) -> true),
        body.getBytes(StandardCharsets.UTF_8));
  }
}
