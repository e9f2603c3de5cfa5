package org.carelens.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.carelens.gateway.fanout.FanoutEngineTest.MutableClock;
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

/** Bulkhead, retry, deadline cancellation, circuit recovery and cache purge of the fan-out. */
class FanoutResilienceTest {

  static final NhsNumber PATIENT = new NhsNumber("9990000018");
  static final NhsNumber OTHER_PATIENT = new NhsNumber("9434765919");
  static final RequestContext CONTEXT =
      new RequestContext("corr-1", "u1", "Dr Test", "clinician", "Y03012", "OOH");
  static final SourceOutcome LOADED =
      new SourceOutcome.Loaded(new SourceRecord(Optional.empty(), Map.of()));
  static final SourceOutcome REFUSED =
      new SourceOutcome.Failed(SourceOutcome.Failed.Kind.UNREACHABLE, "connection refused");
  static final SourceOutcome HTTP_500 =
      new SourceOutcome.Failed(SourceOutcome.Failed.Kind.SOURCE_ERROR, "HTTP 500");

  final MutableClock clock = new MutableClock();
  FanoutEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void a_connection_failure_is_retried_once_and_the_retry_can_succeed() {
    Scripted gp = new Scripted("gp", REFUSED, LOADED);
    engine = engine(Duration.ofSeconds(3), p -> {}, gp);

    SourceResult result = engine.fetchAll(PATIENT, Set.of(), CONTEXT).getFirst();

    assertThat(result.status()).isEqualTo(SourceStatus.OK);
    assertThat(gp.calls).hasValue(2);
  }

  @Test
  void a_source_that_stays_unreachable_is_retried_only_once_and_reported_unavailable() {
    Scripted gp = new Scripted("gp", REFUSED, REFUSED, REFUSED);
    engine = engine(Duration.ofSeconds(3), p -> {}, gp);

    SourceResult result = engine.fetchAll(PATIENT, Set.of(), CONTEXT).getFirst();

    assertThat(result.status()).isEqualTo(SourceStatus.ERROR);
    assertThat(result.detail()).contains("connection refused");
    assertThat(gp.calls).hasValue(2);
  }

  @Test
  void an_error_after_connecting_is_not_retried() {
    Scripted gp = new Scripted("gp", HTTP_500, LOADED);
    engine = engine(Duration.ofSeconds(3), p -> {}, gp);

    SourceResult result = engine.fetchAll(PATIENT, Set.of(), CONTEXT).getFirst();

    assertThat(result.status()).isEqualTo(SourceStatus.ERROR);
    assertThat(gp.calls).hasValue(1);
  }

  @Test
  void no_retry_is_started_when_a_connection_attempt_would_not_fit_before_the_limit() {
    Scripted gp = new Scripted("gp", REFUSED, LOADED);
    engine = engine(Duration.ofSeconds(3), p -> p.setConnectTimeout(Duration.ofSeconds(5)), gp);

    SourceResult result = engine.fetchAll(PATIENT, Set.of(), CONTEXT).getFirst();

    assertThat(result.status()).isEqualTo(SourceStatus.ERROR);
    assertThat(gp.calls).hasValue(1);
  }

  @Test
  void a_hanging_source_holds_no_more_than_its_bulkhead_and_further_calls_are_refused_at_once() {
    CountDownLatch release = new CountDownLatch(1);
    Stubborn acute = new Stubborn("acute", release);
    engine =
        engine(
            Duration.ofMillis(100),
            p -> {
              p.setBulkheadMaxConcurrent(2);
              p.setBreakerMinimumCalls(100);
            },
            acute);
    engine.fetchAll(PATIENT, Set.of(), CONTEXT);
    engine.fetchAll(PATIENT, Set.of(), CONTEXT);

    SourceResult third = engine.fetchAll(PATIENT, Set.of(), CONTEXT).getFirst();

    assertThat(third.status()).isEqualTo(SourceStatus.ERROR);
    assertThat(third.detail())
        .contains("Bulkhead full: 2 calls to this source are still in flight; not asked");
    assertThat(third.elapsed()).isLessThan(Duration.ofMillis(100));
    assertThat(acute.calls).hasValue(2);
    release.countDown();
    assertThat(eventually(() -> engine.health().get("acute").bulkheadAvailable() == 2))
        .as("permits come back when the abandoned calls finally stop")
        .isTrue();
  }

