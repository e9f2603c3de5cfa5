package org.carelens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * the scenario varies (cache window, bulkhead size). On SIGTERM ({@link #close()}) the gateway
 * signs its closing audit checkpoint and, with a flight recording, dumps it.
 */
final class GatewayProcess extends ChildJvm {

  private static final Pattern HEAP =
      Pattern.compile(
          "^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)$", Pattern.MULTILINE);

  private GatewayProcess(Process process, int port, Path log) {
    super(process, port, log);
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
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    // Experiments with the gateway's JVM or configuration (-D...) without a rebuild.
    String extra = System.getenv("CARELENS_BENCH_GATEWAY_OPTS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.strip().split("\\s+")));
    }
    command.add("-Dmicronaut.server.port=" + port);
    command.add("-Dmicronaut.config.files=" + root.resolve("distribution/carelens-demo.yml"));
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(Files.readString(classpathFile).strip());
    command.add("org.carelens.gateway.Application");
    Path log = workDir.resolve("gateway.log");
    GatewayProcess gateway = new GatewayProcess(launch(command, workDir, log), port, log);
    gateway.awaitReady();
    return gateway;
  }

  @Override
  String label() {
    return "Carelens";
  }

  @Override
  boolean launches() {
    return true;
  }

  /** Heap in use, summed over the heap pools, from the gateway's own {@code /prometheus}. */
  @Override
  long heapUsedBytes() throws IOException, InterruptedException {
    Matcher m = HEAP.matcher(get("/prometheus"));
    double sum = 0;
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
    }
    return (long) sum;
  }

  /** The body of {@code GET /health} (circuit states per source). */
  String health() throws IOException, InterruptedException {
    return get("/health");
  }
}
