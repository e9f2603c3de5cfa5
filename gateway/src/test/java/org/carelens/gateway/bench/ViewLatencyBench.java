package org.carelens.gateway.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carelens.gateway.GatewayTestClient;
import org.carelens.gateway.OnlyTheseSources;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.gateway.record.RecordView;
import org.carelens.simulators.gp.GpPracticeSimulator;
import org.carelens.simulators.population.Population;

/**
 * Measures record-view latency over HTTP with the default resilience settings (3 s time limit, 4 s
 * deadline) and three GP Connect sources, two healthy and one {@code slow} one behind WireMock:
 * first healthy, then answering after 1.5 s (slow but within its limit), then hanging (cut off at
 * its time limit). Every view asks every source (fresh-cache window 0).
 *
 * <pre>
 * ./mvnw -B -o -q test-compile -pl gateway
 * ./mvnw -B -o -q dependency:build-classpath -pl gateway -Dmdep.outputFile=/tmp/cp.txt
 * java -cp gateway/target/test-classes:gateway/target/classes:$(cat /tmp/cp.txt) \
 *     org.carelens.gateway.bench.ViewLatencyBench [views-per-scenario]
 * </pre>
 */
public final class ViewLatencyBench {

  private ViewLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int views = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    TestLaunchTokens tokens = new TestLaunchTokens();
    WireMockServer issuer = new WireMockServer(options().dynamicPort());
    issuer.start();
    issuer.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/jwks.json")
            .willReturn(aResponse().withBody(tokens.jwksJson())));
    Population population = Population.generate(42, 60);
    GpPracticeSimulator gp = new GpPracticeSimulator(population).start(0);
    GpPracticeSimulator gp2 = new GpPracticeSimulator(population).start(0);
    GpPracticeSimulator behind = new GpPracticeSimulator(population).start(0);
    WireMockServer slow = new WireMockServer(options().dynamicPort());
    slow.start();

    Map<String, Object> properties =
        new HashMap<>(OnlyTheseSources.disableOthers(Set.of("gp", "gp2", "slow")));
    properties.put("micronaut.server.port", -1);
    properties.put("carelens.launch.issuer", TestLaunchTokens.ISSUER);
    properties.put("carelens.launch.audience", TestLaunchTokens.AUDIENCE);
    properties.put("carelens.launch.jwks-url", issuer.baseUrl() + "/jwks.json");
    // The tests' sharing agreement lists gp2 and slow as sharing what gp shares.
    properties.put("carelens.policy.agreement", "classpath:agreements/test.yml");
    properties.put(
        "datasources.default.url",
        "jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    source(properties, "gp", gp.baseUrl(), gp);
    source(properties, "gp2", gp2.baseUrl(), gp);
    source(properties, "slow", slow.baseUrl(), gp);

    try (ApplicationContext context = ApplicationContext.run(properties)) {
      EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
      GatewayTestClient client =
          new GatewayTestClient(server.getURL().toString(), context.getBean(JsonMapper.class));
      JsonMapper json = context.getBean(JsonMapper.class);
      String nhs = Population.SHOWCASE_NHS_NUMBER;
      String session = client.session(tokens.token("clinician", nhs));

      slow.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(behind.baseUrl())));
      run("warm-up", views, client, json, session, nhs);
      run("all healthy", views, client, json, session, nhs);
      slow.stubFor(
          any(anyUrl()).willReturn(aResponse().proxiedFrom(behind.baseUrl()).withFixedDelay(1500)));
      run("one source answering in 1.5 s", views, client, json, session, nhs);
      slow.stubFor(
          any(anyUrl())
              .willReturn(aResponse().proxiedFrom(behind.baseUrl()).withFixedDelay(20_000)));
      run("one source hanging", views, client, json, session, nhs);
      server.stop();
    } finally {
      issuer.stop();
      slow.stop();
      gp.stop();
      gp2.stop();
      behind.stop();
    }
  }

  private static void source(
      Map<String, Object> properties, String id, String url, GpPracticeSimulator practice) {
    String prefix = "carelens.sources." + id + ".";
    properties.put(prefix + "type", "gp-connect");
    properties.put(prefix + "url", url);
    properties.put(prefix + "provider-ods", practice.practice().odsCode());
    properties.put(prefix + "cache-ttl", "0s");
    // The bench measures latency, not the breaker: keep every source in play.
    properties.put(prefix + "breaker-minimum-calls", 100_000);
    properties.put(prefix + "breaker-window", 100_000);
  }

  private static void run(
      String scenario,
      int views,
      GatewayTestClient client,
      JsonMapper json,
      String session,
      String nhs)
      throws Exception {
    List<Long> millis = new ArrayList<>();
    Map<String, Integer> statuses = new java.util.TreeMap<>();
    for (int i = 0; i < views; i++) {
      long started = System.nanoTime();
      var response = client.get("/api/v1/patients/" + nhs + "/record", session);
      millis.add((System.nanoTime() - started) / 1_000_000);
      RecordView view = json.readValue(response.body(), RecordView.class);
      view.sources()
          .forEach(
              s ->
                  statuses.merge(
                      s.id() + "=" + s.status() + (s.cached() ? "(cached)" : ""), 1, Integer::sum));
    }
    millis.sort(null);
    System.out.printf(
        "%-32s views=%d p50=%d ms p95=%d ms max=%d ms statuses=%s%n",
        scenario,
        views,
        millis.get(millis.size() / 2),
        millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.95) - 1)),
        millis.getLast(),
        statuses);
  }
}
