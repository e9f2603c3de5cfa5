package org.carelens.bench.peer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The naive lower bound: a JDK {@code HttpServer} on virtual threads that, for each view, makes
 * every call of every source one after another with the JDK {@code HttpClient} (as the gateway's
 * adapters do), then assembles the view. Its CPU per view is about the least the HTTP calls and the
 * JSON work can cost; its latency is the sum of every round trip.
 *
 * <p>Bounds: each source may take {@link PeerConfig#timeLimit()}, the view {@link
 * PeerConfig#deadline()}; a call that would start after either is not made, and the source is
 * reported {@code TIMEOUT}. Thread-safe.
 */
public final class SequentialPeer implements Peer {

  private static final String RECORD_PREFIX = "/api/v1/patients/";
  private static final String RECORD_SUFFIX = "/record";

  private final PeerConfig config;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();

  private SequentialPeer(PeerConfig config) throws IOException {
    this.config = config;
    server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 1024);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
  }

  /** Starts serving on {@code config.port()} (0: any free port). */
  public static SequentialPeer start(PeerConfig config) throws IOException {
    SequentialPeer peer = new SequentialPeer(config);
    peer.server.start();
    return peer;
  }

  @Override
  public String baseUrl() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/health")) {
        respond(exchange, 200, "text/plain", "UP".getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/heap")) {
        respond(
            exchange,
            200,
            "text/plain",
            String.valueOf(Peer.heapUsedBytes()).getBytes(StandardCharsets.UTF_8));
      } else if (path.startsWith(RECORD_PREFIX)
          && path.endsWith(RECORD_SUFFIX)
          && exchange.getRequestMethod().equals("GET")) {
        String nhs = path.substring(RECORD_PREFIX.length(), path.length() - RECORD_SUFFIX.length());
        if (!NHS_NUMBER.matcher(nhs).matches()) {
          respond(
              exchange, 400, "text/plain", "not an NHS number".getBytes(StandardCharsets.UTF_8));
          return;
        }
        respond(exchange, 200, "application/json", view(nhs));
      } else {
        respond(exchange, 404, "text/plain", new byte[0]);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** One view: every source, every call, one after another. */
  byte[] view(String nhs) throws InterruptedException {
    long deadline = System.nanoTime() + config.deadline().toNanos();
    List<ViewAssembly.SourceResult> results = new ArrayList<>();
    for (PeerSource source : PeerSource.values()) {
      long started = System.nanoTime();
      long limit = Math.min(deadline, started + config.timeLimit().toNanos());
      List<Answer> answers = new ArrayList<>();
      if (ask(source, source.first(nhs), limit, answers)) {
        ask(source, source.then(nhs, answers), limit, answers);
      }
      results.add(ViewAssembly.result(source, answers, System.nanoTime() - started));
    }
    return ViewAssembly.view(nhs, results, config.timeLimit());
  }

  /** Makes the calls in turn until one fails; false if one did. */
  private boolean ask(
      PeerSource source, List<PeerSource.Call> calls, long limitNanos, List<Answer> answers)
      throws InterruptedException {
    for (PeerSource.Call call : calls) {
      long remaining = limitNanos - System.nanoTime();
      Answer answer =
          remaining <= 0
              ? Answer.timedOut("not asked: the time limit had passed")
              : call(source, call, Duration.ofNanos(remaining));
      answers.add(answer);
      if (answer.timedOut() || answer.failure() != null) {
        return false;
      }
    }
    return true;
  }

  private Answer call(PeerSource source, PeerSource.Call call, Duration timeout)
      throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(config.sources().get(source) + call.pathAndQuery()))
            .timeout(timeout)
            .header("Accept", call.accept());
    String body = call.body();
    String type = call.contentType();
    if (body != null && type != null) {
      request
          .header("Content-Type", type)
          .method(call.method(), HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(call.method(), HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return Answer.of(response.statusCode(), response.body(), source.displayName());
    } catch (HttpTimeoutException e) {
      return Answer.timedOut("no answer within the time limit");
    } catch (IOException e) {
      return Answer.failed(e.getClass().getSimpleName() + " calling " + source.displayName());
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    client.close();
  }
}
