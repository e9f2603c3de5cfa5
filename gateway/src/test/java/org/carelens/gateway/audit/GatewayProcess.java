package org.carelens.gateway.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One gateway started as its own JVM from the test's classpath, so it can be killed with SIGKILL
 * ({@link Process#destroyForcibly()}) like a crashed server. Its output goes to a log file; it is
 * ready when Micronaut prints "Server Running" (read from the output, so nothing polls or sleeps).
 */
final class GatewayProcess {

  private final Process process;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  final int generation;
  final String baseUrl;

  private GatewayProcess(Process process, int generation, String baseUrl, Path log) {
    this.process = process;
    this.generation = generation;
    this.baseUrl = baseUrl;
    Thread.ofPlatform()
        .daemon()
        .name("gateway-" + generation + "-output")
        .start(() -> copyOutput(log));
    process.onExit().thenRun(() -> ready.completeExceptionally(exited()));
  }

  /** Starts a gateway with {@code properties} as {@code -D} options; does not wait for it. */
  static GatewayProcess start(
      Map<String, String> properties, int generation, String baseUrl, Path log) throws IOException {
    String classpath = classpath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-cp");
    command.add(classpath);
    command.add("org.carelens.gateway.Application");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    return new GatewayProcess(process, generation, baseUrl, log);
  }

  private static volatile String snapshot;

  /**
   * The test's classpath with the gateway's own classes replaced by a copy taken once: other builds
   * in a shared tree may recompile {@code target/classes} while a gateway generation still loads
   * classes from it, which would look like a crash the test did not cause. Test classes are left
   * out; the gateway does not need them.
   */
  static synchronized String classpath() throws IOException {
    if (snapshot == null) {
      String full =
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      Path copy =
          Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-test-classes-");
      List<String> entries = new ArrayList<>();
      for (String entry : full.split(java.io.File.pathSeparator)) {
        Path path = Path.of(entry).toAbsolutePath().normalize();
        if (path.endsWith(Path.of("target", "test-classes"))) {
          continue;
        }
        if (path.endsWith(Path.of("gateway", "target", "classes"))) {
          copyTree(path, copy);
          entries.add(copy.toString());
        } else {
          entries.add(entry);
        }
      }
      snapshot = String.join(java.io.File.pathSeparator, entries);
    }
    return snapshot;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Waits until the server accepts requests. */
  void awaitReady(Duration timeout) throws Exception {
    try {
      ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Gateway " + generation + " did not start within " + timeout, e);
    }
  }

  /** SIGKILL: no shutdown hooks, no pool close, no database close. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("Gateway " + generation + " survived SIGKILL");
    }
  }

  /** The exit status once the process has ended (137 after SIGKILL). */
  int exitStatus() throws InterruptedException {
    return process.waitFor();
  }

  boolean alive() {
    return process.isAlive();
  }

  private IllegalStateException exited() {
    return new IllegalStateException(
        "Gateway " + generation + " exited with status " + process.exitValue());
  }

  private void copyOutput(Path log) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out =
            new PrintWriter(
                Files.newBufferedWriter(
                    log,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND))) {
      out.println("==== gateway generation " + generation);
      String line;
      while ((line = in.readLine()) != null) {
        out.println(line);
        out.flush();
        if (line.contains("Server Running")) {
          ready.complete(null);
        }
      }
    } catch (IOException e) {
      ready.completeExceptionally(new UncheckedIOException(e));
    }
  }
}
