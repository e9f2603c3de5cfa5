package org.carelens.gateway.cluster;

import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.inject.Singleton;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this replica is draining, and the views it has in flight (issue 15). On shutdown
 * (Micronaut's graceful shutdown, {@code micronaut.lifecycle.graceful-shutdown}) the replica stops
 * taking new views ({@link ViewAdmissionFilter} answers 503 {@code DRAINING}, which a load balancer
 * retries on another replica), readiness goes down, and shutdown waits until every view in flight
 * has answered, and so been audited, or the grace period ends. Only then are the beans closed: the
 * anonymous-refusal windows flushed to the audit trail and the chain head checkpointed.
 *
 * <p>Thread-safe.
 */
@Singleton
public class Draining implements GracefulShutdownCapable {

  private static final Logger LOG = LoggerFactory.getLogger(Draining.class);

  private final AtomicInteger inFlight = new AtomicInteger();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private volatile boolean draining;

  /** Whether the replica has stopped taking new views. */
  public boolean draining() {
    return draining;
  }

  /** Views being answered now. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Admits one view, or refuses it while draining.
   *
   * @return false while draining: the caller must not start the view
   */
  boolean admit() {
    inFlight.incrementAndGet();
    if (draining) {
      finished();
      return false;
    }
    return true;
  }

  /** One admitted view has answered (or its client went away). */
  void finished() {
    if (inFlight.decrementAndGet() == 0 && draining) {
      drained.complete(null);
    }
  }

  /** Stops taking new views; completes once those in flight have finished. */
  @Override
  public CompletionStage<?> shutdownGracefully() {
    draining = true;
    int now = inFlight.get();
    LOG.info("Draining: no new views; waiting for {} in flight", now);
    if (now == 0) {
      drained.complete(null);
    }
    return drained.whenComplete((done, e) -> LOG.info("Drained: every view in flight answered"));
  }

  @Override
  public OptionalLong reportActiveTasks() {
    return OptionalLong.of(inFlight.get());
  }
}
