package org.carelens.gateway.limits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelens.gateway.OnlyTheseSources;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.gateway.audit.AuditEntry;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditQuery;
import org.carelens.gateway.audit.AuditSearch;
import org.carelens.simulators.gp.GpPracticeSimulator;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, abuse limits, over HTTP: each limited function refuses the request over its per-user or
 * per-address limit with {@code 429} problem+json, code {@code RATE_LIMITED} and {@code
 * Retry-After}, and the two limits count independently. Clients connect from 127.0.0.1 and
 * 127.0.0.2 (both loopback) to be two addresses. Windows are 1000 days long (they are aligned to
 * the epoch), so none ends during a test.
 */
class RateLimitApiTest {

  static final String PATIENT = Population.SHOWCASE_NHS_NUMBER;

  final TestLaunchTokens tokens = new TestLaunchTokens();
  final WireMockServer issuer = new WireMockServer(options().dynamicPort());
  final GpPracticeSimulator gp = new GpPracticeSimulator(Population.generate(42, 60));
  final JsonMapper json = JsonMapper.createDefault();
  HttpClient first;
  HttpClient second;
  EmbeddedServer server;

  @BeforeEach
  void start() throws Exception {
    issuer.start();
    issuer.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/jwks.json")
            .willReturn(aResponse().withBody(tokens.jwksJson())));
    gp.start(0);
    first = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.1")).build();
    second = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.getApplicationContext().close();
    }
    issuer.stop();
    gp.stop();
  }

  @Test
  void a_user_over_their_view_limit_gets_429_with_retry_after_while_another_user_is_served()
      throws Exception {
    gateway(Map.of("carelens.limits.views-per-user", "2"));
    String alice = session(first, "alice");
    String bob = session(first, "bob");
    assertThat(view(first, alice).statusCode()).isEqualTo(200);
    assertThat(view(first, alice).statusCode()).isEqualTo(200);

    HttpResponse<String> refused = view(first, alice);

    assertRateLimited(refused, "this user");
    assertThat(view(first, bob).statusCode()).isEqualTo(200);
    assertThat(view(second, alice).statusCode())
        .as("the per-user limit follows the user to another address")
        .isEqualTo(429);
  }

  @Test
  void an_address_over_its_view_limit_gets_429_while_another_address_is_served() throws Exception {
    gateway(Map.of("carelens.limits.views-per-address", "2"));
    String alice = session(first, "alice");
    String bob = session(first, "bob");
    assertThat(view(first, alice).statusCode()).isEqualTo(200);
    assertThat(view(first, alice).statusCode()).isEqualTo(200);

    HttpResponse<String> refused = view(first, bob);

    assertRateLimited(refused, "this address");
    assertThat(view(second, bob).statusCode()).isEqualTo(200);
  }

  @Test
  void the_record_stream_and_documents_share_the_view_limit() throws Exception {
    gateway(Map.of("carelens.limits.views-per-user", "2"));
    String alice = session(first, "alice");
    assertThat(view(first, alice).statusCode()).isEqualTo(200);
    assertThat(get(first, alice, "/api/v1/patients/" + PATIENT + "/record/stream").statusCode())
        .isEqualTo(200);

    HttpResponse<String> document =
        get(first, alice, "/api/v1/patients/" + PATIENT + "/documents/gp/any");

    assertRateLimited(document, "this user");
  }

  @Test
  void an_address_over_its_session_limit_is_refused_before_its_token_is_even_read()
      throws Exception {
    gateway(Map.of("carelens.limits.sessions-per-address", "2"));
    session(first, "alice");
    session(first, "bob");
    String carol = tokens.token("clinician", PATIENT, c -> c.subject("carol"));
    long entriesBefore = audit(Optional.empty()).size();

    HttpResponse<String> refused = launch(first, carol);

    assertRateLimited(refused, "this address");
    assertThat(audit(Optional.empty()))
        .as("a 429 writes no audit entry")
        .hasSize((int) entriesBefore);
    assertThat(launch(second, carol).statusCode())
        .as("the refused token was not used up: another address may still exchange it")
        .isEqualTo(201);
  }

  @Test
  void a_user_over_their_session_limit_gets_429_and_the_refusal_is_audited_naming_them()
      throws Exception {
    gateway(Map.of("carelens.limits.sessions-per-user", "1"));
    session(first, "alice");

    HttpResponse<String> refused =
        launch(second, tokens.token("clinician", PATIENT, c -> c.subject("alice")));

    assertRateLimited(refused, "this user");
    assertThat(audit(Optional.of(AuditEventType.LAUNCH_REJECTED)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reasonCode()).contains("RATE_LIMITED");
              assertThat(e.userId()).contains("alice");
            });
  }

  @Test
  void relationship_claims_and_break_glass_have_their_own_per_user_limits() throws Exception {
    Map<String, String> limits = new HashMap<>();
    limits.put("carelens.limits.claims-per-user", "1");
    limits.put("carelens.limits.break-glass-per-user", "1");
    gateway(limits);
    String alice = session(first, "alice");
    String claim =
        "{\"reasonCode\":\"covering-colleague\",\"reason\":\"Covering the ward round today\"}";
    String breakGlass =
        "{\"reason\":\"Immediate risk to life\",\"detail\":\"Collapsed in the waiting room\"}";
    assertThat(post(first, alice, relationshipPath("9434765919"), claim).statusCode())
        .isEqualTo(201);
    assertThat(post(first, alice, "/api/v1/patients/" + PATIENT + "/break-glass", breakGlass))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(201);

    HttpResponse<String> secondClaim = post(first, alice, relationshipPath("9434765870"), claim);
    HttpResponse<String> secondBreakGlass =
        post(first, alice, "/api/v1/patients/" + PATIENT + "/break-glass", breakGlass);

    assertRateLimited(secondClaim, "claims");
    assertRateLimited(secondBreakGlass, "break-glass");
  }

  @Test
  void unlimited_endpoints_are_not_counted() throws Exception {
    gateway(
        Map.of("carelens.limits.views-per-user", "1", "carelens.limits.views-per-address", "1"));
    String alice = session(first, "alice");

    for (int i = 0; i < 5; i++) {
      assertThat(get(first, alice, "/api/v1/sources").statusCode()).isEqualTo(200);
    }

    assertThat(view(first, alice).statusCode()).isEqualTo(200);
  }

  private void assertRateLimited(HttpResponse<String> response, String why) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(response.headers().firstValueAsLong("Retry-After").orElse(0))
        .isBetween(1L, Duration.ofDays(1000).toSeconds());
    assertThat(response.headers().firstValue("X-Correlation-ID")).isPresent();
    Map<String, Object> problem =
        json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    assertThat(problem).containsEntry("code", "RATE_LIMITED").containsEntry("status", 429);
    assertThat((String) problem.get("detail")).contains(why);
  }

  private void gateway(Map<String, String> limits) {
    Map<String, Object> p = new HashMap<>(OnlyTheseSources.disableOthers(Set.of("gp")));
    p.put("micronaut.server.port", -1);
    p.put("carelens.launch.issuer", TestLaunchTokens.ISSUER);
    p.put("carelens.launch.audience", TestLaunchTokens.AUDIENCE);
    p.put("carelens.launch.jwks-url", issuer.baseUrl() + "/jwks.json");
    p.put("carelens.sources.gp.url", gp.baseUrl());
    p.put("carelens.limits.period", "1000d");
    p.putAll(limits);
    server = ApplicationContext.run(EmbeddedServer.class, p, "test");
  }

  private String session(HttpClient client, String user) throws Exception {
    HttpResponse<String> response =
        launch(client, tokens.token("clinician", PATIENT, c -> c.subject(user)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return (String)
        json.readValue(response.body(), Argument.mapOf(String.class, Object.class))
            .get("accessToken");
  }

  private HttpResponse<String> launch(HttpClient client, String launchToken) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri("/api/v1/sessions"))
            .header("Authorization", "Bearer " + launchToken)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> view(HttpClient client, String session) throws Exception {
    return get(client, session, "/api/v1/patients/" + PATIENT + "/record?sections=allergies");
  }

  private HttpResponse<String> get(HttpClient client, String session, String path)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + session).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(HttpClient client, String session, String path, String body)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + session)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String relationshipPath(String nhsNumber) {
    return "/api/v1/patients/" + nhsNumber + "/relationship";
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }

  private List<AuditEntry> audit(Optional<AuditEventType> event) {
    return server
        .getApplicationContext()
        .getBean(AuditSearch.class)
        .find(
            new AuditQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                event,
                Optional.empty(),
                Optional.empty(),
                AuditQuery.MAX_LIMIT));
  }
}
