package org.carelens.gateway.audit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.carelens.gateway.OnlyTheseSources;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.gateway.audit.checkpoint.CheckpointKey;
import org.carelens.gateway.audit.checkpoint.CheckpointLog;
import org.carelens.gateway.audit.checkpoint.FileCheckpointSink;
import org.carelens.simulators.gp.GpPracticeSimulator;
import org.carelens.simulators.population.Population;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 6, "Done when": a gateway process is killed with SIGKILL at random moments during a burst
 * of record views and restarted on the same embedded database; afterwards every view whose 200 body
 * reached the client has its {@code RECORD_VIEW} entry (matched by the client's own {@code
 * X-Correlation-ID}) and the hash chain verifies, also against the checkpoints the gateways signed
 * every second until killed, both in-process and with {@link AuditVerifyMain}.
 *
 * <p>The database URL is the shipped {@code application.yml}'s with only the file path changed, so
 * this tests the durability settings a default installation runs with. The kill moments come from a
 * seeded {@link Random}: a kill after a random number of delivered views, plus a random few
 * milliseconds so it lands anywhere inside the requests in flight (between the audit commit and the
 * response leaving, too).
 */
class AuditCrashTest {

  private static final long SEED = 20261122L;
  private static final int KILLS = 4;
  private static final int CLIENTS = 2;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Path LOG =
      Path.of("target", "crash-test-logs", "gateway.log").toAbsolutePath();
  static final String SHOWCASE = Population.SHOWCASE_NHS_NUMBER;

  @TempDir Path dataDir;

  private final TestLaunchTokens tokens = new TestLaunchTokens();
  private final WireMockServer issuer = new WireMockServer(options().dynamicPort());
  private final GpPracticeSimulator gp = new GpPracticeSimulator(Population.generate(42, 60));
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final JsonMapper json = JsonMapper.createDefault();
  private final AtomicReference<GatewayProcess> current = new AtomicReference<>();
  private final Object generations = new Object();
  private volatile boolean stop;

  private final Set<String> delivered = ConcurrentHashMap.newKeySet();
  private final AtomicInteger attempted = new AtomicInteger();
  private final AtomicInteger interrupted = new AtomicInteger();
  private final Map<Integer, AtomicInteger> otherStatuses = new ConcurrentHashMap<>();
  private final Semaphore deliveredPermits = new Semaphore(0);
  private final List<Integer> unexpectedExits = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<String> clientErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

