package org.carelens.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientCredentialsTokensTest {

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-03T10:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private SourceHttpClient http;
  private ClientCredentialsTokens tokens;

  @BeforeEach
  void start() {
    server.start();
    http = new SourceHttpClient(Duration.ofSeconds(1), 64 * 1024);
    tokens =
        new ClientCredentialsTokens(
            http,
            URI.create(server.baseUrl() + "/oauth/token"),
            "carelens",
            "s3cr3t",
            "the token endpoint",
            clock);
  }

  @AfterEach
  void stop() {
    http.close();
    server.stop();
  }

  @Test
  void one_token_serves_until_shortly_before_it_expires() throws Exception {
    answer("{\"access_token\":\"t1\",\"token_type\":\"Bearer\",\"expires_in\":300}");

    String first = tokens.token(deadline());
    now.set(now.get().plusSeconds(269));
    String stillCached = tokens.token(deadline());
    now.set(now.get().plusSeconds(2));
    tokens.token(deadline());

    assertThat(first).isEqualTo("t1").isEqualTo(stillCached);
    server.verify(
        2,
        postRequestedFor(urlPathEqualTo("/oauth/token"))
            .withHeader("Authorization", equalTo("Basic Y2FyZWxlbnM6czNjcjN0"))
            .withRequestBody(equalTo("grant_type=client_credentials")));
  }

  @Test
  void a_refused_token_is_fetched_again_after_it_is_invalidated() throws Exception {
    answer("{\"access_token\":\"t1\",\"token_type\":\"bearer\",\"expires_in\":300}");
    tokens.invalidate(tokens.token(deadline()));

    tokens.token(deadline());

    server.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
  }

  @Test
  void refused_credentials_are_a_source_error_naming_the_oauth_code_never_the_secret() {
    server.stubFor(
        post(urlPathEqualTo("/oauth/token"))
            .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\"}")));

    assertThatThrownBy(() -> tokens.token(deadline()))
        .isInstanceOfSatisfying(
            ExchangeFailedException.class,
            e -> {
              assertThat(e.outcome().kind()).isEqualTo(Kind.SOURCE_ERROR);
              assertThat(e.outcome().detail())
                  .isEqualTo(
                      "the token endpoint answered HTTP 401 invalid_client; check the configured"
                          + " client id and secret")
                  .doesNotContain("s3cr3t");
            });
  }

  @Test
  void an_answer_without_a_bearer_token_is_malformed() {
    answer("{\"access_token\":\"t1\",\"token_type\":\"mac\"}");

    assertThatThrownBy(() -> tokens.token(deadline()))
        .isInstanceOfSatisfying(
            ExchangeFailedException.class,
            e -> assertThat(e.outcome().kind()).isEqualTo(Kind.MALFORMED_PAYLOAD));
  }

  private void answer(String body) {
    server.stubFor(
        post(urlPathEqualTo("/oauth/token"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  private static Deadline deadline() {
    return Deadline.after(Duration.ofSeconds(5));
  }
}
