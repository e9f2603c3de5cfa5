package org.carelens.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One source as the benchmark serves it: a JDK {@code HttpServer} on localhost that answers each
 * request with bytes it recorded earlier from the real simulator, after a fixed delay.
 *
 * <p>While {@link Mode#RECORD} it forwards every request it has not seen to the simulator and keeps
 * the answer, keyed by method, path, query and body, answering at once. In {@link Mode#REPLAY} it
 * answers from what it recorded after the delay, and forwards (and counts) only requests it has not
 * seen, so the simulators' own CPU (HAPI building bundles, WireMock matching) is spent once, before
 * the measurement. In {@link Mode#HANG} it never answers: the request is held until the gateway
 * gives up or the source is closed.
 *
 * <p>Each request runs on its own virtual thread, so a delay or a hang costs no platform thread.
 * Thread-safe.
 */
final class CannedSource implements AutoCloseable {

  enum Mode {
    RECORD,
    REPLAY,
    HANG
  }

  /** A recorded answer. */
  record Canned(int status, String contentType, byte[] body) {}

  /** Request headers the JDK client sets itself and refuses to be given. */
  private static final Set<String> RESTRICTED =
      Set.of("host", "connection", "content-length", "upgrade", "expect", "keep-alive", "te");

  private final String id;
  private final URI upstream;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Map<String, Canned> recorded = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong forwarded = new AtomicLong();
  private final AtomicLong whileFlagged = new AtomicLong();
  private volatile Mode mode = Mode.RECORD;
  private volatile Duration delay = Duration.ZERO;
  private volatile LongSupplier flag = () -> 0;

  CannedSource(String id, String upstreamBaseUrl) throws IOException {
    this.id = id;
    this.upstream = URI.create(upstreamBaseUrl);
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  String id() {
    return id;
  }

  String baseUrl() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  void mode(Mode mode) {
    this.mode = mode;
  }

  void delay(Duration delay) {
    this.delay = delay;
  }

  /**
   * Counts requests that arrive while {@code flag} answers non-zero (the benchmark flags "this
   * source's circuit is open").
   */
  void countWhile(LongSupplier flag) {
    this.flag = flag;
    whileFlagged.set(0);
  }

  long requests() {
    return requests.get();
  }

  long forwarded() {
    return forwarded.get();
  }

  long requestsWhileFlagged() {
    return whileFlagged.get();
  }

  int recordedAnswers() {
    return recorded.size();
  }

  void resetCounts() {
    requests.set(0);
    forwarded.set(0);
    whileFlagged.set(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    requests.incrementAndGet();
    if (flag.getAsLong() != 0) {
      whileFlagged.incrementAndGet();
    }
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Mode now = mode;
      if (now == Mode.HANG) {
        // A hung source: the connection stays open and silent until the caller gives up.
        Thread.sleep(Duration.ofMinutes(2));
        return;
      }
      String key = key(exchange, body);
      Canned answer = recorded.get(key);
      if (answer == null) {
        if (now == Mode.REPLAY) {
          forwarded.incrementAndGet();
        }
        answer = forward(exchange, body);
        if (answer.status() < 500) {
          recorded.put(key, answer);
        }
      }
      long remaining = delay.toNanos() - (System.nanoTime() - arrived);
      if (now == Mode.REPLAY && remaining > 0) {
        Thread.sleep(Duration.ofNanos(remaining));
      }
      if (answer.contentType() != null) {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      }
      exchange.sendResponseHeaders(
          answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
      if (answer.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The gateway gave up on this call (time limit or deadline) and closed the connection.
    }
  }

  private static String key(HttpExchange exchange, byte[] body) {
    return exchange.getRequestMethod()
        + " "
        + exchange.getRequestURI()
        + "\n"
        + new String(body, StandardCharsets.UTF_8);
  }

  private Canned forward(HttpExchange exchange, byte[] body) throws IOException {
    URI target = upstream.resolve(exchange.getRequestURI().toString());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(30))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      if (RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String value : header.getValue()) {
        request.header(header.getKey(), value);
      }
    }
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Canned(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted forwarding to " + target, e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    client.close();
  }
}
