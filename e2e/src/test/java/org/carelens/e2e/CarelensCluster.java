package org.carelens.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./carelens cluster --replicas 2} as a user runs it (issue 15), on ports of its own: the
 * simulators, two gateway replicas on a fresh PostgreSQL database, HAProxy in front of the replicas
 * (round-robin) and of the portal (sticky by cookie). The script is told its ports, its database
 * and its directory through the environment variables it documents, so it never touches 8080-8099
 * or another run's files. Closing it stops the script (which stops what it started), then anything
 * of it still running, and drops the database.
 */
final class CarelensCluster implements AutoCloseable {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /**
   * 17 consecutive ports: simulators (10), the portal process, up to three gateway replicas, and
   * HAProxy's three frontends (gateway, portal, statistics).
   */
  private static final int PORTS = 17;

  /**
   * How long each process the script starts may take to answer: generous, as in {@link
   * CarelensProcesses} (shared machines); {@code -Dcarelens.e2e.start-seconds=N} changes it.
   */
  private static final long START_SECONDS = Long.getLong("carelens.e2e.start-seconds", 240);

  static final String DB_HOST = System.getenv().getOrDefault("CARELENS_DB_HOST", "127.0.0.1");
  static final String DB_PORT = System.getenv().getOrDefault("CARELENS_DB_PORT", "5432");
  static final String DB_USER = System.getenv().getOrDefault("CARELENS_DB_USER", "postgres");

  final int replicas;
  final int simulatorBase;
  final int replicaBase;
  final int gatewayPort;
  final int portalPort;
  final int statsPort;
  final String database =
      "carelens_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  final Path dir;
  private Process script;
  private final List<ProcessHandle> started = new ArrayList<>();

  private CarelensCluster(int base, int replicas) throws IOException {
    if (replicas < 2 || replicas > 3) {
      throw new IllegalArgumentException("2 or 3 replicas, not " + replicas);
    }
    this.replicas = replicas;
    this.simulatorBase = base;
    // The script runs the portal process on replicaBase and gateway replica N on replicaBase + N
    // (as Failover.java numbers them): base + 10, then base + 11 to base + 13.
    this.replicaBase = base + 10;
    this.gatewayPort = base + 14;
    this.portalPort = base + 15;
    this.statsPort = base + 16;
    Files.createDirectories(Path.of("target"));
    this.dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cluster-");
  }

  /**
   * Why the cluster cannot run on this machine (HAProxy or PostgreSQL missing), or empty if it can.
   */
  static Optional<String> unavailable() {
    for (String tool : List.of("haproxy", "curl", "psql", "createdb", "pg_isready")) {
      if (!onPath(tool)) {
        return Optional.of(
            tool
                + " is not on the PATH (./carelens cluster needs haproxy, which CI's .ci/run"
                + " installs, curl and the PostgreSQL client tools): the cluster journey is"
                + " skipped");
      }
    }
    if (run(List.of("pg_isready", "-q", "-h", DB_HOST, "-p", DB_PORT)) != 0) {
      return Optional.of(
          "PostgreSQL is not accepting connections at "
              + DB_HOST
              + ":"
              + DB_PORT
              + " (CI's .ci/run starts it): the cluster journey is skipped");
    }
    return Optional.empty();
  }

  /**
   * A started cluster. Ports are picked free and then bound by the script's processes, so another
   * process can take one in between: a cluster that lost a port is stopped and started again on
   * others, up to three times.
   */
  static CarelensCluster started() throws IOException, InterruptedException {
    return started(2);
  }

