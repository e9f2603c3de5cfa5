package org.carelens.gateway.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.carelens.gateway.OnlyTheseSources;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.gateway.audit.AnonymousRefusals;
import org.carelens.simulators.gp.GpPracticeSimulator;
import org.carelens.simulators.population.Population;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 10's flood measurement: the gateway on its shipped configuration (embedded H2 file
 * database, default limits and audit aggregation, one simulated GP Connect source) and a test
 * issuer; 5,000 bad-token requests at concurrency 200 from 127.0.0.1 (half bad launch tokens to
 * {@code POST /api/v1/sessions}, half forged session tokens to {@code GET .../record}) while one
 * clinician on 127.0.0.2 keeps viewing a record every 250 ms. Prints the clinician's view latency
 * before and during the flood (p50, p99), the flood's statuses and how many audit entries it added.
 * {@code unprotected} runs the same flood with rate limits off and every refusal written as its own
 * entry, as before issue 10. Localhost only; bounded to 5,000 requests and 2 minutes.
 *
 * <pre>
 * ./mvnw -B -o -q test-compile dependency:build-classpath -pl gateway -Dmdep.outputFile=/tmp/cp.txt
 * java -cp gateway/target/test-classes:gateway/target/classes:$(cat /tmp/cp.txt) \
 *     org.carelens.gateway.bench.BadTokenFloodBench [protected|unprotected]
 * </pre>
 */
public final class BadTokenFloodBench {

  static final int FLOOD = 5_000;
  static final int CONCURRENCY = 200;
  static final Duration PACE = Duration.ofMillis(250);
  // Under the clinician's own limit of 120 views a minute, warm-up and baseline included.
  static final int WARM_UP = 5;
  static final int BASELINE = 30;
  static final int DURING_MAX = 80;
  static final String PATIENT = Population.SHOWCASE_NHS_NUMBER;

  private BadTokenFloodBench() {}

  public static void main(String[] args) throws Exception {
    boolean unprotected = args.length > 0 && args[0].equals("unprotected");
    TestLaunchTokens tokens = new TestLaunchTokens();
    WireMockServer issuer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    issuer.start();
    issuer.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/jwks.json")
            .willReturn(aResponse().withBody(tokens.jwksJson())));
    GpPracticeSimulator gp = new GpPracticeSimulator(Population.generate(42, 60)).start(0);
    Path data = Files.createTempDirectory("carelens-flood-bench");

