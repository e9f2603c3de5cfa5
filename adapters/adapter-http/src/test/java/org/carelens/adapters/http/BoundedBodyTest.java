package org.carelens.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

  /** Records what the subscriber asked of the connection. */
  private static final class RecordingSubscription implements Flow.Subscription {
    long requested;
    boolean cancelled;

    @Override
    public void request(long n) {
      requested += n;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  @Test
  void body_within_the_limit_is_read_whole() {
    BoundedBody.CappedSubscriber subscriber = new BoundedBody.CappedSubscriber(10, -1);
    RecordingSubscription subscription = new RecordingSubscription();
    subscriber.onSubscribe(subscription);

    subscriber.onNext(List.of(bytes("hello"), bytes(" you")));
    subscriber.onComplete();

    BoundedBody body = subscriber.getBody().toCompletableFuture().join();
    assertThat(body).isInstanceOf(BoundedBody.Complete.class);
    assertThat(new String(((BoundedBody.Complete) body).bytes(), StandardCharsets.UTF_8))
        .isEqualTo("hello you");
    assertThat(subscription.cancelled).isFalse();
  }

  @Test
  void undeclared_body_that_grows_past_the_limit_is_abandoned() {
    BoundedBody.CappedSubscriber subscriber = new BoundedBody.CappedSubscriber(8, -1);
    RecordingSubscription subscription = new RecordingSubscription();
    subscriber.onSubscribe(subscription);

    subscriber.onNext(List.of(bytes("12345"), bytes("67890")));

    assertThat(subscriber.getBody().toCompletableFuture().join())
        .isEqualTo(new BoundedBody.TooLarge(8));
    assertThat(subscription.cancelled).isTrue();
  }

  @Test
  void declared_length_over_the_limit_is_refused_before_reading() {
    BoundedBody.CappedSubscriber subscriber = new BoundedBody.CappedSubscriber(8, 1_000_000);
    RecordingSubscription subscription = new RecordingSubscription();

    subscriber.onSubscribe(subscription);

    assertThat(subscriber.getBody().toCompletableFuture().join())
        .isEqualTo(new BoundedBody.TooLarge(8));
    assertThat(subscription.cancelled).isTrue();
    assertThat(subscription.requested).isZero();
  }

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }
}