  @AfterEach
  void stopEverything() throws InterruptedException {
    stop = true;
    GatewayProcess last = current.get();
    if (last != null && last.alive()) {
      last.kill();
    }
    issuer.stop();
    gp.stop();
  }

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void every_view_that_reached_the_client_is_audited_and_the_chain_verifies_after_sigkills()
      throws Exception {
    issuer.start();
    issuer.stubFor(
        get("/jwks.json")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(tokens.jwksJson())));
    gp.start(0);
    Files.createDirectories(LOG.getParent());
    Files.deleteIfExists(LOG);
    String databaseUrl = shippedDatabaseUrl(dataDir.resolve("carelens"));
    Random random = new Random(SEED);
    restart(databaseUrl, 0);
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      int client = i;
      clients.add(Thread.ofPlatform().name("crash-client-" + i).start(() -> viewLoop(client)));
    }
    Instant started = Instant.now();

    int generation = 0;
    for (int kill = 1; kill <= KILLS; kill++) {
      deliveredPermits.drainPermits();
      int afterViews = 5 + random.nextInt(25);
      if (awaitViews(afterViews)) {
        // Not a wait for anything: a random offset so the kill lands inside requests in flight.
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(30_000)));
        current.get().kill();
      } else {
        kill--;
      }
      restart(databaseUrl, ++generation);
    }
    deliveredPermits.drainPermits();
    assertThat(awaitViews(10)).as("views after the last restart; %s", clientErrors).isTrue();
    // Generations die after a random few views, which on a fast machine can be sooner than the
    // first scheduled checkpoint (1 s after start): the last one lives until it has signed one, so
    // the chain is checked against a checkpoint whatever the machine's speed.
    assertThat(awaitCheckpoint()).as("a signed checkpoint within 20 s").isTrue();
    current.get().kill();
    stop = true;
    synchronized (generations) {
      generations.notifyAll();
    }
    for (Thread client : clients) {
      client.join(TimeUnit.SECONDS.toMillis(20));
    }
    Duration burst = Duration.between(started, Instant.now());

    JdbcDataSource database = new JdbcDataSource();
    database.setURL(databaseUrl);
    database.setUser("sa");
    database.setPassword("");
    Map<String, Integer> audited = recordViewsByCorrelationId(database);
    ChainVerification chain =
        new ChainVerifier(
                database,
                new CheckpointLog(
                    new FileCheckpointSink(dataDir.resolve("audit-checkpoints.jsonl")),
                    this::checkpointKey))
            .verify();
    String commandLine = auditVerifyMain(databaseUrl);

    System.out.printf(
        "Audit crash test: %d SIGKILLs in %d s; %d views asked, %d delivered, %d interrupted,"
            + " other statuses %s, client errors %s, exits not ours %s; %d RECORD_VIEW entries;"
            + " chain %s;"
            + " AuditVerifyMain %s%n",
        KILLS + 1,
        burst.toSeconds(),
        attempted.get(),
        delivered.size(),
        interrupted.get(),
        otherStatuses,
        clientErrors,
        unexpectedExits,
        audited.values().stream().mapToInt(Integer::intValue).sum(),
        chain,
        commandLine.strip());
    assertThat(delivered).hasSizeGreaterThan(KILLS * 5);
    Set<String> missing = new HashSet<>(delivered);
    missing.removeAll(audited.keySet());
    assertThat(missing).as("views shown without a committed audit entry").isEmpty();
    assertThat(audited.values()).as("one entry per correlation id").allMatch(n -> n == 1);
    assertThat(chain.valid()).as(chain.toString()).isTrue();
    assertThat(chain.entries()).isGreaterThanOrEqualTo(delivered.size());
    assertThat(chain.anchoredThrough()).as("signed checkpoints written between kills").isPresent();
    assertThat(commandLine).contains("\"valid\":true");
  }

  /** Waits, at most 20 s, until the checkpoint file holds a checkpoint. */
  private boolean awaitCheckpoint() throws IOException, InterruptedException {
    Path file = dataDir.resolve("audit-checkpoints.jsonl");
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < until) {
      if (Files.exists(file) && !Files.readString(file).isBlank()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private CheckpointKey checkpointKey() {
    try {
      return CheckpointKey.load(dataDir.resolve("audit-checkpoint-key.json"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Waits for {@code views} more delivered views. False if the gateway died without being killed
   * here: other work on a shared machine can reuse a dead process's id and signal ours.
   */
  private boolean awaitViews(int views) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(45);
    int got = 0;
    while (got < views) {
      if (!current.get().alive()) {
        unexpectedExits.add(current.get().exitStatus());
        deliveredPermits.release(got);
        return false;
      }
      assertThat(Instant.now())
          .as("%d views within 45 s; client errors %s", views, clientErrors)
          .isBefore(deadline);
      if (deliveredPermits.tryAcquire(1, 1, TimeUnit.SECONDS)) {
        got++;
      }
    }
    return true;
  }

  /** Starts the next generation on the same database; retries a start killed from outside. */
  private void restart(String databaseUrl, int generation) throws Exception {
    for (int attempt = 1; ; attempt++) {
      GatewayProcess next = startGateway(databaseUrl, generation);
      try {
        next.awaitReady(START_TIMEOUT);
      } catch (java.util.concurrent.ExecutionException e) {
        // 143/137: signalled by someone else; anything else is a real start-up failure.
        int status = next.exitStatus();
        if (attempt < 3 && (status == 143 || status == 137)) {
          unexpectedExits.add(status);
          continue;
        }
        throw new IllegalStateException("Gateway failed to restart; see " + LOG, e);
      }
      synchronized (generations) {
        current.set(next);
        generations.notifyAll();
      }
      return;
    }
  }

  private void viewLoop(int client) {
    GatewayProcess seen = null;
    String session = null;
    int n = 0;
    while (!stop) {
      GatewayProcess gateway = current.get();
      if (gateway != seen) {
        // Sessions live in the gateway's memory: a restarted gateway needs a new launch.
        seen = gateway;
        session = null;
      }
      try {
        if (session == null) {
          session = launch(gateway);
        }
        String correlationId = "crash-" + client + "-" + (++n);
        attempted.incrementAndGet();
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(gateway.baseUrl + "/api/v1/patients/" + SHOWCASE + "/record"))
                    .header("Authorization", "Bearer " + session)
                    .header(CorrelationIds.HEADER, correlationId)
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && shows(response.body())) {
          delivered.add(correlationId);
          deliveredPermits.release();
        } else {
          otherStatuses
              .computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
              .incrementAndGet();
          if (response.statusCode() == 401) {
            session = null;
          }
        }
      } catch (IOException | RuntimeException e) {
        // The gateway died under the request (or before it): nothing reached this client.
        interrupted.incrementAndGet();
        if (gateway.alive()) {
          if (clientErrors.size() < 5) {
            clientErrors.add(e.toString().substring(0, Math.min(500, e.toString().length())));
          }
          session = null;
        } else {
          awaitNextGeneration(gateway);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private String launch(GatewayProcess gateway) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(gateway.baseUrl + "/api/v1/sessions"))
                .header("Authorization", "Bearer " + tokens.token("clinician", SHOWCASE))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IOException("launch refused: " + response.statusCode() + " " + response.body());
    }
    return (String)
        json.readValue(response.body(), Argument.mapOf(String.class, Object.class))
            .get("accessToken");
  }

  /** The client holds a whole, parseable record of the patient it asked for. */
  @SuppressWarnings("unchecked")
  private boolean shows(String body) {
    try {
      Map<String, Object> view = json.readValue(body, Argument.mapOf(String.class, Object.class));
      return view.get("patient") instanceof Map<?, ?> patient
          && SHOWCASE.equals(((Map<String, Object>) patient).get("nhsNumber"));
    } catch (IOException e) {
      return false;
    }
  }

  private void awaitNextGeneration(GatewayProcess dead) {
    synchronized (generations) {
      while (!stop && current.get() == dead) {
        try {
          generations.wait(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private GatewayProcess startGateway(String databaseUrl, int generation) throws IOException {
    int port = freePort();
    Map<String, String> properties = new HashMap<>(OnlyTheseSources.disableOthers(Set.of("gp")));
    properties.put("micronaut.server.port", String.valueOf(port));
    properties.put("carelens.launch.issuer", TestLaunchTokens.ISSUER);
    properties.put("carelens.launch.audience", TestLaunchTokens.AUDIENCE);
    properties.put("carelens.launch.jwks-url", issuer.baseUrl() + "/jwks.json");
    properties.put("carelens.sources.gp.url", gp.baseUrl());
    properties.put("datasources.default.url", databaseUrl);
    properties.putAll(checkpointFiles());
    // Often enough that several generations sign checkpoints before they are killed.
    properties.put("carelens.audit.checkpoint.interval", "1s");
    return GatewayProcess.start(properties, generation, "http://localhost:" + port, LOG);
  }

  /** The checkpoint key and file beside the test's database, for the gateway and the verifier. */
  private Map<String, String> checkpointFiles() {
    return Map.of(
        "carelens.audit.checkpoint.key-file",
        dataDir.resolve("audit-checkpoint-key.json").toString(),
        "carelens.audit.checkpoint.file",
        dataDir.resolve("audit-checkpoints.jsonl").toString());
  }

  /** {@code application.yml}'s database URL with the file path moved to {@code file}. */
  @SuppressWarnings("unchecked")
  static String shippedDatabaseUrl(Path file) throws IOException {
    try (InputStream in =
        AuditCrashTest.class.getClassLoader().getResourceAsStream("application.yml")) {
      Map<String, Object> root = new Yaml().load(in);
      Map<String, Object> datasources = (Map<String, Object>) root.get("datasources");
      String url = (String) ((Map<String, Object>) datasources.get("default")).get("url");
      String prefix = "jdbc:h2:file:";
      assertThat(url).startsWith(prefix);
      return prefix + file + url.substring(url.indexOf(";"));
    }
  }

  private static Map<String, Integer> recordViewsByCorrelationId(JdbcDataSource database)
      throws Exception {
    Map<String, Integer> audited = new HashMap<>();
    try (Connection c = database.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT correlation_id FROM audit_entry WHERE event_type = 'RECORD_VIEW'"
                    + " AND outcome = 'SUCCESS' AND patient_nhs_number = ?")) {
      q.setString(1, SHOWCASE);
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          audited.merge(rows.getString(1), 1, Integer::sum);
        }
      }
    }
    return audited;
  }

  /** Runs the verification command against the same file, as an operator would. */
  private String auditVerifyMain(String databaseUrl) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(GatewayProcess.classpath());
    command.add("-Ddatasources.default.url=" + databaseUrl);
    checkpointFiles().forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add(AuditVerifyMain.class.getName());
    Process verify = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(verify.exitValue()).as(output).isZero();
    return output.lines().filter(l -> l.startsWith("{")).findFirst().orElse(output);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
