package org.carelens.gateway.audit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.sql.DataSource;
import org.carelens.gateway.GatewayTestClient;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.simulators.gp.GpPracticeSimulator;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Audit before display (PRODUCT.md principle 4): when the audit database stops accepting writes
 * after the session was opened, the record request fails with 503 and not one byte of the record.
 */
class AuditBeforeDisplayTest {

  static final String SHOWCASE = Population.SHOWCASE_NHS_NUMBER;

  final TestLaunchTokens tokens = new TestLaunchTokens();
  final WireMockServer issuer = new WireMockServer(options().dynamicPort());
  final GpPracticeSimulator gp = new GpPracticeSimulator(Population.generate(42, 60));
  final HttpClient http = HttpClient.newHttpClient();
  EmbeddedServer server;

  @BeforeEach
  void start() {
    issuer.start();
    issuer.stubFor(
        get("/jwks.json")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(tokens.jwksJson())));
    gp.start(0);
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.of(
                "micronaut.server.port",
                -1,
                "carelens.launch.issuer",
                TestLaunchTokens.ISSUER,
                "carelens.launch.audience",
                TestLaunchTokens.AUDIENCE,
                "carelens.launch.jwks-url",
                issuer.baseUrl() + "/jwks.json",
                "carelens.sources.gp.url",
                gp.baseUrl()),
            "test");
  }

  @AfterEach
  void stop() {
    server.getApplicationContext().close();
    issuer.stop();
    gp.stop();
  }

  @Test
  void when_the_audit_cannot_be_written_the_view_fails_with_503_and_shows_nothing()
      throws Exception {
    String accessToken = session();
    // Only the audit trail breaks: the consent register must still be readable, so the view gets
    // as far as its audit write (a dead database as a whole is refused earlier, by consent).
    try (var c = server.getApplicationContext().getBean(DataSource.class).getConnection();
        var s = c.createStatement()) {
      s.execute("ALTER TABLE audit_chain_head RENAME TO audit_chain_head_gone");
    }

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(server.getURL() + "/api/v1/patients/" + SHOWCASE + "/record"))
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("AUDIT_UNAVAILABLE");
    assertThat(response.body())
        .doesNotContainIgnoringCase("jones")
        .doesNotContain("1950-03-12")
        .doesNotContainIgnoringCase("penicillin")
        .doesNotContainIgnoringCase("amlodipine")
        .doesNotContain("\"sections\"");
  }

  /**
   * A launch whose audit entry cannot be written opens no session, and its token is still unused
   * (its single use commits with the session and the entry): once the audit is back, the same token
   * opens a session.
   */
  @Test
  void a_launch_that_cannot_be_audited_opens_no_session_and_leaves_its_token_unused()
      throws Exception {
    String token = tokens.token("clinician", SHOWCASE);
    try (var c = server.getApplicationContext().getBean(DataSource.class).getConnection();
        var s = c.createStatement()) {
      s.execute("ALTER TABLE audit_chain_head RENAME TO audit_chain_head_gone");
    }

    HttpResponse<String> refused = exchange(token);

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body()).contains("AUDIT_UNAVAILABLE").doesNotContain("accessToken");
    try (var c = server.getApplicationContext().getBean(DataSource.class).getConnection();
        var s = c.createStatement()) {
      s.execute("ALTER TABLE audit_chain_head_gone RENAME TO audit_chain_head");
    }
    HttpResponse<String> retried = exchange(token);
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
  }

  private GatewayTestClient client() {
    return new GatewayTestClient(
        server.getURL().toString(), server.getApplicationContext().getBean(JsonMapper.class));
  }

  private HttpResponse<String> exchange(String launchToken) throws Exception {
    return client().exchange(launchToken);
  }

  private String session() throws Exception {
    return client().session(tokens.token("clinician", SHOWCASE));
  }
}
