package org.carelens.bench.peer;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a peer needs: its port, each source's base URL, and the gateway's bounds on a view.
 *
 * @param port the port to listen on (localhost only)
 * @param sources every {@link PeerSource}'s base URL
 * @param timeLimit how long a source may take (the gateway's per-source time limit, 3 s)
 * @param deadline how long a view may take in all (the gateway's deadline, 4 s)
 * @param workerThreads platform threads that may each hold one view in flight, where the HTTP
 *     server needs them (Camel's Vert.x consumer)
 */
public record PeerConfig(
    int port,
    Map<PeerSource, URI> sources,
    Duration timeLimit,
    Duration deadline,
    int workerThreads) {

  public PeerConfig {
    sources = Map.copyOf(sources);
    for (PeerSource source : PeerSource.values()) {
      if (!sources.containsKey(source)) {
        throw new IllegalArgumentException("no URL for the source '" + source.id() + "'");
      }
    }
  }

  /** The same configuration on another port (0 for any free one where the server allows it). */
  public PeerConfig withPort(int port) {
    return new PeerConfig(port, sources, timeLimit, deadline, workerThreads);
  }

  /** This configuration as {@link #parse} reads it. */
  public List<String> toArgs() {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--port", String.valueOf(port)));
    sources.forEach((source, url) -> args.addAll(List.of("--source", source.id() + "=" + url)));
    args.addAll(List.of("--time-limit-ms", String.valueOf(timeLimit.toMillis())));
    args.addAll(List.of("--deadline-ms", String.valueOf(deadline.toMillis())));
    args.addAll(List.of("--worker-threads", String.valueOf(workerThreads)));
    return args;
  }

  /**
   * Reads {@code --port N --source id=url ... --time-limit-ms N --deadline-ms N --worker-threads
   * N}.
   */
  public static PeerConfig parse(List<String> args) {
    int port = 0;
    Map<PeerSource, URI> sources = new EnumMap<>(PeerSource.class);
    Duration timeLimit = Duration.ofSeconds(3);
    Duration deadline = Duration.ofSeconds(4);
    int workerThreads = 400;
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args.get(++i);
      switch (option) {
        case "--port" -> port = Integer.parseInt(value);
        case "--source" -> {
          String[] idAndUrl = value.split("=", 2);
          sources.put(source(idAndUrl[0]), URI.create(idAndUrl[1]));
        }
        case "--time-limit-ms" -> timeLimit = Duration.ofMillis(Long.parseLong(value));
        case "--deadline-ms" -> deadline = Duration.ofMillis(Long.parseLong(value));
        case "--worker-threads" -> workerThreads = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown option '" + option + "'");
      }
    }
    return new PeerConfig(port, sources, timeLimit, deadline, workerThreads);
  }

  private static PeerSource source(String id) {
    for (PeerSource source : PeerSource.values()) {
      if (source.id().equals(id)) {
        return source;
      }
    }
    throw new IllegalArgumentException("no source '" + id + "'");
  }
}
