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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.carelens.gateway.OnlyTheseSources;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.gateway.audit.AnonymousRefusals;
import org.carelens.gateway.audit.AuditEntry;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditQuery;
import org.carelens.gateway.audit.AuditSearch;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.simulators.gp.GpPracticeSimulator;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: a flood of bad tokens from one address adds a handful of audit entries, not one per
 * request, every refusal is still counted, and a real user on another address keeps being served.
 * The gateway runs on the shipped configuration (not the test environment), with an in-memory
 * database. Behavioural only: nothing here depends on how long anything takes.
 */
class BadTokenFloodTest {

  static final int FLOOD = 300;
  static final String PATIENT = Population.SHOWCASE_NHS_NUMBER;

  final TestLaunchTokens tokens = new TestLaunchTokens();
  final WireMockServer issuer = new WireMockServer(options().dynamicPort());
  final GpPracticeSimulator gp = new GpPracticeSimulator(Population.generate(42, 60));
  final JsonMapper json = JsonMapper.createDefault();
  HttpClient attacker;
  HttpClient clinician;
  EmbeddedServer server;

  @BeforeEach
  void start() throws Exception {
    issuer.start();
    issuer.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/jwks.json")
            .willReturn(aResponse().withBody(tokens.jwksJson())));
    gp.start(0);
    attacker = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.1")).build();
    clinician = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
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
  void without_rate_limits_a_flood_of_bad_tokens_adds_a_handful_of_entries_and_counts_every_one()
      throws Exception {
    gateway(Map.of("carelens.limits.enabled", "false"));
    String session = session();
    int before = refusals().size();

    Map<Integer, Integer> statuses = flood();
    int written = refusals().size() - before;
    server.getApplicationContext().getBean(AnonymousRefusals.class).flushAll();

    assertThat(statuses).containsExactly(Map.entry(401, FLOOD));
    assertThat(written).as("entries written during the flood").isLessThanOrEqualTo(2);
    List<AuditEntry> added = refusals().subList(0, refusals().size() - before);
    assertThat(added).as("entries after the summaries").hasSizeLessThanOrEqualTo(4);
    assertThat(added.stream().mapToLong(this::stands).sum()).isEqualTo(FLOOD);
    assertThat(view(session).statusCode()).isEqualTo(200);
  }

  @Test
  void with_the_shipped_limits_most_of_the_flood_is_refused_429_before_any_audit_work()
      throws Exception {
    gateway(Map.of());
    String session = session();
    int before = refusals().size();

    Map<Integer, Integer> statuses = flood();
    server.getApplicationContext().getBean(AnonymousRefusals.class).flushAll();

    List<AuditEntry> added = refusals().subList(0, refusals().size() - before);
    assertThat(statuses.keySet()).containsOnly(401, 429);
    assertThat(statuses.get(429)).as("over 60 launches a minute from one address").isPositive();
    assertThat(added).hasSizeLessThanOrEqualTo(4);
    assertThat(added.stream().mapToLong(this::stands).sum()).isEqualTo((long) statuses.get(401));
    assertThat(view(session).statusCode()).isEqualTo(200);
  }

  /** Half bad launch tokens, half bad session tokens, 20 at a time, from 127.0.0.1. */
  private Map<Integer, Integer> flood() throws Exception {
    Semaphore inFlight = new Semaphore(20);
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<CompletableFuture<?>> sent = new ArrayList<>();
    for (int i = 0; i < FLOOD; i++) {
      inFlight.acquire();
      HttpRequest request =
          i % 2 == 0
              ? HttpRequest.newBuilder(uri("/api/v1/sessions"))
                  .header("Authorization", "Bearer not.a.launch-token-" + i)
                  .timeout(Duration.ofSeconds(30))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build()
              : HttpRequest.newBuilder(uri("/api/v1/patients/" + PATIENT + "/record"))
                  .header("Authorization", "Bearer forged-session-" + i)
                  .timeout(Duration.ofSeconds(30))
                  .build();
      sent.add(
          attacker
              .sendAsync(request, HttpResponse.BodyHandlers.discarding())
              .whenComplete(
                  (response, failure) -> {
                    inFlight.release();
                    int status = failure == null ? response.statusCode() : -1;
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                  }));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    Map<Integer, Integer> counts = new HashMap<>();
    statuses.forEach((status, n) -> counts.put(status, n.get()));
    return counts;
  }

  private long stands(AuditEntry entry) {
    try {
      Map<String, Object> details =
          json.readValue(entry.details(), Argument.mapOf(String.class, Object.class));
      return Boolean.TRUE.equals(details.get("summary"))
          ? ((Number) details.get("count")).longValue()
          : 1;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Launch and token refusals, newest first. */
  private List<AuditEntry> refusals() {
    AuditSearch search = server.getApplicationContext().getBean(AuditSearch.class);
    List<AuditEntry> entries = new ArrayList<>();
    for (AuditEventType type :
        List.of(AuditEventType.LAUNCH_REJECTED, AuditEventType.TOKEN_REJECTED)) {
      entries.addAll(
          search.find(
              new AuditQuery(
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.of(type),
                  Optional.empty(),
                  Optional.empty(),
                  AuditQuery.MAX_LIMIT)));
    }
    entries.sort((a, b) -> Long.compare(b.sequence(), a.sequence()));
    return entries;
  }

  private void gateway(Map<String, String> overrides) {
    Map<String, Object> p = new HashMap<>(OnlyTheseSources.disableOthers(Set.of("gp")));
    p.put("micronaut.server.port", -1);
    p.put("carelens.launch.issuer", TestLaunchTokens.ISSUER);
    p.put("carelens.launch.audience", TestLaunchTokens.AUDIENCE);
    p.put("carelens.launch.jwks-url", issuer.baseUrl() + "/jwks.json");
    p.put("carelens.sources.gp.url", gp.baseUrl());
    p.put("datasources.default.url", TestDatabases.h2MemoryUrl());
    p.putAll(overrides);
    // Not the test environment (whose limits are out of reach): the shipped application.yml.
    server =
        ApplicationContext.builder(p)
            .deduceEnvironment(false)
            .start()
            .getBean(EmbeddedServer.class)
            .start();
  }

  private String session() throws Exception {
    HttpResponse<String> response =
        clinician.send(
            HttpRequest.newBuilder(uri("/api/v1/sessions"))
                .header("Authorization", "Bearer " + tokens.token("clinician", PATIENT))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return (String)
        json.readValue(response.body(), Argument.mapOf(String.class, Object.class))
            .get("accessToken");
  }

  private HttpResponse<String> view(String session) throws Exception {
    return clinician.send(
        HttpRequest.newBuilder(uri("/api/v1/patients/" + PATIENT + "/record?sections=allergies"))
            .header("Authorization", "Bearer " + session)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }
}
