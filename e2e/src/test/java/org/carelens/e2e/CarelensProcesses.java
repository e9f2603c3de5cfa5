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
import java.util.List;
import org.carelens.simulators.population.Population;

/**
 * Starts simulators, gateway and portal as separate JVMs, the way {@code ./carelens demo} does,
 * each from the runtime classpath the build wrote (the gateway from the distribution module's,
 * which holds the adapters), on free ports. Logs go to {@code target/e2e-logs}.
 */
final class CarelensProcesses implements AutoCloseable {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path LOGS = Path.of("target", "e2e-logs").toAbsolutePath();

  final int launcherPort = freePort();
  final int gpPort = freePort();
  final int gp2Port = freePort();
  final int pdsPort = freePort();
  final int directoryPort = freePort();
  final int acutePort = freePort();
  final int mentalHealthPort = freePort();
  final int socialCarePort = freePort();
  final int pharmacyPort = freePort();
  final int carePlansPort = freePort();
  final int gatewayPort = freePort();
  final int portalPort = freePort();
  private final List<Process> processes = new ArrayList<>();
  private final Path database;
  private final Path fixtures;

  CarelensProcesses() {
    try {
      // Each run gets its own gateway database, so audit entries from earlier runs (or from a
      // demo in the same tree) never show up in this run's searches and chain checks.
      Files.createDirectories(Path.of("target"));
      this.database = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "gateway-db-");
      // Empty until a journey writes a fixture: the simulators re-read it on every request.
      this.fixtures = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "fixtures-");
    } catch (IOException e) {
      throw new IllegalStateException("Could not create the gateway's database folder", e);
    }
  }

  /**
   * Starts the three processes and waits until each answers. If any fails to start, the ones
   * already started are stopped before the failure propagates: the caller gets no instance to
   * close, and JVMs left running would hold their ports and CPU on a shared machine.
   */
  CarelensProcesses start() throws IOException, InterruptedException {
    try {
      return startAll();
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * A started stack, on fresh ports each try. Ports are picked free and then bound by the child
   * processes, so another process on the machine (an outgoing connection's ephemeral port included)
   * can take one in between; a stack that lost a port is stopped and started again on other ports,
   * up to three times.
   */
  static CarelensProcesses started() throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return new CarelensProcesses().start();
      } catch (PortTakenException e) {
        if (attempt == 3) {
          throw e;
        }
        System.out.println("e2e: a port was taken before a process could bind it; starting again");
      }
    }
  }

  /** A child process could not bind the port it was given. */
  static final class PortTakenException extends IllegalStateException {
    PortTakenException(String message) {
      super(message);
    }
  }

  private CarelensProcesses startAll() throws IOException, InterruptedException {
    Files.createDirectories(LOGS);
    String launcher = "http://localhost:" + launcherPort;
    start(
        "simulators",
        moduleClasspath("simulators"),
        "org.carelens.simulators.SimulatorsMain",
        List.of(),
        List.of(
            "--launcher-port", String.valueOf(launcherPort),
            "--gp-port", String.valueOf(gpPort),
            "--gp2-port", String.valueOf(gp2Port),
            "--pds-port", String.valueOf(pdsPort),
            "--directory-port", String.valueOf(directoryPort),
            "--acute-port", String.valueOf(acutePort),
            "--mental-health-port", String.valueOf(mentalHealthPort),
            "--social-care-port", String.valueOf(socialCarePort),
            "--pharmacy-port", String.valueOf(pharmacyPort),
            "--care-plans-port", String.valueOf(carePlansPort),
            "--issuer", launcher,
            "--fixtures", fixtures.toString(),
            "--portal-url", portalUrl()));
    // The gateway names no adapter: it runs on the distribution's classpath, with the demo's
    // configuration of the sources added as plug-ins, as ./carelens demo starts it.
    start(
        "gateway",
        Files.readString(ROOT.resolve("distribution/target/runtime-classpath.txt")).strip(),
        "org.carelens.gateway.Application",
        List.of(
            "-Dmicronaut.server.port=" + gatewayPort,
            "-Dmicronaut.config.files=" + ROOT.resolve("distribution/carelens-demo.yml"),
            // The two launching systems of application.yml, at this run's launcher port.
            "-Dcarelens.launch.issuers.out-of-hours.issuer=" + launcher,
            "-Dcarelens.launch.issuers.out-of-hours.jwks-url="
                + launcher
                + "/.well-known/jwks.json",
            // The sign-in provider (issue 11), also on the launcher's port.
            "-Dcarelens.launch.issuers.cis2.issuer=" + launcher,
            "-Dcarelens.launch.issuers.cis2.jwks-url=" + launcher + "/oidc/jwks.json",
            "-Dcarelens.launch.issuers.community-pharmacy.issuer=" + launcher + "/pharmacy-system",
            "-Dcarelens.launch.issuers.community-pharmacy.jwks-url="
                + launcher
                + "/pharmacy-system/.well-known/jwks.json",
            "-Dcarelens.sources.gp.url=http://localhost:" + gpPort,
            "-Dcarelens.sources.pds.url=http://localhost:" + pdsPort,
            "-Dcarelens.sources.acute.url=http://localhost:" + acutePort,
            "-Dcarelens.sources.mental-health.url=http://localhost:" + mentalHealthPort,
            "-Dcarelens.sources.social-care.url=http://localhost:" + socialCarePort,
            "-Dcarelens.sources.pharmacy.url=http://localhost:" + pharmacyPort,
            // Configured in distribution/carelens-demo.yml, not the gateway's application.yml.
            "-Dcarelens.sources.care-plans.url=http://localhost:" + carePlansPort,
            // Journeys assert what a view shows, not how fast: on a loaded 2-core machine a cold
            // simulator can take over the demo's 3 s, and a source that "did not answer in time"
            // fails a journey for the wrong reason. Below the portal's 10 s read timeout.
            "-Dcarelens.fanout.deadline=8s",
            "-Dcarelens.sources.gp.time-limit=7s",
            "-Dcarelens.sources.pds.time-limit=7s",
            "-Dcarelens.sources.acute.time-limit=7s",
            "-Dcarelens.sources.mental-health.time-limit=7s",
            "-Dcarelens.sources.social-care.time-limit=7s",
            "-Dcarelens.sources.pharmacy.time-limit=7s",
            "-Dcarelens.sources.care-plans.time-limit=7s",
            // One browser launches the same personas a dozen times in a minute, from one address;
            // the shipped limits have their own tests (gateway limits/RateLimitApiTest).
            "-Dcarelens.limits.sessions-per-user=1000",
            "-Dcarelens.limits.sessions-per-address=1000",
            "-Dcarelens.limits.searches-per-user=1000",
            "-Dcarelens.limits.searches-per-address=1000",
            "-Ddatasources.default.url=jdbc:h2:file:"
                + database.resolve("carelens")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000",
            // Its audit checkpoints belong with that database, not in the demo's .carelens/.
            "-Dcarelens.audit.checkpoint.key-file=" + database.resolve("audit-checkpoint-key.json"),
            "-Dcarelens.audit.checkpoint.file=" + database.resolve("audit-checkpoints.jsonl")),
        List.of());
    start(
        "portal-ui",
        moduleClasspath("portal-ui"),
        "org.carelens.portal.PortalMain",
        List.of("-Dvaadin.productionMode=true"),
        List.of(
            "--port",
            String.valueOf(portalPort),
            "--gateway-url",
            gatewayUrl(),
            "--oidc-issuer",
            launcher));
    awaitHttp(launcherUrl() + "/api/patients");
    awaitHttp(gatewayUrl() + "/api/v1/patients/9990000018/record");
    awaitHttp(portalUrl() + "/");
    warmUp();
    return this;
  }

  /**
   * Opens a few records through the gateway's API, as a pharmacist, until every source answers, so
   * the first journey does not pay for cold simulators and JIT. Patients no journey opens (the
   * journeys take the showcase patient, the first and last of lists), so nothing they read is in
   * the gateway's cache.
   */
  private void warmUp() throws IOException, InterruptedException {
    List<String> plain =
        Population.generate(42, Population.DEFAULT_SIZE, java.time.LocalDate.now())
            .patients()
            .stream()
            .filter(p -> p.scenarios().isEmpty())
            .filter(p -> p.practice().odsCode().equals("A81001"))
            .map(p -> p.nhsNumber().value())
            .filter(n -> !n.equals(Population.SHOWCASE_NHS_NUMBER))
            .toList();
    List<String> outcomes = new ArrayList<>();
    for (String patient : plain.subList(plain.size() / 2, plain.size() / 2 + 6)) {
      HttpResponse<String> view = record("pharmacist", patient);
      boolean slow = view.body().contains("\"TIMEOUT\"") || view.body().contains("\"ERROR\"");
      outcomes.add(view.statusCode() + (slow ? " (a source slow or failing)" : " (all answered)"));
      if (view.statusCode() == 200 && !slow) {
        break;
      }
    }
    System.out.println("e2e warm-up views: " + outcomes);
  }

  /**
   * The gateway's raw record response for one patient, read as {@code persona} launched from the
   * simulated out-of-hours system (launch token, session, then {@code GET .../record}).
   */
  HttpResponse<String> record(String persona, String nhsNumber)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String token =
        field(
            http.send(
                HttpRequest.newBuilder(URI.create(launcherUrl() + "/api/launch-token"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"persona\":\"%s\",\"nhsNumber\":\"%s\"}"
                                .formatted(persona, nhsNumber)))
                    .build(),
                HttpResponse.BodyHandlers.ofString()),
            "token");
    String session =
        field(
            http.send(
                HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/v1/sessions"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString()),
            "accessToken");
    return http.send(
        HttpRequest.newBuilder(
                URI.create(gatewayUrl() + "/api/v1/patients/" + nhsNumber + "/record"))
            .header("Authorization", "Bearer " + session)
            .timeout(Duration.ofSeconds(15))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String field(HttpResponse<String> response, String name) {
    var matcher =
        java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"")
            .matcher(response.body());
    if (response.statusCode() / 100 != 2 || !matcher.find()) {
      throw new IllegalStateException(
          "Warm-up: expected \"" + name + "\" in " + response.statusCode() + " " + response.body());
    }
    return matcher.group(1);
  }

  /**
   * Serves {@code body} verbatim as {@code sourceKind}'s whole answer for one patient (see the
   * README's "Fixtures"), until {@link #removeFixture}.
   */
  void fixture(String sourceKind, String fileName, String body) throws IOException {
    Path dir = Files.createDirectories(fixtures.resolve(sourceKind));
    Files.writeString(dir.resolve(fileName), body);
  }

  void removeFixture(String sourceKind, String fileName) throws IOException {
    Files.deleteIfExists(fixtures.resolve(sourceKind).resolve(fileName));
  }

  String launcherUrl() {
    return "http://localhost:" + launcherPort;
  }

  String gatewayUrl() {
    return "http://localhost:" + gatewayPort;
  }

  String portalUrl() {
    return "http://localhost:" + portalPort;
  }

  /** A module's classes and the runtime classpath the build wrote. */
  private static String moduleClasspath(String module) throws IOException {
    Path target = ROOT.resolve(module).resolve("target");
    return target.resolve("classes")
        + java.io.File.pathSeparator
        + Files.readString(target.resolve("runtime-classpath.txt")).strip();
  }

  private void start(
      String module, String classpath, String mainClass, List<String> jvmArgs, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    Path log = LOGS.resolve(module + ".log");
    processes.add(
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start());
  }

  /**
   * How long a process may take to answer after starting: generous, because the machines these
   * journeys run on are shared (a JVM start has been seen to take over 90 s under load); {@code
   * -Dcarelens.e2e.start-seconds=N} changes it.
   */
  private static final long START_SECONDS = Long.getLong("carelens.e2e.start-seconds", 240);

  /** Waits until the URL answers anything over HTTP, or fails after {@link #START_SECONDS}. */
  private void awaitHttp(String url) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(START_SECONDS));
    int polls = 0;
    while (Instant.now().isBefore(deadline)) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          String logs = logs();
          throw portTaken(logs)
              ? new PortTakenException("A process could not bind its port:\n" + logs)
              : new IllegalStateException("A process exited early:\n" + logs);
        }
      }
      // A server that failed to bind may leave its JVM running: look for it every 2 s.
      if (++polls % 8 == 0) {
        String logs = logs();
        if (portTaken(logs)) {
          throw new PortTakenException("A process could not bind its port:\n" + logs);
        }
      }
      try {
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException e) {
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException(
        url + " did not answer within " + START_SECONDS + " s:\n" + logs());
  }

  private static boolean portTaken(String logs) {
    return logs.contains("Address already in use") || logs.contains("Failed to bind");
  }

  /** Switches a simulated source's fault profile through the launcher's admin API. */
  void setFault(String sourceId, String json) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(launcherUrl() + "/api/sources/" + sourceId + "/fault"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "fault profile of " + sourceId + ": " + response.statusCode() + " " + response.body());
    }
  }

  /**
   * Opens any patient from the simulated out-of-hours system as a persona, by submitting the
   * launcher's own launch form (the case list shows buttons for a few patients only).
   */
  void launch(org.openqa.selenium.WebDriver browser, String persona, String nhsNumber) {
    browser.get(launcherUrl() + "/");
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "const f = document.createElement('form'); f.method = 'post'; f.action = '/launch';"
                + "for (const [k, v] of [['persona', arguments[0]], ['nhsNumber', arguments[1]]]) {"
                + " const i = document.createElement('input'); i.type = 'hidden'; i.name = k;"
                + " i.value = v; f.appendChild(i); }"
                + "document.body.appendChild(f); f.submit();",
            persona,
            nhsNumber);
  }

  String logs() {
    StringBuilder out = new StringBuilder();
    try (var files = Files.list(LOGS)) {
      for (Path log : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(log);
        out.append("==> ").append(log.getFileName()).append('\n');
        lines
            .subList(Math.max(0, lines.size() - 40), lines.size())
            .forEach(l -> out.append(l).append('\n'));
      }
    } catch (IOException e) {
      out.append("(logs unreadable: ").append(e.getMessage()).append(")");
    }
    return out.toString();
  }

  @Override
  public void close() {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