  @Test
  void nothing_leaks_after_many_views_cut_off_by_the_deadline() {
    Hanging acute = new Hanging("acute");
    Scripted gp = new Scripted("gp", LOADED);
    engine =
        engine(
            deadline(Duration.ofMillis(20)),
            Duration.ofSeconds(5),
            p -> {
              p.setBulkheadMaxConcurrent(5);
              p.setCacheTtl(Duration.ZERO);
            },
            gp,
            acute);
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

    for (int i = 0; i < 60; i++) {
      List<SourceResult> results = engine.fetchAll(PATIENT, Set.of(), CONTEXT);
      assertThat(results.get(1).status()).isEqualTo(SourceStatus.TIMEOUT);
      assertThat(eventually(() -> acute.active.get() == 0)).isTrue();
    }

    // A leaked permit would leave the 5-permit bulkhead full after five views, so every later view
    // would be refused without reaching the source. (Not exactly 60: on a loaded machine a 20 ms
    // deadline can pass before a view's call has started, which is correct behaviour.)
    assertThat(acute.calls.get())
        .as("views kept reaching the source after the bulkhead's 5 permits: none was lost")
        .isGreaterThan(5 + 5);
    assertThat(eventually(() -> engine.health().get("acute").bulkheadAvailable() == 5)).isTrue();
    assertThat(engine.circuitStates()).containsEntry("acute", "CLOSED");
    assertThat(ManagementFactory.getThreadMXBean().getThreadCount())
        .as("virtual threads only: no platform threads were left behind")
        .isLessThanOrEqualTo(threadsBefore + 2);
  }

  @Test
  void no_calls_reach_a_source_while_its_circuit_is_open_and_it_recovers_when_the_source_does() {
    Scripted gp = new Scripted("gp", HTTP_500, HTTP_500, HTTP_500, HTTP_500, HTTP_500, LOADED);
    engine = engine(Duration.ofSeconds(1), p -> p.setBreakerOpenFor(Duration.ofSeconds(30)), gp);
    for (int i = 0; i < 5; i++) {
      engine.fetchAll(PATIENT, Set.of(), CONTEXT);
    }
    for (int i = 0; i < 10; i++) {
      assertThat(engine.fetchAll(PATIENT, Set.of(), CONTEXT).getFirst().status())
          .isEqualTo(SourceStatus.CIRCUIT_OPEN);
    }
    assertThat(gp.calls).as("nothing reached the source while open").hasValue(5);
    clock.advance(Duration.ofSeconds(31));

    SourceResult probe = engine.fetchAll(PATIENT, Set.of(), CONTEXT).getFirst();

    assertThat(probe.status()).isEqualTo(SourceStatus.OK);
    assertThat(gp.calls).hasValue(6);
    assertThat(engine.circuitStates()).containsEntry("gp", "CLOSED");
  }

  @Test
  void a_source_that_keeps_timing_out_opens_its_circuit_and_later_views_no_longer_wait() {
    Hanging acute = new Hanging("acute");
    engine = engine(Duration.ofMillis(100), p -> {}, acute);
    for (int i = 0; i < 5; i++) {
      assertThat(engine.fetchAll(PATIENT, Set.of(), CONTEXT).getFirst().status())
          .isEqualTo(SourceStatus.TIMEOUT);
    }

    SourceResult next = engine.fetchAll(PATIENT, Set.of(), CONTEXT).getFirst();

    assertThat(next.status()).isEqualTo(SourceStatus.CIRCUIT_OPEN);
    assertThat(next.elapsed()).isLessThan(Duration.ofMillis(100));
    assertThat(acute.calls).hasValue(5);
  }

