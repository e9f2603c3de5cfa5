package org.carelens.adapters.socialcare.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Holds the OAuth2 access token (client credentials grant, RFC 6749 §4.4) and fetches a new one
 * shortly before it expires, so concurrent fetches share one token and the token endpoint sees one
 * request per lifetime.
 *
 * <p>Thread-safe: one lock guards the token; a thread that finds it stale fetches while the others
 * wait for the result instead of fetching too. The lock is taken interruptibly, so a fetch the
 * gateway abandons does not wait on it.
 */
public final class TokenCache {

  /** Refresh this long before expiry, so a token never expires between check and use. */
  static final Duration MAX_MARGIN = Duration.ofSeconds(30);

  /** RFC 6749 §5.1 makes expires_in optional; without it the token is kept this long. */
  static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

  private final Exchanges exchanges;
  private final URI tokenUrl;
  private final String basicCredentials;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private @Nullable String token;
  private Instant refreshAt = Instant.MIN;

  public TokenCache(
      Exchanges exchanges, URI tokenUrl, String clientId, String clientSecret, Clock clock) {
    this.exchanges = exchanges;
    this.tokenUrl = tokenUrl;
    this.clock = clock;
    // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and Base64-encoded.
    String pair = form(clientId) + ":" + form(clientSecret);
    this.basicCredentials =
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** A token valid for a while yet, fetched if needed. */
  public String token(long deadline) throws FailedException, InterruptedException {
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
   * Forgets {@code rejected} after the API refused it, unless another thread has already replaced
   * it (then the newer token is kept and used).
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

  private String fetch(long deadline) throws FailedException, InterruptedException {
    Instant requested = clock.instant();
    Exchanges.Response response =
        exchanges.send(
            HttpRequest.newBuilder(tokenUrl)
                .header("Authorization", basicCredentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")),
            deadline,
            "the token endpoint");
    if (response.status() != 200) {
      String code = Json.errorCode(response.body()).map(c -> " " + c).orElse("");
      String hint =
          response.status() == 400 || response.status() == 401
              ? "; check the configured client id and secret"
              : "";
      throw new FailedException(
          Kind.SOURCE_ERROR,
          "the council's token endpoint answered HTTP %d%s%s"
              .formatted(response.status(), code, hint));
    }
    JsonNode body = Json.parse(response.body(), "the token endpoint");
    JsonNode accessToken = body.path("access_token");
    String type = body.path("token_type").asText("").toLowerCase(Locale.ROOT);
    // RFC 6750 §2.1: a bearer token is token68 characters; anything else cannot go in a header.
    if (!accessToken.isTextual()
        || !accessToken.asText().matches("[A-Za-z0-9\\-._~+/]+=*")
        || !type.equals("bearer")) {
      throw new FailedException(
          Kind.MALFORMED_PAYLOAD, "the token endpoint's answer has no usable bearer access_token");
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

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
