package org.carelens.gateway.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelens.gateway.GatewayTestClient;
import org.carelens.gateway.OnlyTheseSources;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditQuery;
import org.carelens.gateway.audit.AuditSearch;
import org.carelens.gateway.fanout.FanoutEngine;
import org.carelens.gateway.record.RecordView;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.gp.GpPracticeSimulator;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The issue's fault matrix: three GP Connect sources ({@code gp}, {@code gp2}, {@code gp3}), each a
 * real adapter; {@code gp3} goes through a WireMock server that forwards to a simulated practice
 * when healthy and injects one fault at a time. The view must come back within the deadline plus a
 * small margin, with the faulty source's status right and the others' data intact.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixTest implements TestPropertyProvider {

  static final String SHOWCASE = Population.SHOWCASE_NHS_NUMBER;
  static final String PENICILLIN = "91936005";
  static final Duration DEADLINE = Duration.ofMillis(1500);
  static final Duration TIME_LIMIT = Duration.ofMillis(1000);
  static final Duration MARGIN = Duration.ofMillis(500);

  final TestLaunchTokens tokens = new TestLaunchTokens();
  final WireMockServer issuer = new WireMockServer(options().dynamicPort());
  final Population population = Population.generate(42, 60);
  final GpPracticeSimulator gp = new GpPracticeSimulator(population);
  final GpPracticeSimulator gp2 = new GpPracticeSimulator(population);
  final GpPracticeSimulator behindProxy = new GpPracticeSimulator(population);
  WireMockServer gp3;
  int gp3Port;

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject FanoutEngine fanout;
  @Inject AuditSearch auditSearch;
  GatewayTestClient client;

  @Override
  public Map<String, String> getProperties() {
    issuer.start();
    issuer.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/jwks.json")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(tokens.jwksJson())));
    gp.start(0);
    gp2.start(0);
    behindProxy.start(0);
    gp3Port = freePort();
    startGp3();
    Map<String, String> p =
        new HashMap<>(OnlyTheseSources.disableOthers(Set.of("gp", "gp2", "gp3")));
    p.put("micronaut.server.port", "-1");
    p.put("carelens.launch.issuer", TestLaunchTokens.ISSUER);
    p.put("carelens.launch.audience", TestLaunchTokens.AUDIENCE);
    p.put("carelens.launch.jwks-url", issuer.baseUrl() + "/jwks.json");
    p.put("carelens.fanout.deadline", DEADLINE.toMillis() + "ms");
    source(p, "gp", gp.baseUrl());
    source(p, "gp2", gp2.baseUrl());
    source(p, "gp3", "http://localhost:" + gp3Port);
    return p;
  }

  private void source(Map<String, String> p, String id, String url) {
    String prefix = "carelens.sources." + id + ".";
    p.put(prefix + "type", "gp-connect");
    p.put(prefix + "name", "Practice " + id);
    p.put(prefix + "url", url);
    p.put(prefix + "provider-ods", gp.practice().odsCode());
    p.put(prefix + "time-limit", TIME_LIMIT.toMillis() + "ms");
    p.put(prefix + "connect-timeout", "200ms");
    p.put(prefix + "retry-backoff", "50ms");
    // Every view asks the source (no fresh-cache answers), but stale copies may still be served.
    p.put(prefix + "cache-ttl", "0s");
    // The matrix injects one fault per test; the breaker's own behaviour is tested on its own.
    p.put(prefix + "breaker-minimum-calls", "1000");
    p.put(prefix + "breaker-window", "1000");
  }

  @BeforeEach
  void healthy() throws Exception {
    if (!gp3.isRunning()) {
      startGp3();
    }
    gp3.resetAll();
    gp3.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(behindProxy.baseUrl())));
    client = new GatewayTestClient(server.getURL().toString(), json);
    // The first views in a fresh JVM initialise HAPI FHIR and the JIT on both sides, which can
    // take longer than the short time limit used here; that is not what these tests measure.
    for (int i = 0; i < 10 && !warm; i++) {
      warm = view().sources().stream().allMatch(s -> s.status().equals("OK"));
    }
    fanout.purge(new NhsNumber(SHOWCASE));
  }

  private boolean warm;

  @AfterAll
  void stop() {
    issuer.stop();
    gp.stop();
    gp2.stop();
    behindProxy.stop();
    gp3.stop();
  }

  @Test
  void with_every_source_healthy_the_allergy_appears_once_listing_all_three() throws Exception {
    RecordView view = view();

    assertThat(view.sources()).extracting(RecordView.SourceView::status).containsOnly("OK");
    assertThat(penicillin(view).sources())
        .extracting(RecordView.ItemSource::id)
        .containsExactlyInAnyOrder("gp", "gp2", "gp3");
  }

  @Test
  void a_slow_source_times_out_at_its_time_limit_and_the_others_are_intact() throws Exception {
    gp3.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .proxiedFrom(behindProxy.baseUrl())
                    .withFixedDelay((int) TIME_LIMIT.plusMillis(300).toMillis())));

    assertFault("TIMEOUT");
  }

  @Test
  void a_hanging_source_is_cut_off_and_the_others_are_intact() throws Exception {
    gp3.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(6_000)));

    assertFault("TIMEOUT");
  }

  @Test
  void a_source_that_is_down_is_unavailable_after_one_retry_and_the_others_are_intact()
      throws Exception {
    gp3.stop();

    assertFault("ERROR");
  }

  @Test
  void a_source_answering_garbage_is_an_error_and_the_others_are_intact() throws Exception {
    gp3.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody("{\"resourceType\": \"Bundle\", \"entry\": [ garbage")));

    assertFault("ERROR");
  }

  @Test
  void a_source_resetting_the_connection_is_an_error_and_the_others_are_intact() throws Exception {
    gp3.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertFault("ERROR");
  }

  @Test
  void a_flaky_source_fails_alone_and_after_one_success_its_failures_show_the_labelled_copy()
      throws Exception {
    flaky();

    RecordView failed = assertFault("ERROR");
    RecordView loaded = view();
    RecordView stale = view();

    assertThat(failed.sources().get(2).cached()).isFalse();
    assertThat(source(loaded, "gp3").status()).isEqualTo("OK");
    assertThat(source(stale, "gp3").status()).isEqualTo("OK");
    assertThat(source(stale, "gp3").cached()).isTrue();
    assertThat(source(stale, "gp3").retrievedAt()).isEqualTo(source(loaded, "gp3").retrievedAt());
  }

  @Test
  void the_stream_delivers_the_fast_sources_before_the_slow_one_and_ends_with_the_whole_view()
      throws Exception {
    gp3.stubFor(
        any(anyUrl())
            .willReturn(aResponse().proxiedFrom(behindProxy.baseUrl()).withFixedDelay(500)));
    String accessToken = client.session(tokens.token("clinician", SHOWCASE));

    int auditedBefore = recordViewsAudited();

    var response = client.lines("/api/v1/patients/" + SHOWCASE + "/record/stream", accessToken);
    List<SseEvent> events = SseEvent.parse(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(events)
        .extracting(SseEvent::name)
        .containsExactly("source", "source", "source", "complete");
    List<String> order =
        events.subList(0, 3).stream().map(e -> (String) e.data(json).get("id")).toList();
    assertThat(order.subList(0, 2)).containsExactlyInAnyOrder("gp", "gp2");
    assertThat(order.get(2)).isEqualTo("gp3");
    Map<String, Object> first = events.getFirst().data(json);
    assertThat(first).containsKeys("status", "elapsedMs", "cached", "retrievedAt", "sections");
    assertThat(events.getFirst().rawData()).contains(PENICILLIN);
    RecordView complete = json.readValue(events.getLast().rawData(), RecordView.class);
    assertThat(penicillin(complete).sources()).hasSize(3);
    assertThat(recordViewsAudited() - auditedBefore)
        .as("every event shown was audited first: three sources and the whole view")
        .isEqualTo(4);
  }

  private int recordViewsAudited() {
    AuditQuery all = AuditQuery.forPatient(new NhsNumber(SHOWCASE));
    return (int)
        auditSearch
            .find(
                new AuditQuery(
                    all.patient(),
                    all.userId(),
                    all.organisation(),
                    Optional.of(AuditEventType.RECORD_VIEW),
                    all.from(),
                    all.to(),
                    AuditQuery.MAX_LIMIT))
            .size();
  }

  @Test
  void the_stream_refuses_a_missing_session_with_a_problem_before_streaming() throws Exception {
    var response = client.get("/api/v1/patients/" + SHOWCASE + "/record/stream", "nope");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(response.body()).contains("SESSION_EXPIRED");
  }

  private RecordView assertFault(String expectedStatus) throws Exception {
    long started = System.nanoTime();
    RecordView view = view();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(DEADLINE.plus(MARGIN));
    assertThat(source(view, "gp3").status())
        .as(view.sources().toString())
        .isEqualTo(expectedStatus);
    assertThat(source(view, "gp").status()).as(view.sources().toString()).isEqualTo("OK");
    assertThat(source(view, "gp2").status()).isEqualTo("OK");
    assertThat(penicillin(view).sources())
        .extracting(RecordView.ItemSource::id)
        .containsExactlyInAnyOrder("gp", "gp2");
    assertThat(view.sections().medications().items())
        .anySatisfy(m -> assertThat(m.concept().display()).containsIgnoringCase("Amlodipine"));
    return view;
  }

  /** Fails, then answers, then fails: a failure rate the stale-copy rule can be seen against. */
  private void flaky() {
    gp3.stubFor(
        any(anyUrl())
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    gp3.stubFor(
        any(anyUrl())
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().proxiedFrom(behindProxy.baseUrl()))
            .willSetStateTo("down"));
    gp3.stubFor(
        any(anyUrl())
            .inScenario("flaky")
            .whenScenarioStateIs("down")
            .willReturn(aResponse().withStatus(503)));
  }

  private RecordView view() throws Exception {
    String accessToken = client.session(tokens.token("clinician", SHOWCASE));
    var response = client.get("/api/v1/patients/" + SHOWCASE + "/record", accessToken);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readValue(response.body(), RecordView.class);
  }

  private static RecordView.SourceView source(RecordView view, String id) {
    return view.sources().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private static RecordView.AllergyView penicillin(RecordView view) {
    return view.sections().allergies().items().stream()
        .filter(a -> a.concept().code().equals(PENICILLIN))
        .findFirst()
        .orElseThrow();
  }

  private void startGp3() {
    gp3 = new WireMockServer(options().port(gp3Port));
    gp3.start();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
