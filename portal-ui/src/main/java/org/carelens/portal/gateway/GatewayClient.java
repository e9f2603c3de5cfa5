package org.carelens.portal.gateway;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Carelens gateway's HTTP API. Thread-safe; one instance per portal process.
 *
 * <p>Every failure surfaces as a {@link GatewayException} with the gateway's status, problem code
 * and detail, so the UI can say exactly what went wrong. Tokens are never logged.
 */
@Singleton
public class GatewayClient implements AutoCloseable {

  /** The configuration key for the gateway's base URL, e.g. {@code http://localhost:8081}. */
  public static final String URL_PROPERTY = "carelens.gateway.url";

  // The gateway answers within its own overall deadline (about 5 s); 10 s leaves room for the
  // network without letting a hung gateway hold a clinician's page for ever.
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  private static final Logger LOG = LoggerFactory.getLogger(GatewayClient.class);
  private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");
  private static final String PROBLEM_JSON = "application/problem+json";

  private final HttpClient http;
  private final JsonMapper json;
  private final URI baseUrl;
  private final String pathPrefix;

  public GatewayClient(@Property(name = URL_PROPERTY) URI baseUrl, JsonMapper json) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.json = Objects.requireNonNull(json, "json");
    if (baseUrl.getScheme() == null || baseUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "Gateway URL must be absolute, like http://localhost:8081, was '%s'".formatted(baseUrl));
    }
    // A Micronaut client created at a URL with a path drops that path for absolute request paths,
    // so the client is created at the root and the path is prefixed to every request here.
    String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    this.pathPrefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
    config.setReadTimeout(READ_TIMEOUT);
    config.setConnectTimeout(CONNECT_TIMEOUT);
    config.setFollowRedirects(false);
    // Netty's default quiet period would hold the process for two seconds at every stop.
    config.setShutdownTimeout(Duration.ofMillis(200));
    config.setExceptionOnErrorStatus(false);
    try {
      this.http = HttpClient.create(baseUrl.resolve("/").toURL(), config);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Gateway URL '%s' is not a URL".formatted(baseUrl), e);
    }
  }

  /** The gateway this client talks to. */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * Exchanges a launch token from the clinical system for a gateway session ({@code POST
   * /api/v1/sessions}).
   *
   * @throws GatewayException when the gateway refuses the token (401, e.g. {@code INVALID_TOKEN})
   *     or cannot be reached
   */
  public SessionGrant exchangeLaunchToken(String launchJwt) {
    requireToken(launchJwt, "launch token");
    HttpRequest<?> request =
        HttpRequest.POST(pathPrefix + "/api/v1/sessions", new byte[0])
            .bearerAuth(launchJwt)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, SessionGrant.class, "exchange launch token");
  }

  /**
   * Reads one patient's merged record ({@code GET /api/v1/patients/{nhsNumber}/record}).
   *
   * @param nhsNumber ten digits, no spaces
   * @throws GatewayException when the gateway refuses (400 bad number, 401 expired session, 403
   *     patient not in session) or cannot be reached
   */
  public RecordView record(String accessToken, String nhsNumber) {
    requireToken(accessToken, "access token");
    Objects.requireNonNull(nhsNumber, "nhsNumber");
    if (!TEN_DIGITS.matcher(nhsNumber).matches()) {
      // Checked here so nothing but digits ever reaches the request path.
      throw new IllegalArgumentException(
          "NHS number must be 10 digits, was '%s'".formatted(nhsNumber));
    }
    HttpRequest<?> request =
        HttpRequest.GET(pathPrefix + "/api/v1/patients/" + nhsNumber + "/record")
            .bearerAuth(accessToken)
            .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of(PROBLEM_JSON));
    return send(request, RecordView.class, "read record");
  }

  private <T> T send(HttpRequest<?> request, Class<T> type, String action) {
    HttpResponse<?> response;
    try {
      response = http.toBlocking().exchange(request, Argument.of(byte[].class));
    } catch (HttpClientResponseException e) {
      response = e.getResponse();
    } catch (ReadTimeoutException e) {
      LOG.warn("Gateway did not answer '{}' within {}", action, READ_TIMEOUT);
      throw new GatewayException(
          504,
          GatewayException.TIMED_OUT,
          "The Carelens gateway did not answer within %d seconds."
              .formatted(READ_TIMEOUT.toSeconds()),
          e);
    } catch (HttpClientException e) {
      LOG.warn("Gateway at {} unreachable for '{}': {}", baseUrl, action, e.toString());
      throw new GatewayException(
          503,
          GatewayException.UNREACHABLE,
          "The Carelens gateway at %s could not be reached.".formatted(baseUrl),
          e);
    }
    byte[] body = response.getBody(byte[].class).orElse(new byte[0]);
    int status = response.code();
    if (status >= 200 && status < 300) {
      return decode(body, type, status, action);
    }
    Problem problem = decodeProblem(body);
    String code = problem.code() != null ? problem.code() : "HTTP_" + status;
    String detail = firstNonBlank(problem.detail(), problem.title(), "HTTP status " + status);
    LOG.info("Gateway refused '{}': {} {}", action, status, code);
    throw new GatewayException(status, code, detail);
  }

  private <T> T decode(byte[] body, Class<T> type, int status, String action) {
    try {
      return json.readValue(body, Argument.of(type));
    } catch (IOException | RuntimeException e) {
      LOG.warn("Gateway answer to '{}' could not be read: {}", action, e.getMessage());
      throw new GatewayException(
          502,
          GatewayException.UNREADABLE,
          "The Carelens gateway answered %d but the portal could not read the answer: %s"
              .formatted(status, e.getMessage()),
          e);
    }
  }

  private Problem decodeProblem(byte[] body) {
    if (body.length == 0) {
      return new Problem(null, null, null, null, null);
    }
    try {
      return json.readValue(body, Argument.of(Problem.class));
    } catch (IOException | RuntimeException e) {
      // Not a problem document (e.g. a proxy's HTML error page): report the status alone.
      return new Problem(null, null, null, null, null);
    }
  }

  private static String firstNonBlank(@Nullable String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("no candidate was non-blank");
  }

  private static void requireToken(String token, String what) {
    Objects.requireNonNull(token, what);
    if (token.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }

  @PreDestroy
  @Override
  public void close() {
    http.close();
  }
}
