package org.carelens.simulators.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.carelens.simulators.launcher.LauncherSimulator;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultControllerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Population POPULATION = Population.generate(42, 5);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private WireMockServer first;
  private WireMockServer second;
  private LauncherSimulator launcher;

  @BeforeEach
  void start() throws IOException {
    // Fixed ports, as the real simulators use: "down" restarts a server on the port it had.
    first = source(freePort());
    second = source(freePort());
    FaultController faults = new FaultController();
    faults.register("pds", "pds", first);
    faults.register("gp", "gp", List.of(first, second), List.of("gp-A81001", "gp-B82005"));
    launcher = new LauncherSimulator(POPULATION);
    launcher.addAdminRoute(faults);
    launcher.start(0);
  }

  @AfterEach
  void stop() {
    launcher.stop();
    first.stop();
    second.stop();
  }

  @Test
  void every_source_is_listed_with_its_port_and_normal_profile() throws Exception {
    JsonNode sources = JSON.readTree(admin("GET", "/api/sources", null).body());

    assertThat(sources).hasSize(2);
    assertThat(sources.get(0).get("id").asText()).isEqualTo("pds");
    assertThat(sources.get(0).get("port").asInt()).isEqualTo(first.port());
    assertThat(sources.get(0).get("fault").get("profile").asText()).isEqualTo("normal");
    assertThat(sources.get(1).get("members").get(1).get("id").asText()).isEqualTo("gp-B82005");
  }

  @Test
  void flaky_at_one_hundred_percent_fails_every_request_until_normal() throws Exception {
    put("gp", "{\"profile\":\"flaky\",\"errorRate\":100}");

    int during = call(second).statusCode();
    put("gp", "{\"profile\":\"normal\"}");
    int after = call(second).statusCode();

    assertThat(during).isEqualTo(500);
    assertThat(after).isEqualTo(200);
  }

  @Test
  void garbage_and_huge_replace_the_payload() throws Exception {
    put("pds", "{\"profile\":\"garbage\"}");
    String garbage = call(first).body();
    put("pds", "{\"profile\":\"huge\",\"sizeBytes\":100000}");
    String huge = call(first).body();

    assertThat(garbage).isEqualTo(SimulatedSource.GARBAGE);
    assertThat(huge).hasSize(100_000).startsWith("{\"resourceType\":\"Bundle\"");
  }

  @Test
  void slow_delays_the_answer_by_the_given_time() throws Exception {
    put("pds", "{\"profile\":\"slow\",\"delayMs\":300}");

    long start = System.nanoTime();
    HttpResponse<String> response = call(first);
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.body()).isEqualTo("normal");
    assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
  }

  @Test
  void down_refuses_connections_and_normal_brings_the_source_back_on_its_port() throws Exception {
    int port = first.port();
    put("pds", "{\"profile\":\"down\"}");

    assertThatThrownBy(() -> call(port)).hasCauseInstanceOf(ConnectException.class);
    put("pds", "{\"profile\":\"normal\"}");
    assertThat(call(port).body()).isEqualTo("normal");
  }

  @Test
  void a_member_can_be_switched_alone() throws Exception {
    put("gp-A81001", "{\"profile\":\"flaky\",\"errorRate\":100}");

    assertThat(call(first).statusCode()).isEqualTo(500);
    assertThat(call(second).statusCode()).isEqualTo(200);
  }

  @Test
  void an_unknown_profile_or_parameter_is_a_bad_request_and_an_unknown_source_not_found()
      throws Exception {
    HttpResponse<String> profile =
        admin("PUT", "/api/sources/pds/fault", "{\"profile\":\"sideways\"}");
    HttpResponse<String> parameter =
        admin("PUT", "/api/sources/pds/fault", "{\"profile\":\"slow\",\"errorRate\":5}");
    HttpResponse<String> source =
        admin("PUT", "/api/sources/nowhere/fault", "{\"profile\":\"slow\"}");

    assertThat(profile.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(profile.body()).get("detail").asText())
        .startsWith("unknown profile 'sideways'");
    assertThat(parameter.statusCode()).isEqualTo(400);
    assertThat(source.statusCode()).isEqualTo(404);
  }

  private static WireMockServer source(int port) {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().port(port));
    server.start();
    server.stubFor(get("/thing").willReturn(ok("normal")));
    return server;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void put(String id, String body) throws Exception {
    HttpResponse<String> response = admin("PUT", "/api/sources/" + id + "/fault", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private HttpResponse<String> admin(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(launcher.baseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> call(WireMockServer server) throws Exception {
    return call(server.port());
  }

  private HttpResponse<String> call(int port) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/thing")).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
