package org.carelens.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.carelens.gateway.metrics.GatewayMetrics;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceDescriptor;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Single flight (issue 14): a view that misses the cache while a call for the same patient and
 * sections is in flight waits for that call rather than asking the source again. The cache is off
 * here (TTL zero), so every source call the test counts is one the source really received.
 */
class SourceCallerSingleFlightTest {

  static final NhsNumber PATIENT = new NhsNumber("9990000018");
  static final SourceRecord EMPTY = new SourceRecord(Optional.empty(), Map.of());

  final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  final AtomicInteger calls = new AtomicInteger();
  final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    executor.shutdownNow();
  }

  @Test
  void a_view_arriving_while_the_same_call_is_in_flight_shares_its_answer() throws Exception {
    SourceCaller caller = caller();
    AtomicReference<SourceResult> first = new AtomicReference<>();
    AtomicReference<SourceResult> second = new AtomicReference<>();

    Thread leader = Thread.ofPlatform().start(() -> first.set(call(caller, "u1")));
    awaitCalls(1);
    Thread follower = Thread.ofPlatform().start(() -> second.set(call(caller, "u2")));
    awaitWaiting(follower);
    release.countDown();
    leader.join(30_000);
    follower.join(30_000);

    assertThat(calls).hasValue(1);
    assertThat(first.get().status()).isEqualTo(SourceStatus.OK);
    assertThat(second.get().status()).isEqualTo(SourceStatus.OK);
    assertThat(second.get().record()).isEqualTo(first.get().record());
  }

  @Test
  void after_a_purge_a_new_view_does_not_join_a_call_asked_for_under_the_old_consent()
      throws Exception {
    SourceCaller caller = caller();
    AtomicReference<SourceResult> first = new AtomicReference<>();
    AtomicReference<SourceResult> second = new AtomicReference<>();

    Thread leader = Thread.ofPlatform().start(() -> first.set(call(caller, "u1")));
    awaitCalls(1);
    caller.purge(PATIENT);
    Thread after = Thread.ofPlatform().start(() -> second.set(call(caller, "u2")));
    awaitCalls(2);
    release.countDown();
    leader.join(30_000);
    after.join(30_000);

    assertThat(calls).hasValue(2);
    assertThat(second.get().status()).isEqualTo(SourceStatus.OK);
  }

  @Test
  void different_sections_are_different_calls() throws Exception {
    SourceCaller caller = caller();
    Thread allergies = Thread.ofPlatform().start(() -> call(caller, "u1"));
    awaitCalls(1);
    Thread medications =
        Thread.ofPlatform()
            .start(
                () ->
                    caller.call(
                        new SourceRequest(PATIENT, Set.of(Section.MEDICATIONS), context("u2")),
                        System.nanoTime() + TimeUnit.SECONDS.toNanos(30)));
    awaitCalls(2);
    release.countDown();
    allergies.join(30_000);
    medications.join(30_000);

    assertThat(calls).hasValue(2);
  }

  private SourceCaller caller() {
    SourceProperties properties = new SourceProperties("gp");
    properties.setTimeLimit(Duration.ofSeconds(30));
    properties.setCacheTtl(Duration.ZERO);
    SourceDescriptor descriptor =
        new SourceDescriptor("gp", "GP", "X1", Set.of(Section.ALLERGIES, Section.MEDICATIONS));
    SourceAdapter adapter =
        new SourceAdapter() {
          @Override
          public SourceDescriptor descriptor() {
            return descriptor;
          }

          @Override
          public SourceOutcome fetch(SourceRequest request) {
            calls.incrementAndGet();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return new SourceOutcome.Loaded(EMPTY);
          }
        };
    return new SourceCaller(
        adapter, properties, executor, Clock.systemUTC(), GatewayMetrics.inMemory());
  }

  private static SourceResult call(SourceCaller caller, String user) {
    return caller.call(
        new SourceRequest(PATIENT, Set.of(Section.ALLERGIES), context(user)),
        System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
  }

  private static RequestContext context(String user) {
    return new RequestContext("corr-" + user, user, "Dr Test", "clinician", "Y03012", "OOH");
  }

  private void awaitCalls(int n) throws InterruptedException {
    for (int i = 0; i < 3000 && calls.get() < n; i++) {
      Thread.sleep(10);
    }
    assertThat(calls.get()).as("source calls started").isGreaterThanOrEqualTo(n);
  }

  /** Until the thread blocks: with single flight, waiting on the leader's answer. */
  private static void awaitWaiting(Thread thread) throws InterruptedException {
    for (int i = 0; i < 3000; i++) {
      Thread.State state = thread.getState();
      if (state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the second view never started waiting: " + thread.getState());
  }
}
