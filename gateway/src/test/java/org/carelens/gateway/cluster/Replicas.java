package org.carelens.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carelens.gateway.TestLaunchTokens;

/**
 * Gateway replicas for tests: each a full Micronaut context with its own HTTP server, all on one
 * database, as a load balancer would see them. Sources are in memory ({@link ReplicaSources}).
 */
final class Replicas {

  final TestLaunchTokens tokens = new TestLaunchTokens();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, Object> shared;

  /**
   * @param database the JDBC URL every replica uses
   * @param extra further properties for every replica
   */
  Replicas(String database, Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("micronaut.server.port", -1);
    properties.put(ReplicaSources.ENABLED, "true");
    properties.put("carelens.launch.issuer", TestLaunchTokens.ISSUER);
    properties.put("carelens.launch.audience", TestLaunchTokens.AUDIENCE);
    properties.put("carelens.launch.jwks", tokens.jwksJson());
    properties.put("datasources.default.url", database);
    properties.putAll(extra);
    this.shared = Map.copyOf(properties);
  }

  EmbeddedServer start() {
    return ApplicationContext.run(EmbeddedServer.class, shared, "test");
  }

  /** Launches {@code role} for {@code patient} on {@code replica} and returns the session token. */
  String launch(EmbeddedServer replica, String role, String patient, String user) throws Exception {
    HttpResponse<String> response =
        send(
            replica,
            "POST",
            "/api/v1/sessions",
            tokens.token(role, patient, c -> c.subject(user)),
            null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    Matcher token = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(response.body());
    assertThat(token.find()).isTrue();
    return token.group(1);
  }

  HttpResponse<String> send(
      EmbeddedServer replica, String method, String path, String bearer, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(replica.getURL() + path))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(EmbeddedServer replica, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(replica.getURL() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
