package org.carelens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Smoke tests of the benchmark's parts; the benchmark itself runs only through bench/run. */
class CannedSourceTest {

  private HttpServer upstream;
  private final AtomicInteger upstreamCalls = new AtomicInteger();
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start_an_upstream_that_numbers_its_answers() throws Exception {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    upstream.createContext(
        "/",
        exchange -> {
          byte[] body =
              ("answer " + upstreamCalls.incrementAndGet() + " to " + exchange.getRequestURI())
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/plain");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    upstream.start();
  }

  @AfterEach
  void stop() {
    upstream.stop(0);
    client.close();
  }

  @Test
  void a_recorded_answer_is_replayed_without_asking_the_simulator_again() throws Exception {
    try (CannedSource source =
        new CannedSource("gp", "http://localhost:" + upstream.getAddress().getPort())) {
      String recorded = get(source, "/Patient/9990000018");
      source.mode(CannedSource.Mode.REPLAY);

      String replayed = get(source, "/Patient/9990000018");

      assertThat(replayed).isEqualTo(recorded).isEqualTo("answer 1 to /Patient/9990000018");
      assertThat(upstreamCalls).hasValue(1);
      assertThat(source.forwarded()).isZero();
    }
  }

  @Test
  void a_request_never_recorded_is_forwarded_and_counted_while_replaying() throws Exception {
    try (CannedSource source =
        new CannedSource("gp", "http://localhost:" + upstream.getAddress().getPort())) {
      source.mode(CannedSource.Mode.REPLAY);

      String answer = get(source, "/Patient/9990000026");

      assertThat(answer).isEqualTo("answer 1 to /Patient/9990000026");
      assertThat(source.forwarded()).isEqualTo(1);
      assertThat(source.requests()).isEqualTo(1);
    }
  }

  @Test
  void a_views_sources_are_read_with_the_kind_of_each_error() {
    String view =
        "{\"patient\":{},\"sources\":["
            + "{\"id\":\"gp\",\"name\":\"GP practice\",\"status\":\"OK\",\"elapsedMs\":101,"
            + "\"cached\":false,\"retrievedAt\":\"2026-12-03T16:00:00Z\",\"reason\":null,"
            + "\"detail\":null,\"obligations\":[],\"incompleteSections\":[]},"
            + "{\"id\":\"acute\",\"name\":\"Hospital\",\"status\":\"ERROR\",\"elapsedMs\":0,"
            + "\"cached\":false,\"retrievedAt\":null,\"reason\":null,"
            + "\"detail\":\"Bulkhead full: 23 calls to this source are still in flight; not asked\","
            + "\"obligations\":[],\"incompleteSections\":[]}]}";

    List<String> sources = OpenLoad.sources(view);

    assertThat(sources).containsExactly("gp=OK", "acute=ERROR(Bulkhead full)");
  }

  @Test
  void percentiles_are_nearest_rank_in_milliseconds() {
    Latencies latencies =
        Latencies.of(List.of(5_000_000L, 1_000_000L, 3_000_000L, 2_000_000L, 4_000_000L), n -> n);

    assertThat(latencies.ms(0.5)).isEqualTo(3.0);
    assertThat(latencies.ms(0.99)).isEqualTo(5.0);
    assertThat(latencies.maxMs()).isEqualTo(5.0);
  }

  private String get(CannedSource source, String path) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(source.baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
