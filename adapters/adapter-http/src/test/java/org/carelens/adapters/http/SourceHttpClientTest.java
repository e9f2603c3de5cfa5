package org.carelens.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceHttpClientTest {

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
  private SourceHttpClient http;

  @BeforeEach
  void start() {
    server.start();
    http = new SourceHttpClient(Duration.ofSeconds(1), 100);
  }

  @AfterEach
  void stop() {
    http.close();
    server.stop();
  }

  @Test
  void a_whole_answer_comes_back_with_its_status_headers_and_body() throws Exception {
    answer(aResponse().withStatus(404).withHeader("Retry-After", "5").withBody("gone"));

    HttpReply reply = http.send(request(), Deadline.after(Duration.ofSeconds(5)), "the source");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.header("Retry-After")).contains("5");
    assertThat(reply.body()).asString().isEqualTo("gone");
  }

  @Test
  void a_body_over_the_limit_is_a_malformed_payload_naming_the_call() {
    answer(aResponse().withStatus(200).withBody("x".repeat(101)));

    assertThatThrownBy(
            () -> http.send(request(), Deadline.after(Duration.ofSeconds(5)), "the source"))
        .isInstanceOfSatisfying(
            ExchangeFailedException.class,
            e ->
                assertThat(e.outcome())
                    .extracting(f -> f.kind(), f -> f.detail())
                    .containsExactly(
                        Kind.MALFORMED_PAYLOAD,
                        "the source answered more than 100 bytes (HTTP 200); it was not read"));
  }

  @Test
  void an_answer_later_than_the_deadline_is_a_time_out() {
    answer(aResponse().withStatus(200).withBody("late").withFixedDelay(10_000));

    assertThatThrownBy(
            () -> http.send(request(), Deadline.after(Duration.ofMillis(200)), "the source"))
        .isInstanceOfSatisfying(
            ExchangeFailedException.class,
            e -> assertThat(e.outcome().detail()).startsWith("timed out"));
  }

  @Test
  void a_deadline_already_passed_sends_nothing() {
    Deadline passed = Deadline.after(Duration.ofNanos(1));

    assertThatThrownBy(() -> http.send(request(), passed, "the source"))
        .isInstanceOfSatisfying(
            ExchangeFailedException.class,
            e -> assertThat(e.outcome().detail()).startsWith("timed out"));
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void an_interrupted_caller_gets_interrupted_exception() throws Exception {
    answer(aResponse().withStatus(200).withBody("late").withFixedDelay(10_000));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    http.send(request(), Deadline.after(Duration.ofSeconds(30)), "the source");
                  } catch (Exception e) {
                    thrown.set(e);
                  }
                });
    for (int i = 0; i < 1000 && server.getAllServeEvents().isEmpty(); i++) {
      Thread.sleep(10);
    }
    assertThat(server.getAllServeEvents()).as("the request reached the source").isNotEmpty();

    caller.interrupt();
    caller.join(Duration.ofSeconds(5));

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
  }

  private void answer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
    server.stubFor(get(urlPathEqualTo("/x")).willReturn(response));
  }

  private HttpRequest.Builder request() {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/x")).GET();
  }
}
