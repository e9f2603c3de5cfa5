package org.carelens.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DrainingTest {

  final Draining draining = new Draining();

  @Test
  void shutdown_waits_for_the_views_in_flight_and_no_longer() {
    assertThat(draining.admit()).isTrue();
    assertThat(draining.admit()).isTrue();

    CompletableFuture<?> drained = draining.shutdownGracefully().toCompletableFuture();

    assertThat(drained).isNotDone();
    draining.finished();
    assertThat(drained).isNotDone();
    draining.finished();
    assertThat(drained).isDone();
  }

  @Test
  void no_view_is_admitted_once_draining_has_begun() {
    draining.shutdownGracefully();

    boolean admitted = draining.admit();

    assertThat(admitted).isFalse();
    assertThat(draining.inFlight()).isZero();
  }

  @Test
  void a_replica_with_nothing_in_flight_drains_at_once() {
    assertThat(draining.shutdownGracefully().toCompletableFuture()).isDone();
  }
}
