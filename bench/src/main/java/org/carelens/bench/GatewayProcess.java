package org.carelens.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway as it is run ({@code ./carelens demo}): its own JVM on the distribution module's
 * runtime classpath, on the shipped {@code application.yml} plus the demo's {@code
 * carelens-demo.yml}, with the embedded H2 file database, in a scratch working directory. The
 * benchmark only overrides what points it at the canned sources and the bench launcher, and what
 * the scenario varies (cache window, bulkhead size). A JVM of its own means its CPU time is its
 * own: {@link #cpu()} reads the process's total CPU time from the operating system.
 */
final class GatewayProcess implements AutoCloseable {

  private static final Pattern HEAP =
      Pattern.compile(
          "^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)$", Pattern.MULTILINE);

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient client = HttpClient.newHttpClient();

  private GatewayProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the gateway and waits until it answers.
   *
   * @param root the repository root (for the distribution's classpath and demo configuration)
   * @param workDir where its database, audit checkpoints and log go
   * @param properties configuration overrides, passed as system properties
   * @param jvmOptions further JVM options (a flight recording, say)
   */
  static GatewayProcess start(
      Path root, Path workDir, Map<String, String> properties, List<String> jvmOptions)
      throws IOException, InterruptedException {
    Path classpathFile = root.resolve("distribution/target/runtime-classpath.txt");
    if (!Files.exists(classpathFile)) {
      throw new IllegalStateException(
          classpathFile
              + " is missing: build first (bench/run does: ./mvnw -o package -pl bench -am)");
    }
    Files.createDirectories(workDir);
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Dmicronaut.server.port=" + port);
    command.add("-Dmicronaut.config.files=" + root.resolve("distribution/carelens-demo.yml"));
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(Files.readString(classpathFile).strip());
    command.add("org.carelens.gateway.Application");
    Path log = workDir.resolve("gateway.log");
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    GatewayProcess gateway = new GatewayProcess(process, port, log);
    gateway.awaitReady();
    return gateway;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady() throws InterruptedException, IOException {
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the gateway exited during start-up; its log: " + log + "\n" + tail());
      }
      try {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() < 500 || response.statusCode() == 503) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the gateway did not answer within 90 s; log: " + log);
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  long pid() {
    return process.pid();
  }

  /** The gateway process's CPU time so far, user plus system, over all its threads. */
  Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElseThrow();
  }

  /** Resident set size in bytes, from {@code /proc}. */
  long rssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }

  /** Heap in use, summed over the heap pools, from the gateway's own {@code /prometheus}. */
  long heapUsedBytes() throws IOException, InterruptedException {
    String body =
        client
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = HEAP.matcher(body);
    double sum = 0;
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
    }
    return (long) sum;
  }

  /** The body of {@code GET /health} (circuit states per source). */
  String health() throws IOException, InterruptedException {
    return client
        .send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Override
  public void close() throws InterruptedException {
    // SIGTERM: the gateway signs its closing audit checkpoint and, with a flight recording, dumps
    // it.
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    client.close();
  }
}
