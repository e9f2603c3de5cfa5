package org.carelens.adapters.gpconnect.internal;

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
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;

/**
 * One bounded HTTP exchange: the whole response, body included, within {@code timeout} and {@code
 * maxBytes}, or a {@link SourceOutcome.Failed} saying why not. Interruption cancels the exchange
 * and propagates.
 */
public final class Exchange {

  /** What came back. */
  public sealed interface Result {}

  /** A complete response. */
  public record Response(int status, byte[] body) implements Result {}

  /** No usable response. */
  public record Failure(SourceOutcome.Failed failed) implements Result {}

  private Exchange() {}

  public static Result send(
      HttpClient client,
      HttpRequest request,
      Duration timeout,
      Duration connectTimeout,
      int maxBytes,
      String what)
      throws InterruptedException {
    URI endpoint = request.uri();
    if (timeout.isNegative() || timeout.isZero()) {
      return new Failure(
          new SourceOutcome.Failed(
              Kind.SOURCE_ERROR, "timed out before the %s could be asked".formatted(what)));
    }
    CompletableFuture<HttpResponse<BoundedBody>> exchange =
        client.sendAsync(request, BoundedBody.handler(maxBytes));
    HttpResponse<BoundedBody> response;
    try {
      // One deadline for the whole exchange: HttpRequest.timeout alone stops at the headers.
      response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return new Failure(TransportFailures.timedOut(endpoint, timeout));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new Failure(TransportFailures.classify(cause, endpoint, connectTimeout));
    }
    if (response.body() instanceof BoundedBody.TooLarge tooLarge) {
      return new Failure(
          new SourceOutcome.Failed(
              Kind.MALFORMED_PAYLOAD,
              "response exceeded %d bytes (HTTP %d); it was not read"
                  .formatted(tooLarge.limit(), response.statusCode())));
    }
    return new Response(response.statusCode(), ((BoundedBody.Complete) response.body()).bytes());
  }
}
