package org.carelens.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.jspecify.annotations.Nullable;

/**
 * An OAuth2 access token from the client credentials grant (RFC 6749 §4.4, client authenticated
 * with HTTP Basic), cached until shortly before it expires, so concurrent fetches share one token
 * and the token endpoint sees one request per lifetime.
 *
 * <p>Thread-safe: one lock guards the token; a thread that finds it stale fetches while the others
 * wait for the result instead of fetching too. The lock is taken interruptibly, so a fetch the
 * gateway abandons does not wait on it. The token request counts against the fetch's {@link
 * Deadline}. The secret is never part of a message.
 */
public final class ClientCredentialsTokens {

  /** Refresh this long before expiry (at most), so a token never expires between check and use. */
  static final Duration MAX_MARGIN = Duration.ofSeconds(30);

  /** RFC 6749 §5.1 makes expires_in optional; without it the token is kept this long. */
  static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SourceHttpClient http;
  private final URI tokenUrl;
  private final String basicCredentials;
  private final String what;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private @Nullable String token;
  private Instant refreshAt = Instant.MIN;

  /**
   * @param what names the token endpoint in details, e.g. {@code "the council's token endpoint"}
   * @param clock decides when the cached token is due for refresh
   */
  public ClientCredentialsTokens(
      SourceHttpClient http,
      URI tokenUrl,
      String clientId,
      String clientSecret,
      String what,
      Clock clock) {
    this.http = Objects.requireNonNull(http, "http");
    this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
    this.what = Objects.requireNonNull(what, "what");
    this.clock = Objects.requireNonNull(clock, "clock");
    // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and Base64-encoded.
    String pair = form(clientId) + ":" + form(clientSecret);
    this.basicCredentials =
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** A token valid for a while yet, fetched if needed. */
  public String token(Deadline deadline) throws ExchangeFailedException, InterruptedException {
    lock.lockInterruptibly();
    try {
      String current = token;
      if (current != null && clock.instant().isBefore(refreshAt)) {
        return current;
      }
      return fetch(deadline);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Forgets {@code rejected} after the API refused it (RFC 6750 §3.1 {@code invalid_token}: it may
   * have been revoked or expired early), unless another thread has already replaced it.
   */
  public void invalidate(String rejected) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      if (rejected.equals(token)) {
        token = null;
      }
    } finally {
      lock.unlock();
    }
  }

  private String fetch(Deadline deadline) throws ExchangeFailedException, InterruptedException {
    Instant requested = clock.instant();
    HttpReply reply =
        http.send(
            HttpRequest.newBuilder(tokenUrl)
                .header("Authorization", basicCredentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")),
            deadline,
            what);
    if (!reply.ok()) {
      String code = oauthError(reply.body()).map(c -> " " + c).orElse("");
      String hint =
          reply.status() == 400 || reply.status() == 401
              ? "; check the configured client id and secret"
              : "";
      throw new ExchangeFailedException(
          Kind.SOURCE_ERROR, "%s answered HTTP %d%s%s".formatted(what, reply.status(), code, hint));
    }
    JsonNode body;
    try {
      body = JSON.readTree(reply.body());
    } catch (IOException e) {
      body = null;
    }
    JsonNode accessToken = body == null ? null : body.path("access_token");
    String type = body == null ? "" : body.path("token_type").asText("").toLowerCase(Locale.ROOT);
    // RFC 6750 §2.1: a bearer token is token68 characters; anything else cannot go in a header.
    if (accessToken == null
        || !accessToken.isTextual()
        || !accessToken.asText().matches("[A-Za-z0-9\\-._~+/]+=*")
        || !type.equals("bearer")) {
      throw ExchangeFailedException.malformed(what + "'s answer has no usable bearer access_token");
    }
    Duration lifetime =
        body.path("expires_in").canConvertToLong() && body.path("expires_in").asLong() > 0
            ? Duration.ofSeconds(body.path("expires_in").asLong())
            : DEFAULT_LIFETIME;
    Duration margin =
        lifetime.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(10) : MAX_MARGIN;
    token = accessToken.asText();
    refreshAt = requested.plus(lifetime).minus(margin);
    return token;
  }

  /** RFC 6749 §5.2: the {@code error} code of a token error body; never its description. */
  public static Optional<String> oauthError(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      return Optional.ofNullable(node)
          .map(n -> n.path("error").asText(""))
          .filter(c -> c.matches("[a-z_]{1,64}"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
