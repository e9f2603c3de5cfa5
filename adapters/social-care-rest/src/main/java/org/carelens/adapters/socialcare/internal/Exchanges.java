package org.carelens.adapters.socialcare.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.carelens.adapters.http.BoundedBody;
import org.carelens.adapters.http.TransportFailures;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;

/**
 * Sends one request and reads its body within a limit and a deadline shared by the whole fetch.
 * Thread-safe: the {@link HttpClient} is.
 */
public final class Exchanges {

  /** An HTTP answer, read whole. */
  public record Response(int status, byte[] body) {}

  private final HttpClient client;
  private final Duration connectTimeout;
  private final int maxResponseBytes;

  public Exchanges(HttpClient client, Duration connectTimeout, int maxResponseBytes) {
    this.client = client;
    this.connectTimeout = connectTimeout;
    this.maxResponseBytes = maxResponseBytes;
  }

  /**
   * @param deadline {@link System#nanoTime()} by which the exchange must be complete
   * @param what names the call in messages, e.g. "the involvements (page 2)"; never an identifier
   * @throws FailedException when the exchange fails below HTTP, times out or is too large
   * @throws InterruptedException when the caller is interrupted; the exchange is abandoned
   */
  public Response send(HttpRequest.Builder request, long deadline, String what)
      throws FailedException, InterruptedException {
    long remaining = deadline - System.nanoTime();
    HttpRequest http = request.timeout(Duration.ofNanos(Math.max(remaining, 1))).build();
    URI endpoint = http.uri();
    if (remaining <= 0) {
      throw new FailedException(TransportFailures.timedOut(endpoint, Duration.ZERO));
    }
    CompletableFuture<HttpResponse<BoundedBody>> exchange =
        client.sendAsync(http, BoundedBody.handler(maxResponseBytes));
    HttpResponse<BoundedBody> response;
    try {
      response = exchange.get(remaining, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new FailedException(
          TransportFailures.timedOut(endpoint, Duration.ofNanos(remaining).withNanos(0)));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new FailedException(TransportFailures.classify(cause, endpoint, connectTimeout));
    }
    if (response.body() instanceof BoundedBody.TooLarge tooLarge) {
      throw new FailedException(
          Kind.MALFORMED_PAYLOAD,
          "%s: response exceeded %d bytes (HTTP %d); it was not read"
              .formatted(what, tooLarge.limit(), response.statusCode()));
    }
    return new Response(response.statusCode(), ((BoundedBody.Complete) response.body()).bytes());
  }
}
