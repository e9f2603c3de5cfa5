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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A system under test in a JVM of its own (the gateway, or a peer), so that its CPU time is its
 * own: {@link #cpu()} reads the process's total CPU time from the operating system, {@link
 * #rssBytes()} its resident set from {@code /proc}.
 */
abstract sealed class ChildJvm implements AutoCloseable permits GatewayProcess, PeerProcess {

  private final Process process;
  private final int port;
  private final Path log;
  final HttpClient client = HttpClient.newHttpClient();

  ChildJvm(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts {@code command} in {@code workDir}, its output to {@code log}. */
  static Process launch(List<String> command, Path workDir, Path log) throws IOException {
    Files.createDirectories(workDir);
    return new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** What the report calls it. */
  abstract String label();

  /** Whether a view starts with a launch token exchanged for a session (the gateway's does). */
  abstract boolean launches();

  /** Heap in use, in bytes, as the process reports it. */
  abstract long heapUsedBytes() throws IOException, InterruptedException;

  /** Waits until {@code GET /health} answers (a 503 counts: the gateway says it is starting). */
  final void awaitReady() throws InterruptedException, IOException {
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            label() + " exited during start-up; its log: " + log + "\n" + tail());
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
    throw new IllegalStateException(label() + " did not answer within 90 s; log: " + log);
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  final String baseUrl() {
    return "http://localhost:" + port;
  }

  final long pid() {
    return process.pid();
  }

  /** The process's CPU time so far, user plus system, over all its threads. */
  final Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElseThrow();
  }

  /** Resident set size in bytes, from {@code /proc}. */
  final long rssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }

  /** The body of a {@code GET} on this process. */
  final String get(String path) throws IOException, InterruptedException {
    return client
        .send(
            HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** SIGTERM, then SIGKILL after 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    client.close();
  }
}