    Map<String, Object> p = new HashMap<>(OnlyTheseSources.disableOthers(Set.of("gp")));
    p.put("micronaut.server.port", -1);
    p.put("micronaut.server.host", "127.0.0.1");
    p.put("carelens.launch.issuer", TestLaunchTokens.ISSUER);
    p.put("carelens.launch.audience", TestLaunchTokens.AUDIENCE);
    p.put("carelens.launch.jwks-url", issuer.baseUrl() + "/jwks.json");
    p.put("carelens.sources.gp.url", gp.baseUrl());
    p.put("datasources.default.url", shippedDatabaseUrl(data.resolve("carelens")));
    if (unprotected) {
      p.put("carelens.limits.enabled", false);
      p.put("carelens.limits.anonymous-audit-window", "0s");
    }
    // The shipped application.yml, not the test environment a classpath with test classes implies.
    try (ApplicationContext context =
        ApplicationContext.builder(p).deduceEnvironment(false).start()) {
      EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
      String base = "http://127.0.0.1:" + server.getPort();
      JsonMapper json = context.getBean(JsonMapper.class);
      DataSource database = context.getBean(DataSource.class);
      HttpClient clinician =
          HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
      String session = session(clinician, base, tokens.token("clinician", PATIENT), json);

      views(clinician, base, session, WARM_UP, () -> false);
      List<Long> baseline = views(clinician, base, session, BASELINE, () -> false).millis();
      Map<String, Integer> before = refusalEntries(database);
      long accountedBefore = refusalsAccounted(database, json);

      AtomicInteger next = new AtomicInteger();
      Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
      long floodStart = System.nanoTime();
      ExecutorService flood = Executors.newFixedThreadPool(CONCURRENCY);
      HttpClient attacker =
          HttpClient.newBuilder()
              .localAddress(InetAddress.getByName("127.0.0.1"))
              .executor(Executors.newVirtualThreadPerTaskExecutor())
              .build();
      for (int t = 0; t < CONCURRENCY; t++) {
        flood.submit(() -> floodLoop(attacker, base, next, statuses));
      }
      flood.shutdown();
      Views during = views(clinician, base, session, DURING_MAX, flood::isTerminated);
      boolean finished = flood.awaitTermination(2, TimeUnit.MINUTES);
      long floodMillis = (System.nanoTime() - floodStart) / 1_000_000;
      flood.shutdownNow();
      Map<String, Integer> atOnce = refusalEntries(database);
      context.getBean(AnonymousRefusals.class).flushAll();
      Map<String, Integer> after = refusalEntries(database);

      System.out.printf(
          Locale.ROOT,
          "mode=%s flood=%d requests at concurrency %d from 127.0.0.1, %s in %d ms, statuses %s%n",
          unprotected ? "unprotected (no limits, one audit entry per refusal)" : "protected",
          FLOOD,
          CONCURRENCY,
          finished ? "finished" : "NOT finished (cut at 2 minutes)",
          floodMillis,
          new TreeMap<>(Map.copyOf(statuses)));
      System.out.printf(
          Locale.ROOT,
          "clinician on 127.0.0.2, a view every %d ms: before the flood n=%d p50=%d ms p99=%d ms;"
              + " during it n=%d p50=%d ms p99=%d ms max=%d ms, statuses %s%n",
          PACE.toMillis(),
          baseline.size(),
          percentile(baseline, 50),
          percentile(baseline, 99),
          during.millis().size(),
          percentile(during.millis(), 50),
          percentile(during.millis(), 99),
          during.millis().stream().mapToLong(Long::longValue).max().orElse(0),
          during.statuses());
      System.out.printf(
          Locale.ROOT,
          "audit entries added by the flood: %d while it ran, %d once the open windows' summaries"
              + " were written (%s), accounting for %d refusals%n",
          total(atOnce) - total(before),
          total(after) - total(before),
          difference(after, before),
          refusalsAccounted(database, json) - accountedBefore);
      server.stop();
    } finally {
      issuer.stop();
      gp.stop();
    }
  }

  private static void floodLoop(
      HttpClient attacker, String base, AtomicInteger next, Map<Integer, AtomicInteger> statuses) {
    for (int i = next.getAndIncrement(); i < FLOOD; i = next.getAndIncrement()) {
      HttpRequest request =
          i % 2 == 0
              ? HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions"))
                  .header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.bad-launch." + i)
                  .timeout(Duration.ofSeconds(30))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build()
              : HttpRequest.newBuilder(URI.create(base + "/api/v1/patients/" + PATIENT + "/record"))
                  .header("Authorization", "Bearer forged-session-" + i)
                  .timeout(Duration.ofSeconds(30))
                  .build();
      int status;
      try {
        status = attacker.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (Exception e) {
        status = -1;
      }
      statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }
  }

  record Views(List<Long> millis, Map<Integer, Integer> statuses) {}

  private static Views views(
      HttpClient client,
      String base,
      String session,
      int max,
      java.util.function.BooleanSupplier stop)
      throws Exception {
    List<Long> millis = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int i = 0; i < max && !stop.getAsBoolean(); i++) {
      long started = System.nanoTime();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/patients/" + PATIENT + "/record"))
                  .header("Authorization", "Bearer " + session)
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      long took = System.nanoTime() - started;
      millis.add(took / 1_000_000);
      statuses.merge(response.statusCode(), 1, Integer::sum);
      long rest = PACE.toNanos() - took;
      if (rest > 0) {
        // Pacing a simulated clinician (a view every 250 ms), not waiting for a result.
        TimeUnit.NANOSECONDS.sleep(rest);
      }
    }
    return new Views(millis, statuses);
  }

  private static String session(HttpClient client, String base, String token, JsonMapper json)
      throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("launch refused: " + response.body());
    }
    return (String)
        json.readValue(response.body(), Argument.mapOf(String.class, Object.class))
            .get("accessToken");
  }

  /** Entries of refused unidentified callers, by event type. */
  private static Map<String, Integer> refusalEntries(DataSource database) throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT event_type, COUNT(*) FROM audit_entry"
                    + " WHERE event_type IN ('LAUNCH_REJECTED', 'TOKEN_REJECTED')"
                    + " GROUP BY event_type")) {
      while (r.next()) {
        counts.put(r.getString(1), r.getInt(2));
      }
    }
    return counts;
  }

  /** Refusals the entries stand for: one each, or a summary's count. */
  private static long refusalsAccounted(DataSource database, JsonMapper json) throws Exception {
    long total = 0;
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT details FROM audit_entry"
                    + " WHERE event_type IN ('LAUNCH_REJECTED', 'TOKEN_REJECTED')")) {
      while (r.next()) {
        Map<String, Object> details =
            json.readValue(r.getString(1), Argument.mapOf(String.class, Object.class));
        total +=
            Boolean.TRUE.equals(details.get("summary"))
                ? ((Number) details.get("count")).longValue()
                : 1;
      }
    }
    return total;
  }

  private static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static Map<String, Integer> difference(
      Map<String, Integer> after, Map<String, Integer> before) {
    Map<String, Integer> added = new TreeMap<>();
    after.forEach((k, v) -> added.put(k, v - before.getOrDefault(k, 0)));
    return added;
  }

  private static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
  }

  /** {@code application.yml}'s database URL with the file moved to {@code file}. */
  @SuppressWarnings("unchecked")
  static String shippedDatabaseUrl(Path file) throws Exception {
    try (InputStream in =
        BadTokenFloodBench.class.getClassLoader().getResourceAsStream("application.yml")) {
      Map<String, Object> root = new Yaml().load(in);
      Map<String, Object> datasources = (Map<String, Object>) root.get("datasources");
      String url = (String) ((Map<String, Object>) datasources.get("default")).get("url");
      // No AUTO_SERVER: the bench opens no listener beyond the gateway's own on 127.0.0.1.
      return "jdbc:h2:file:"
          + file
          + url.substring(url.indexOf(';')).replace(";AUTO_SERVER=TRUE", "");
    }
  }
}
