package org.carelens.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.carelens.bench.peer.PeerConfig;
import org.carelens.bench.peer.PeerMain;
import org.carelens.bench.peer.PeerSource;

/**
 * A peer ({@link PeerMain}) in its own JVM, started like the gateway (default JVM options, its own
 * working directory and log), on the bench's classpath, against the same canned sources and with
 * the gateway's time limit and deadline.
 */
final class PeerProcess extends ChildJvm {

  /** The two peers. */
  enum Kind {
    CAMEL("camel", "Camel scatter-gather"),
    SEQUENTIAL("sequential", "sequential fan-out");

    final String id;
    final String label;

    Kind(String id, String label) {
      this.id = id;
      this.label = label;
    }

    static Kind of(String id) {
      for (Kind kind : values()) {
        if (kind.id.equals(id)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("no peer '" + id + "' (camel, sequential)");
    }
  }

  private final Kind kind;

  private PeerProcess(Kind kind, Process process, int port, Path log) {
    super(process, port, log);
    this.kind = kind;
  }

  static PeerProcess start(Kind kind, Path workDir, Map<String, CannedSource> sources)
      throws IOException, InterruptedException {
    Map<PeerSource, URI> urls = new EnumMap<>(PeerSource.class);
    for (PeerSource source : PeerSource.values()) {
      urls.put(source, URI.create(sources.get(source.id()).baseUrl()));
    }
    int port = freePort();
    PeerConfig config =
        new PeerConfig(
            port,
            urls,
            BenchMain.TIME_LIMIT,
            BenchMain.DEADLINE,
            // The Vert.x workers the Camel peer holds per view in flight: the design rate for the
            // 1 s latency goal, so the pool does not cap what the bench asks of it.
            (int) (BenchMain.DESIGN_RATE * Duration.ofSeconds(1).toSeconds()));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PeerMain.class.getName());
    command.add(kind.id);
    command.addAll(config.toArgs());
    Path log = workDir.resolve(kind.id + ".log");
    PeerProcess peer = new PeerProcess(kind, launch(command, workDir, log), port, log);
    peer.awaitReady();
    return peer;
  }

  Kind kind() {
    return kind;
  }

  @Override
  String label() {
    return kind.label;
  }

  @Override
  boolean launches() {
    return false;
  }

  /** Heap in use, from the peer's {@code GET /heap} (its memory MXBean). */
  @Override
  long heapUsedBytes() throws IOException, InterruptedException {
    return Long.parseLong(get("/heap").strip());
  }
}
