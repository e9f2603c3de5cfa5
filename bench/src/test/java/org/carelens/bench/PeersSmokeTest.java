package org.carelens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.carelens.bench.peer.CamelPeer;
import org.carelens.bench.peer.Peer;
import org.carelens.bench.peer.PeerConfig;
import org.carelens.bench.peer.PeerSource;
import org.carelens.bench.peer.SequentialPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each peer, started briefly in this JVM against canned sources in front of a small fake upstream,
 * builds one view. Bounded by a generous timeout; nothing here is timed.
 */
@Timeout(120)
class PeersSmokeTest {

  private static final String NHS = "9990000018";

  private HttpServer upstream;
  private final Queue<String> upstreamRequests = new ConcurrentLinkedQueue<>();
  private final Map<PeerSource, CannedSource> sources = new EnumMap<>(PeerSource.class);
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start_canned_sources_in_front_of_a_fake_upstream() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    upstream.createContext("/", this::answer);
    upstream.start();
    for (PeerSource source : PeerSource.values()) {
      CannedSource canned =
          new CannedSource(source.id(), "http://localhost:" + upstream.getAddress().getPort());
      canned.mode(CannedSource.Mode.REPLAY);
      canned.delay(Duration.ofMillis(5));
      sources.put(source, canned);
    }
  }

  @AfterEach
  void stop() {
    sources.values().forEach(CannedSource::close);
    upstream.stop(0);
    client.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"camel", "sequential"})
  void a_peer_asks_every_source_and_answers_one_view(String kind) throws Exception {
    try (Peer peer = start(kind, Duration.ofSeconds(30))) {
      HttpResponse<String> view = view(peer);

      assertThat(view.statusCode()).isEqualTo(200);
      assertThat(OpenLoad.sources(view.body()))
          .containsExactly(
              "pds=OK", "gp=OK", "acute=OK", "social-care=OK", "pharmacy=OK", "care-plans=OK");
      assertThat(view.body())
          .contains("\"id\":\"safeguarding-1\"", "\"id\":\"gp-item\"", "\"id\":\"dispensed-1\"");
      assertThat(upstreamRequests)
          .hasSize(16)
          .contains(
              "POST /Patient/$gpc.getstructuredrecord",
              "GET /DiagnosticReport?patient:identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C"
                  + NHS
                  + "&_include=DiagnosticReport:result",
              "GET /api/v1/people/P1/safeguarding?page=0&size=20");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"camel", "sequential"})
  void a_hanging_source_is_reported_as_timed_out_and_the_view_still_comes(String kind)
      throws Exception {
    try (Peer peer = start(kind, Duration.ofSeconds(2))) {
      view(peer);
      sources.get(PeerSource.ACUTE).mode(CannedSource.Mode.HANG);

      HttpResponse<String> view = view(peer);

      assertThat(view.statusCode()).isEqualTo(200);
      assertThat(OpenLoad.sources(view.body())).hasSize(6).contains("acute=TIMEOUT");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"camel", "sequential"})
  void a_peer_says_its_heap_and_refuses_what_is_not_an_nhs_number(String kind) throws Exception {
    try (Peer peer = start(kind, Duration.ofSeconds(30))) {
      HttpResponse<String> heap = get(peer.baseUrl() + "/heap");
      HttpResponse<String> bad = get(peer.baseUrl() + "/api/v1/patients/12345/record");

      assertThat(Long.parseLong(heap.body())).isPositive();
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(upstreamRequests).isEmpty();
    }
  }

  private Peer start(String kind, Duration timeLimit) throws Exception {
    Map<PeerSource, URI> urls = new EnumMap<>(PeerSource.class);
    sources.forEach((source, canned) -> urls.put(source, URI.create(canned.baseUrl())));
    PeerConfig config = new PeerConfig(freePort(), urls, timeLimit, timeLimit.plusSeconds(1), 8);
    return kind.equals("camel") ? CamelPeer.start(config) : SequentialPeer.start(config);
  }

  private HttpResponse<String> view(Peer peer) throws Exception {
    return get(peer.baseUrl() + "/api/v1/patients/" + NHS + "/record");
  }

  private HttpResponse<String> get(String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Small answers in each source's format; every request is noted as METHOD and raw URI. */
  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      String uri = exchange.getRequestURI().toString();
      upstreamRequests.add(exchange.getRequestMethod() + " " + uri);
      String path = exchange.getRequestURI().getPath();
      String body;
      if (path.equals("/Patient/" + NHS)) {
        body = "{\"resourceType\":\"Patient\",\"id\":\"" + NHS + "\"}";
      } else if (path.equals("/Patient/$gpc.getstructuredrecord")) {
        body = bundle("gp-item");
      } else if (path.equals("/api/v1/people")) {
        body = "{\"content\":[{\"id\":\"P1\",\"nhsNumber\":\"" + NHS + "\"}]}";
      } else if (path.startsWith("/api/v1/people/P1/")) {
        body = "{\"content\":[{\"id\":\"" + path.substring(18) + "-1\"}]}";
      } else if (path.endsWith("/dispensing")) {
        body = "{\"nhsNumber\":\"" + NHS + "\",\"dispensed\":[{\"id\":\"dispensed-1\"}]}";
      } else {
        body = bundle(path.substring(1) + "-1");
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String bundle(String itemId) {
    return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
        + "{\"resourceType\":\"Basic\",\"id\":\""
        + itemId
        + "\"}}]}";
  }
}