  @Test
  void a_half_open_probe_cut_off_by_the_view_deadline_gives_its_permit_back() {
    Scripted failing = new Scripted("gp", HTTP_500, HTTP_500, HTTP_500, HTTP_500, HTTP_500);
    Hanging hanging = new Hanging("gp");
    Switchable gp = new Switchable("gp", failing);
    engine = cutOffAfter(Duration.ofMillis(100), gp);
    for (int i = 0; i < 5; i++) {
      engine.fetchAll(PATIENT, Set.of(), CONTEXT);
    }
    clock.advance(Duration.ofSeconds(31));
    gp.delegate = hanging;
    assertThat(engine.fetchAll(PATIENT, Set.of(), CONTEXT).getFirst().status())
        .isEqualTo(SourceStatus.TIMEOUT);
    gp.delegate = new Scripted("gp", LOADED, LOADED, LOADED);

    boolean probedAgain =
        eventually(
            () ->
                engine.fetchAll(PATIENT, Set.of(), CONTEXT).getFirst().status() == SourceStatus.OK);

    assertThat(probedAgain).as("the next view may probe: the permit was released").isTrue();
    assertThat(engine.circuitStates()).containsEntry("gp", "CLOSED");
  }

  @Test
  void purging_a_patient_removes_them_from_every_cache_and_only_them() {
    Scripted gp = new Scripted("gp", LOADED, LOADED, LOADED, LOADED);
    Scripted acute = new Scripted("acute", LOADED, LOADED, LOADED, LOADED);
    engine = engine(Duration.ofSeconds(1), p -> {}, gp, acute);
    engine.fetchAll(PATIENT, Set.of(), CONTEXT);
    engine.fetchAll(OTHER_PATIENT, Set.of(), CONTEXT);

    engine.purge(PATIENT);

    assertThat(engine.fetchAll(PATIENT, Set.of(), CONTEXT))
        .allSatisfy(r -> assertThat(r.cached()).isFalse());
    assertThat(engine.fetchAll(OTHER_PATIENT, Set.of(), CONTEXT))
        .allSatisfy(r -> assertThat(r.cached()).isTrue());
  }

  @Test
  void each_result_is_reported_as_it_arrives_and_late_sources_as_timeouts_last() {
    Hanging acute = new Hanging("acute");
    Scripted gp = new Scripted("gp", LOADED);
    engine = cutOffAfter(Duration.ofMillis(200), acute, gp);
    List<String> arrivals = new java.util.ArrayList<>();

    List<SourceResult> results =
        engine.fetchAll(
            PATIENT, Set.of(), CONTEXT, r -> arrivals.add(r.source().id() + ":" + r.status()));

    assertThat(arrivals).containsExactly("gp:OK", "acute:TIMEOUT");
    assertThat(results)
        .extracting(r -> r.source().id())
        .as("the returned list keeps configuration order")
        .containsExactly("acute", "gp");
  }

  @Test
  void a_source_cut_off_by_the_view_deadline_is_shown_from_its_last_copy_labelled_as_cached() {
    Switchable gp = new Switchable("gp", new Scripted("gp", LOADED));
    engine = cutOffAfter(Duration.ofMillis(100), gp);
    // On a loaded machine the first call can itself miss the 100 ms deadline (its answer is then
    // cached without this result knowing its time): ask until a fresh answer arrives in time.
    SourceResult fresh = engine.fetchAll(PATIENT, Set.of(), CONTEXT).getFirst();
    for (int i = 0; i < 20 && (fresh.status() != SourceStatus.OK || fresh.cached()); i++) {
      engine.purge(PATIENT);
      fresh = engine.fetchAll(PATIENT, Set.of(), CONTEXT).getFirst();
    }
    assertThat(fresh.status()).as("a fresh answer within the deadline").isEqualTo(SourceStatus.OK);
    clock.advance(Duration.ofMinutes(1));
    gp.delegate = new Hanging("gp");

    SourceResult cutOff = engine.fetchAll(PATIENT, Set.of(), CONTEXT).getFirst();

    assertThat(cutOff.status()).isEqualTo(SourceStatus.OK);
    assertThat(cutOff.cached()).isTrue();
    assertThat(cutOff.retrievedAt()).isEqualTo(fresh.retrievedAt());
  }