  /** As {@link #started()}, with {@code replicas} gateway replicas (2 or 3). */
  static CarelensCluster started(int replicas) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      CarelensCluster cluster = new CarelensCluster(freeBlock(), replicas);
      try {
        return cluster.start();
      } catch (CarelensProcesses.PortTakenException e) {
        cluster.close();
        if (attempt == 3) {
          throw e;
        }
        System.out.println("e2e cluster: a port was taken before it could be bound; again");
      } catch (IOException | InterruptedException | RuntimeException e) {
        cluster.close();
        throw e;
      }
    }
  }

  private CarelensCluster start() throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                "./carelens", "cluster", "--skip-build", "--replicas", String.valueOf(replicas))
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("carelens-cluster.out").toFile());
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.putAll(environment());
    env.put("CARELENS_START_SECONDS", String.valueOf(START_SECONDS));
    // As in CarelensProcesses: a cold simulator on a loaded machine may take over the demo's 3 s,
    // and the journey is about where requests go, not how fast sources are.
    env.put(
        "CARELENS_GATEWAY_JAVA_OPTS",
        String.join(
            " ",
            "-Xmx512m",
            "-Dcarelens.fanout.deadline=8s",
            "-Dcarelens.sources.gp.time-limit=7s",
            "-Dcarelens.sources.pds.time-limit=7s",
            "-Dcarelens.sources.acute.time-limit=7s",
            "-Dcarelens.sources.mental-health.time-limit=7s",
            "-Dcarelens.sources.social-care.time-limit=7s",
            "-Dcarelens.sources.pharmacy.time-limit=7s",
            "-Dcarelens.sources.care-plans.time-limit=7s"));
    script = builder.start();
    started.add(script.toHandle());
    awaitRunning();
    return this;
  }

  /** Waits for the script's "is running" line; fails if it exits or takes too long. */
  private void awaitRunning() throws IOException, InterruptedException {
    // Five processes one after another, each with START_SECONDS, and HAProxy's first checks.
    Instant deadline = Instant.now().plusSeconds(5 * START_SECONDS + 30);
    Path out = dir.resolve("carelens-cluster.out");
    while (Instant.now().isBefore(deadline)) {
      rememberChildren();
      String text = Files.exists(out) ? Files.readString(out) : "";
      if (text.contains("Carelens cluster is running")) {
        return;
      }
      if (!script.isAlive()) {
        String logs = logs();
        throw portTaken(logs)
            ? new CarelensProcesses.PortTakenException("A port was taken:\n" + logs)
            : new IllegalStateException(
                "./carelens cluster exited with " + script.exitValue() + ":\n" + logs);
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("./carelens cluster did not start in time:\n" + logs());
  }

  /**
   * Notes every process the script has started: once the script has gone they are no longer its
   * descendants, and one left running would hold its port and CPU on a shared machine.
   */
  private void rememberChildren() {
    if (script == null) {
      return;
    }
    script
        .descendants()
        .forEach(
            p -> {
              if (started.stream().noneMatch(s -> s.pid() == p.pid())) {
                started.add(p);
              }
            });
  }

  /**
   * The variables that point {@code ./carelens cluster} and {@code ./carelens failover} at this
   * cluster's ports, database and directory.
   */
  Map<String, String> environment() {
    return Map.of(
        "CARELENS_DB_HOST", DB_HOST,
        "CARELENS_DB_PORT", DB_PORT,
        "CARELENS_DB_USER", DB_USER,
        "CARELENS_DB_NAME", database,
        "CARELENS_SIMULATOR_PORT_BASE", String.valueOf(simulatorBase),
        "CARELENS_REPLICA_PORT_BASE", String.valueOf(replicaBase),
        "CARELENS_GATEWAY_PORT", String.valueOf(gatewayPort),
        "CARELENS_PORTAL_PORT", String.valueOf(portalPort),
        "CARELENS_STATS_PORT", String.valueOf(statsPort),
        "CARELENS_CLUSTER_DIR", dir.toString());
  }

  String launcherUrl() {
    return "http://localhost:" + simulatorBase;
  }

  String portalUrl() {
    return "http://localhost:" + portalPort;
  }

  String gatewayUrl() {
    return "http://localhost:" + gatewayPort;
  }

  /**
   * HAProxy's count of 2xx answers from each gateway replica ({@code gateway1}, {@code gateway2}),
   * from its statistics page; health checks are not counted.
   */
  Map<String, Long> gatewayAnswers2xx() throws IOException, InterruptedException {
    String csv =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/;csv"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    List<String> lines = csv.lines().toList();
    List<String> header = List.of(lines.getFirst().replaceFirst("^# ", "").split(",", -1));
    int proxy = header.indexOf("pxname");
    int server = header.indexOf("svname");
    int ok = header.indexOf("hrsp_2xx");
    Map<String, Long> answers = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      if (fields.length > ok
          && fields[proxy].equals("gateways")
          && fields[server].startsWith("gateway")) {
        answers.put(fields[server], Long.parseLong(fields[ok]));
      }
    }
    return answers;
  }

  String logs() {
    StringBuilder text = new StringBuilder();
    try (var files = Files.walk(dir)) {
      for (Path log :
          files
              .filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".out"))
              .sorted()
              .toList()) {
        List<String> lines = Files.readAllLines(log);
        text.append("==> ").append(dir.relativize(log)).append('\n');
        lines
            .subList(Math.max(0, lines.size() - 30), lines.size())
            .forEach(l -> text.append(l).append('\n'));
      }
    } catch (IOException e) {
      text.append("(logs unreadable: ").append(e.getMessage()).append(")");
    }
    return text.toString();
  }

  private static boolean portTaken(String logs) {
    String lower = logs.toLowerCase(Locale.ROOT);
    return lower.contains("address already in use")
        || lower.contains("failed to bind")
        || lower.contains("cannot bind socket");
  }

  /**
   * Stops the script (SIGTERM: it stops what it started, and the replicas drain), then forcibly
   * anything of it still running after 30 s, then drops the database.
   */
  @Override
  public void close() {
    rememberChildren();
    if (script != null) {
      script.destroy();
      try {
        if (!script.waitFor(30, TimeUnit.SECONDS)) {
          System.out.println("e2e cluster: the script did not stop within 30 s; killing it");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (ProcessHandle p : started) {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
    for (ProcessHandle p : started) {
      p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> p).join();
    }
    int dropped =
        run(
            List.of(
                "psql",
                "-q",
                "-h",
                DB_HOST,
                "-p",
                DB_PORT,
                "-U",
                DB_USER,
                "-d",
                "postgres",
                "-c",
                "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
    if (dropped != 0) {
      System.out.println("e2e cluster: could not drop database " + database);
    }
  }

  /** A random run of {@link #PORTS} free ports, below the kernel's ephemeral range. */
  private static int freeBlock() {
    for (int tries = 0; tries < 200; tries++) {
      int base = 20_000 + 16 * ThreadLocalRandom.current().nextInt(750);
      if (allFree(base)) {
        return base;
      }
    }
    throw new IllegalStateException("No run of " + PORTS + " free ports between 20000 and 32000");
  }

  private static boolean allFree(int base) {
    for (int port = base; port < base + PORTS; port++) {
      try (ServerSocket socket = new ServerSocket(port)) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  private static boolean onPath(String tool) {
    return run(List.of("sh", "-c", "command -v " + tool)) == 0;
  }

  private static int run(List<String> command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return -1;
      }
      return p.exitValue();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
