package org.carelens.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Talks to a running gateway over real HTTP the way the portal does: launch, then read. */
public final class GatewayTestClient {

  private final String baseUrl;
  private final JsonMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  public GatewayTestClient(String baseUrl, JsonMapper json) {
    this.baseUrl = baseUrl;
    this.json = json;
  }

  /** Exchanges a launch token for a session access token; fails the test if refused. */
  public String session(String launchToken) throws IOException, InterruptedException {
    HttpResponse<String> response = exchange(launchToken);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    Map<String, Object> body =
        json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    return (String) body.get("accessToken");
  }

  /** {@code POST /api/v1/sessions} with a launch token, whatever the answer. */
  public HttpResponse<String> exchange(String launchToken)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/sessions"))
            .header("Authorization", "Bearer " + launchToken)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path, String accessToken)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + accessToken)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<java.util.stream.Stream<String>> lines(String path, String accessToken)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + accessToken)
            .header("Accept", "text/event-stream")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofLines());
  }

  public HttpResponse<String> getAnonymous(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
