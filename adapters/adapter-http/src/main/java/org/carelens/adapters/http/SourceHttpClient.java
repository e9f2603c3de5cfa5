package org.carelens.adapters.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;

/**
 * The HTTP plumbing of an adapter: one {@link HttpClient} per adapter, and every exchange bounded
 * by the fetch's {@link Deadline} (headers <em>and</em> body: {@code HttpRequest.timeout} alone
 * stops at the headers) and by a body size limit. What goes wrong below HTTP comes back as an
 * {@link ExchangeFailedException} carrying a {@code Failed} outcome ({@link TransportFailures});
 * interruption cancels the exchange, so no connection is held for an abandoned view, and
 * propagates.
 *
 * <p>The client's own work (reading answers, completing exchanges) runs on its selector thread, not
 * on a pool of worker threads: handing every answer to a worker and back cost more CPU than the
 * exchange itself (issue 14). Nothing that waits runs there: the body is only copied into memory,
 * and callers wait on virtual threads.
 *
 * <p>The client speaks HTTP/1.1 and never follows redirects: a redirect would re-send the NHS
 * number, bearer token or API key to a host nobody configured, and cancelling an oversized HTTP/2
 * (h2c) stream races with the stream reset, which surfaced as "Stream cancelled" instead of the
 * size limit.
 *
 * <p>Thread-safe; {@link #close()} aborts exchanges in flight and releases the connections.
 */
public final class SourceHttpClient implements AutoCloseable {

  private final HttpClient client;
  private final Duration connectTimeout;
  private final int maxResponseBytes;

  public SourceHttpClient(Duration connectTimeout, int maxResponseBytes) {
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException("maxResponseBytes must be positive");
    }
    this.maxResponseBytes = maxResponseBytes;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(Runnable::run)
            .build();
  }

  /**
   * Sends one request and waits for the whole answer until {@code deadline}.
   *
   * @param what names the call in failure details, e.g. {@code "the token endpoint"}; never an
   *     identifier of the patient
   * @throws ExchangeFailedException for a transport failure, the deadline, or a body over the limit
   * @throws InterruptedException when the caller is interrupted; the exchange is cancelled first
   */
  public HttpReply send(HttpRequest.Builder request, Deadline deadline, String what)
      throws ExchangeFailedException, InterruptedException {
    return start(request, deadline, what).await();
  }

  /**
   * Sends one request without waiting, for adapters that ask several things at once; collect it
   * with {@link Pending#await()}. Prefer {@link #batch} so that an interruption cancels them all.
   */
  public Pending start(HttpRequest.Builder request, Deadline deadline, String what) {
    return new Pending(request, deadline, what);
  }

  /** A group of exchanges sent together; closing it cancels any still running. */
  public Batch batch(Deadline deadline) {
    return new Batch(deadline);
  }

  /** Aborts exchanges in flight and releases the client's connections. */
  @Override
  public void close() {
    client.shutdownNow();
  }

  /** One exchange in flight. */
  public final class Pending {
    private final URI endpoint;
    private final Deadline deadline;
    private final String what;
    private final CompletableFuture<HttpResponse<BoundedBody>> exchange;

    private Pending(HttpRequest.Builder request, Deadline deadline, String what) {
      this.deadline = Objects.requireNonNull(deadline, "deadline");
      this.what = Objects.requireNonNull(what, "what");
      Duration remaining = deadline.remaining();
      HttpRequest http =
          request.timeout(remaining.isZero() ? Duration.ofNanos(1) : remaining).build();
      this.endpoint = http.uri();
      this.exchange =
          remaining.isZero()
              ? CompletableFuture.failedFuture(new TimeoutException())
              : client.sendAsync(http, BoundedBody.handler(maxResponseBytes));
    }

    /** The answer, waiting at most until the deadline. */
    public HttpReply await() throws ExchangeFailedException, InterruptedException {
      // The exchange may already be complete (it runs on the client's selector thread), and a
      // complete future never looks at the flag: an interrupted caller is told so either way.
      if (Thread.interrupted()) {
        exchange.cancel(true);
        throw new InterruptedException("interrupted before the answer of " + what + " was read");
      }
      HttpResponse<BoundedBody> response;
      try {
        response = exchange.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        exchange.cancel(true);
        throw e;
      } catch (TimeoutException e) {
        exchange.cancel(true);
        throw new ExchangeFailedException(TransportFailures.timedOut(endpoint, deadline.limit()));
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof TimeoutException) {
          throw new ExchangeFailedException(TransportFailures.timedOut(endpoint, deadline.limit()));
        }
        throw new ExchangeFailedException(
            TransportFailures.classify(cause, endpoint, connectTimeout));
      }
      if (response.body() instanceof BoundedBody.TooLarge tooLarge) {
        throw new ExchangeFailedException(
            Kind.MALFORMED_PAYLOAD,
            "%s answered more than %d bytes (HTTP %d); it was not read"
                .formatted(what, tooLarge.limit(), response.statusCode()));
      }
      return new HttpReply(
          endpoint,
          response.statusCode(),
          response.headers(),
          ((BoundedBody.Complete) response.body()).bytes());
    }

    public void cancel() {
      exchange.cancel(true);
    }
  }

  /**
   * Exchanges sent together against one deadline. Use it in try-with-resources: when the caller is
   * interrupted (the gateway's deadline passed) every exchange still in flight is dropped.
   */
  public final class Batch implements AutoCloseable {
    private final Deadline deadline;
    private final List<Pending> sent = new ArrayList<>();

    private Batch(Deadline deadline) {
      this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    public Pending start(HttpRequest.Builder request, String what) {
      Pending pending = new Pending(request, deadline, what);
      synchronized (sent) {
        sent.add(pending);
      }
      return pending;
    }

    public HttpReply send(HttpRequest.Builder request, String what)
        throws ExchangeFailedException, InterruptedException {
      return start(request, what).await();
    }

    public Deadline deadline() {
      return deadline;
    }

    @Override
    public void close() {
      synchronized (sent) {
        sent.forEach(Pending::cancel);
      }
    }
  }
}
