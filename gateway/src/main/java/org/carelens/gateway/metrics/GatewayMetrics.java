package org.carelens.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The gateway's meters, named {@code carelens_*} in Prometheus. One instance per registry; every
 * method is thread-safe (Micrometer meters are).
 */
public final class GatewayMetrics {

  /** Histogram buckets around GP Connect's 1 s "should" and 3 s "must" response times. */
  private static final Duration[] SLOS = {
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(3),
    Duration.ofSeconds(5)
  };

  private final MeterRegistry registry;

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Meters kept in memory only, for tests and embedding. */
  public static GatewayMetrics inMemory() {
    return new GatewayMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** One source's contribution to one view: its latency by status, and the outcome count. */
  public void sourceCall(String source, String status, boolean cached, Duration elapsed) {
    Timer.builder("carelens.source.latency")
        .description("Time from asking a source to having its result, by outcome")
        .tags("source", source, "status", status, "cached", Boolean.toString(cached))
        .serviceLevelObjectives(SLOS)
        .register(registry)
        .record(elapsed);
    Counter.builder("carelens.source.outcomes")
        .description("Source results by status")
        .tags("source", source, "status", status, "cached", Boolean.toString(cached))
        .register(registry)
        .increment();
  }

  /**
   * A cache lookup: {@code hit} (fresh copy served), {@code miss} (source asked) or {@code stale}
   * (source failed, an older copy was served labelled with its age).
   */
  public void cache(String source, String result) {
    Counter.builder("carelens.source.cache")
        .description("Per-source cache lookups by result")
        .tags("source", source, "result", result)
        .register(registry)
        .increment();
  }

  /** A connection failure was retried. */
  public void retry(String source) {
    Counter.builder("carelens.source.retries")
        .description("Retries after a failure to connect")
        .tags("source", source)
        .register(registry)
        .increment();
  }

  /** A call was refused because the source's bulkhead was full. */
  public void bulkheadRejected(String source) {
    Counter.builder("carelens.source.bulkhead.rejected")
        .description("Calls refused because too many were in flight to the source")
        .tags("source", source)
        .register(registry)
        .increment();
  }

  /**
   * Gauges for one source's circuit (1 for the current state, 0 for the others, as Resilience4j's
   * own Micrometer binding does) and its bulkhead.
   */
  public void watchSource(
      String source,
      List<String> circuitStates,
      Supplier<String> circuitState,
      IntSupplier bulkheadInUse,
      int bulkheadMax) {
    for (String state : circuitStates) {
      Gauge.builder(
              "carelens.source.circuit.state", circuitState, s -> state.equals(s.get()) ? 1 : 0)
          .description("Circuit breaker state: 1 for the current state")
          .tags("source", source, "state", state)
          // Micrometer holds gauge targets weakly; these lambdas live nowhere else.
          .strongReference(true)
          .register(registry);
    }
    Gauge.builder("carelens.source.bulkhead.in.use", bulkheadInUse, IntSupplier::getAsInt)
        .description("Calls in flight to the source, including abandoned ones not yet stopped")
        .tags("source", source)
        .strongReference(true)
        .register(registry);
    Gauge.builder("carelens.source.bulkhead.max", () -> bulkheadMax)
        .description("The most calls that may be in flight to the source")
        .tags("source", source)
        .strongReference(true)
        .register(registry);
  }

  /** One record view, whole or streamed, from request to response. */
  public void view(String endpoint, Duration elapsed) {
    Timer.builder("carelens.view.latency")
        .description("Time to build a record view, all sources included")
        .tags("endpoint", endpoint)
        .serviceLevelObjectives(SLOS)
        .register(registry)
        .record(elapsed);
  }

  /** A request was refused over a rate limit ({@code scope} is {@code user} or {@code address}). */
  public void requestLimited(String limit, String scope) {
    Counter.builder("carelens.requests.limited")
        .description("Requests refused with 429 over a rate limit, by function and scope")
        .tags("limit", limit, "scope", scope)
        .register(registry)
        .increment();
  }
}
