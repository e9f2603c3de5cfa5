package org.carelens.adapters.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit. A provider that sends more (a runaway or hostile
 * payload) costs at most {@code limit} bytes: reading stops and the connection is dropped.
 */
public sealed interface BoundedBody {

  /** The whole body. */
  record Complete(byte[] bytes) implements BoundedBody {}

  /** The body was larger than {@code limit} bytes and was abandoned. */
  record TooLarge(long limit) implements BoundedBody {}

  /** A handler that reads at most {@code limit} bytes of any response. */
  static BodyHandler<BoundedBody> handler(int limit) {
    return info ->
        new CappedSubscriber(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
  }

  /** Collects buffers until the limit; signals arrive serially (Reactive Streams rule 1.3). */
  final class CappedSubscriber implements BodySubscriber<BoundedBody> {
    private final int limit;
    private final long declaredLength;
    private final CompletableFuture<BoundedBody> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer;
    private Flow.@org.jspecify.annotations.Nullable Subscription subscription;

    CappedSubscriber(int limit, long declaredLength) {
      this.limit = limit;
      this.declaredLength = declaredLength;
      this.buffer =
          new ByteArrayOutputStream(
              (int) Math.max(0, Math.min(declaredLength < 0 ? 8192 : declaredLength, limit)));
    }

    @Override
    public CompletionStage<BoundedBody> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (declaredLength > limit) {
        // Content-Length already says it is too big: do not read a byte of it. The result is
        // completed before cancelling: over HTTP/2 the cancel reports a stream error at once.
        result.complete(new TooLarge(limit));
        subscription.cancel();
        return;
      }
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        int remaining = item.remaining();
        if ((long) buffer.size() + remaining > limit) {
          result.complete(new TooLarge(limit));
          if (subscription != null) {
            subscription.cancel();
          }
          return;
        }
        byte[] chunk = new byte[remaining];
        item.get(chunk);
        buffer.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(new Complete(buffer.toByteArray()));
    }
  }
}
