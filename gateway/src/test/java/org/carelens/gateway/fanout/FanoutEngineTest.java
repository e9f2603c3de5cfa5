package org.carelens.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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

class FanoutEngineTest {

  static final NhsNumber PATIENT = new NhsNumber("9990000018");
  static final RequestContext CONTEXT =
      new RequestContext("corr-1", "u1", "Dr Test", "clinician", "Y03012", "OOH");
  static final SourceRecord EMPTY_RECORD = new SourceRecord(Optional.empty(), Map.of());

  final MutableClock clock = new MutableClock();
  FanoutEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void a_hanging_source_is_reported_timeout_while_a_healthy_one_loads() {
    CountDownLatch interrupted = new CountDownLatch(1);
    engine =
        engine(
            Duration.ofMillis(300),
            adapter("gp", r -> new SourceOutcome.Loaded(EMPTY_RECORD)),
            adapter(
                "acute",
                r -> {
                  try {
                    Thread.sleep(60_000);
                  } catch (InterruptedException e) {
                    interrupted.countDown();
                  }
                  return new SourceOutcome.Loaded(EMPTY_RECORD);
                }));

    List<SourceResult> results = engine.fetchAll(PATIENT, Set.of(Section.ALLERGIES), CONTEXT);

    assertThat(results)
        .extracting(SourceResult::status)
        .containsExactly(SourceStatus.OK, SourceStatus.TIMEOUT);
    assertThat(results.get(1).detail()).hasValueSatisfying(d -> assertThat(d).contains("300 ms"));
    assertThat(awaitQuietly(interrupted))
        .as("the hanging adapter's thread was interrupted")
        .isTrue();
  }

  @Test
  void an_adapter_that_throws_costs_only_its_own_source() {
    engine =
        engine(
            Duration.ofSeconds(2),
            adapter(
                "gp",
                r -> {
                  throw new IllegalStateException("bug");
                }),
            adapter("acute", r -> new SourceOutcome.NoRecord("not known here")));

    List<SourceResult> results = engine.fetchAll(PATIENT, Set.of(), CONTEXT);

    assertThat(results)
        .extracting(SourceResult::status)
        .containsExactly(SourceStatus.ERROR, SourceStatus.NO_RECORD);
    assertThat(results.get(0).detail())
        .contains("The adapter failed unexpectedly (IllegalStateException)");
  }

  @Test
  void withheld_by_source_carries_the_sources_reason_code() {
    engine =
        engine(
            Duration.ofSeconds(2),
            adapter(
                "gp", r -> new SourceOutcome.WithheldBySource("NO_PATIENT_CONSENT", "dissent")));

    SourceResult result = engine.fetchAll(PATIENT, Set.of(), CONTEXT).get(0);

    assertThat(result.status()).isEqualTo(SourceStatus.WITHHELD);
    assertThat(result.reasonCode()).contains("NO_PATIENT_CONSENT");
  }

  @Test
  void the_circuit_opens_after_repeated_failures_and_the_source_is_no_longer_called() {
    AtomicInteger calls = new AtomicInteger();
    engine =
        engine(
            Duration.ofSeconds(2),
            adapter(
                "gp",
                r -> {
                  calls.incrementAndGet();
                  return new SourceOutcome.Failed(
                      SourceOutcome.Failed.Kind.SOURCE_ERROR, "HTTP 500");
                }));
    for (int i = 0; i < 5; i++) {
      engine.fetchAll(PATIENT, Set.of(), CONTEXT);
    }

    SourceResult result = engine.fetchAll(PATIENT, Set.of(), CONTEXT).get(0);

    assertThat(result.status()).isEqualTo(SourceStatus.CIRCUIT_OPEN);
    assertThat(calls).hasValue(5);
    assertThat(engine.circuitStates()).containsEntry("gp", "OPEN");
  }

  @Test
  void a_recent_record_is_served_from_cache_labelled_with_when_it_was_retrieved() {
    AtomicInteger calls = new AtomicInteger();
    engine =
        engine(
            Duration.ofSeconds(2),
            adapter(
                "gp",
                r -> {
                  calls.incrementAndGet();
                  return new SourceOutcome.Loaded(EMPTY_RECORD);
                }));
    SourceResult first = engine.fetchAll(PATIENT, Set.of(), CONTEXT).get(0);
    clock.advance(Duration.ofSeconds(10));

    SourceResult second = engine.fetchAll(PATIENT, Set.of(), CONTEXT).get(0);

    assertThat(first.cached()).isFalse();
    assertThat(second.cached()).isTrue();
    assertThat(second.retrievedAt()).isEqualTo(first.retrievedAt());
    assertThat(calls).hasValue(1);
  }

  @Test
  void when_the_source_fails_a_stale_record_is_served_labelled_as_cached() {
    AtomicInteger calls = new AtomicInteger();
    engine =
        engine(
            Duration.ofSeconds(2),
            adapter(
                "gp",
                r ->
                    calls.incrementAndGet() == 1
                        ? new SourceOutcome.Loaded(EMPTY_RECORD)
                        : new SourceOutcome.Failed(
                            SourceOutcome.Failed.Kind.SOURCE_ERROR, "HTTP 503")));
    engine.fetchAll(PATIENT, Set.of(), CONTEXT);
    clock.advance(Duration.ofMinutes(2));

    SourceResult result = engine.fetchAll(PATIENT, Set.of(), CONTEXT).get(0);

    assertThat(result.status()).isEqualTo(SourceStatus.OK);
    assertThat(result.cached()).isTrue();
    assertThat(calls).hasValue(2);
  }

  @Test
  void a_source_that_now_withholds_is_never_answered_from_its_cache() {
    AtomicInteger calls = new AtomicInteger();
    engine =
        engine(
            Duration.ofSeconds(2),
            adapter(
                "gp",
                r ->
                    calls.incrementAndGet() == 1
                        ? new SourceOutcome.Loaded(EMPTY_RECORD)
                        : new SourceOutcome.WithheldBySource("NO_PATIENT_CONSENT", "dissent")));
    engine.fetchAll(PATIENT, Set.of(), CONTEXT);
    clock.advance(Duration.ofMinutes(1));

    SourceResult result = engine.fetchAll(PATIENT, Set.of(), CONTEXT).get(0);

    assertThat(result.status()).isEqualTo(SourceStatus.WITHHELD);
    assertThat(result.record()).isEmpty();
  }

  private FanoutEngine engine(Duration timeLimit, SourceAdapter... adapters) {
    Map<SourceAdapter, SourceProperties> configured = new LinkedHashMap<>();
    for (SourceAdapter adapter : adapters) {
      SourceProperties properties = new SourceProperties(adapter.descriptor().id());
      properties.setTimeLimit(timeLimit);
      configured.put(adapter, properties);
    }
    FanoutProperties fanout = new FanoutProperties();
    fanout.setDeadline(timeLimit.plusSeconds(1));
    return new FanoutEngine(new SourceAdapters(configured), fanout, clock);
  }

  private static SourceAdapter adapter(String id, Function<SourceRequest, SourceOutcome> answer) {
    SourceDescriptor descriptor =
        new SourceDescriptor(id, id.toUpperCase(), "X1", Set.of(Section.ALLERGIES));
    return new SourceAdapter() {
      @Override
      public SourceDescriptor descriptor() {
        return descriptor;
      }

      @Override
      public SourceOutcome fetch(SourceRequest request) {
        return answer.apply(request);
      }
    };
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private java.time.Instant now = java.time.Instant.parse("2026-11-22T09:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }
}