  private FanoutEngine engine(
      Duration timeLimit, Consumer<SourceProperties> tune, SourceAdapter... adapters) {
    return engine(deadline(timeLimit.plusSeconds(1)), timeLimit, tune, adapters);
  }

  /** Sources with a 5 s time limit, so the view's {@code deadline} is what cuts them off. */
  private FanoutEngine cutOffAfter(Duration viewDeadline, SourceAdapter... adapters) {
    return engine(deadline(viewDeadline), Duration.ofSeconds(5), p -> {}, adapters);
  }

  private FanoutEngine engine(
      FanoutProperties fanout,
      Duration timeLimit,
      Consumer<SourceProperties> tune,
      SourceAdapter... adapters) {
    if (engine != null) {
      engine.close();
    }
    Map<SourceAdapter, SourceProperties> configured = new LinkedHashMap<>();
    for (SourceAdapter adapter : adapters) {
      SourceProperties properties = new SourceProperties(adapter.descriptor().id());
      properties.setTimeLimit(timeLimit);
      tune.accept(properties);
      configured.put(adapter, properties);
    }
    return new FanoutEngine(SourceAdapters.of(configured), fanout, clock);
  }

  private static FanoutProperties deadline(Duration deadline) {
    FanoutProperties fanout = new FanoutProperties();
    fanout.setDeadline(deadline);
    return fanout;
  }

  /** Polls a condition for up to five seconds; true as soon as it holds. */
  static boolean eventually(BooleanSupplier condition) {
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < until) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.onSpinWait();
      Thread.yield();
    }
    return condition.getAsBoolean();
  }

  private abstract static class Counting implements SourceAdapter {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger active = new AtomicInteger();
    private final SourceDescriptor descriptor;

    Counting(String id) {
      this.descriptor = new SourceDescriptor(id, id.toUpperCase(), "X1", Set.of(Section.ALLERGIES));
    }

    @Override
    public SourceDescriptor descriptor() {
      return descriptor;
    }

    @Override
    public SourceOutcome fetch(SourceRequest request) throws InterruptedException {
      calls.incrementAndGet();
      active.incrementAndGet();
      try {
        return answer();
      } finally {
        active.decrementAndGet();
      }
    }

    abstract SourceOutcome answer() throws InterruptedException;
  }

  /** Answers from a script, one outcome per call; the last repeats. */
  private static final class Scripted extends Counting {
    private final List<SourceOutcome> script;

    Scripted(String id, SourceOutcome... script) {
      super(id);
      this.script = List.of(script);
    }

    @Override
    SourceOutcome answer() {
      return script.get(Math.min(calls.get() - 1, script.size() - 1));
    }
  }

  /** Never answers; stops at once when interrupted, as the SPI asks. */
  private static final class Hanging extends Counting {
    Hanging(String id) {
      super(id);
    }

    @Override
    SourceOutcome answer() throws InterruptedException {
      new CountDownLatch(1).await();
      throw new AssertionError("unreachable");
    }
  }

  /** Ignores interruption until released: a badly behaved adapter the bulkhead must contain. */
  private static final class Stubborn extends Counting {
    private final CountDownLatch release;

    Stubborn(String id, CountDownLatch release) {
      super(id);
      this.release = release;
    }

    @Override
    SourceOutcome answer() {
      while (true) {
        try {
          release.await();
          return LOADED;
        } catch (InterruptedException ignored) {
          // deliberately ignored: this adapter breaks the SPI's interruption rule
        }
      }
    }
  }

  /** Delegates to an adapter the test can swap, to change a source's behaviour mid-test. */
  private static final class Switchable implements SourceAdapter {
    volatile SourceAdapter delegate;
    private final SourceDescriptor descriptor;

    Switchable(String id, SourceAdapter delegate) {
      this.delegate = delegate;
      this.descriptor = delegate.descriptor();
    }

    @Override
    public SourceDescriptor descriptor() {
      return descriptor;
    }

    @Override
    public SourceOutcome fetch(SourceRequest request) throws InterruptedException {
      return delegate.fetch(request);
    }
  }
}
