package org.carelens.gateway.fanout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.carelens.gateway.metrics.GatewayMetrics;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one source with its own cache, circuit breaker, bulkhead, time limit and retry. Runs on the
 * caller's (virtual) thread; the adapter itself runs on a further virtual thread so the time limit
 * and the view's deadline can interrupt it.
 *
 * <p>Order of the guards: a fresh cache entry answers without asking; an open circuit refuses
 * without asking; the bulkhead refuses when too many calls (abandoned ones included) are still in
 * flight; then the adapter runs under the time limit, with at most one jittered retry when it could
 * not connect. Every permit taken is given back on every path, including interruption.
 *
 * <p>The cache holds only records the source returned, keyed by patient and sections. It sits below
 * policy: the gateway decides and filters every view, hit or miss.
 *
 * <p>Single flight: views that miss the cache for the same patient and sections while a call for
 * them is in flight wait for that call's answer instead of asking the source again, each until its
 * own view's deadline (issue 14). A call cut off by its own view's deadline is not shared: the
 * views waiting on it ask the source themselves.
 */
final class SourceCaller {

  private static final Logger LOG = LoggerFactory.getLogger(SourceCaller.class);

  private final SourceAdapter adapter;
  private final String id;
  private final SourceProperties properties;
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;
  private final Cache<CacheKey, CachedRecord> cache;
  private final ConcurrentHashMap<CacheKey, CompletableFuture<SourceResult>> inFlight =
      new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong purges =
      new java.util.concurrent.atomic.AtomicLong();
  private final ExecutorService executor;
  private final Clock clock;
  private final GatewayMetrics metrics;

  SourceCaller(
      SourceAdapter adapter,
      SourceProperties properties,
      ExecutorService executor,
      Clock clock,
      GatewayMetrics metrics) {
    this.adapter = adapter;
    this.id = adapter.descriptor().id();
    this.properties = properties;
    this.executor = executor;
    this.clock = clock;
    this.metrics = metrics;
    // Resilience4j's default window (100 calls) would never open at clinical volumes of a few
    // requests a minute: a small count-based window lets a dead source stop costing every view.
    this.breaker =
        CircuitBreaker.of(
            id,
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.getBreakerWindow())
                .minimumNumberOfCalls(properties.getBreakerMinimumCalls())
                .failureRateThreshold(properties.getBreakerFailureRate())
                .waitDurationInOpenState(properties.getBreakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
    // No waiting for a permit: a full bulkhead means the source is already slow for everyone.
    this.bulkhead =
        Bulkhead.of(
            id,
            BulkheadConfig.custom()
                .maxConcurrentCalls(properties.getBulkheadMaxConcurrent())
                .maxWaitDuration(Duration.ZERO)
                .build());
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(properties.getCacheMaxEntries())
            .expireAfterWrite(properties.getStaleTtl())
            .build();
    metrics.watchSource(
        id,
        Arrays.stream(CircuitBreaker.State.values()).map(Enum::name).toList(),
        () -> breaker.getState().name(),
        () ->
            properties.getBulkheadMaxConcurrent()
                - bulkhead.getMetrics().getAvailableConcurrentCalls(),
        properties.getBulkheadMaxConcurrent());
  }

  CircuitBreaker.State circuitState() {
    return breaker.getState();
  }

  int bulkheadAvailable() {
    return bulkhead.getMetrics().getAvailableConcurrentCalls();
  }

  SourceProperties properties() {
    return properties;
  }

  /**
   * Forgets every cached record of this patient. Calls already in flight for the patient are no
   * longer shared with later views, and their answers are not cached: they were asked for under the
   * consent the purge ends.
   */
  void purge(NhsNumber nhsNumber) {
    purges.incrementAndGet();
    inFlight.keySet().removeIf(key -> key.nhsNumber().equals(nhsNumber));
    cache.asMap().keySet().removeIf(key -> key.nhsNumber().equals(nhsNumber));
  }

  /** Forgets every cached record, and shares no call already in flight with later views. */
  void purgeAll() {
    purges.incrementAndGet();
    inFlight.clear();
    cache.invalidateAll();
  }

  boolean caches(NhsNumber nhsNumber) {
    return cache.asMap().keySet().stream().anyMatch(key -> key.nhsNumber().equals(nhsNumber));
  }

  /**
   * Asks the source for one patient.
   *
   * @param viewDeadline {@link System#nanoTime()} by which the view must answer; a retry is only
   *     attempted if it can finish before it
   */
  SourceResult call(SourceRequest request, long viewDeadline) {
    long started = System.nanoTime();
    SourceResult result = decide(request, started, viewDeadline);
    metrics.sourceCall(id, result.status().name(), result.cached(), result.elapsed());
    return result;
  }

  private SourceResult decide(SourceRequest request, long started, long viewDeadline) {
    CacheKey key = new CacheKey(request.nhsNumber(), request.sections());
    Optional<CachedRecord> cached = Optional.ofNullable(cache.getIfPresent(key));
    if (cached.isPresent() && age(cached.get()).compareTo(properties.getCacheTtl()) < 0) {
      metrics.cache(id, "hit");
      return fromCache(cached.get(), started);
    }
    metrics.cache(id, "miss");
    CompletableFuture<SourceResult> flight = new CompletableFuture<>();
    CompletableFuture<SourceResult> leader = inFlight.putIfAbsent(key, flight);
    if (leader != null) {
      return follow(leader, key, cached, request, started, viewDeadline);
    }
    try {
      SourceResult result = ask(key, cached, request, started, viewDeadline);
      if (Thread.currentThread().isInterrupted()) {
        // Cut off by this view's deadline: not an answer for views with time left.
        flight.completeExceptionally(new CancellationException("the leading view was cut off"));
      } else {
        flight.complete(result);
      }
      return result;
    } catch (RuntimeException | Error e) {
      flight.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, flight);
    }
  }

  /**
   * Waits, until this view's deadline, for the answer of the call already in flight for the same
   * patient and sections; asks the source itself if that call was cut off or failed.
   */
  private SourceResult follow(
      CompletableFuture<SourceResult> leader,
      CacheKey key,
      Optional<CachedRecord> cached,
      SourceRequest request,
      long started,
      long viewDeadline) {
    try {
      SourceResult shared =
          leader.get(Math.max(0, viewDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      metrics.cache(id, "shared");
      return new SourceResult(
          shared.source(),
          shared.status(),
          shared.record(),
          shared.detail(),
          shared.reasonCode(),
          elapsed(started),
          shared.cached(),
          shared.retrievedAt());
    } catch (TimeoutException e) {
      return stale(cached, started)
          .orElseGet(
              () ->
                  SourceResult.failed(
                      adapter.descriptor(),
                      SourceStatus.TIMEOUT,
                      "No answer before the view's deadline",
                      elapsed(started)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SourceResult.failed(
          adapter.descriptor(),
          SourceStatus.TIMEOUT,
          "No answer before the view's deadline",
          elapsed(started));
    } catch (ExecutionException | CancellationException e) {
      return ask(key, cached, request, started, viewDeadline);
    }
  }

  /** Asks the source (circuit, bulkhead, time limit, retry) and keeps an OK answer in the cache. */
  private SourceResult ask(
      CacheKey key,
      Optional<CachedRecord> cached,
      SourceRequest request,
      long started,
      long viewDeadline) {
    if (!breaker.tryAcquirePermission()) {
      return stale(cached, started)
          .orElseGet(
              () ->
                  SourceResult.failed(
                      adapter.descriptor(),
                      SourceStatus.CIRCUIT_OPEN,
                      "The source has failed repeatedly and is not being asked for now",
                      elapsed(started)));
    }
    long purgesBefore = purges.get();
    SourceResult result = callSource(request, started, viewDeadline);
    switch (result.status()) {
      case OK ->
          result
              .record()
              // Not kept when a purge ran meanwhile: the answer may predate a consent change.
              .filter(r -> purges.get() == purgesBefore)
              .ifPresent(
                  r ->
                      cache.put(
                          key,
                          new CachedRecord(r, result.retrievedAt().orElseGet(clock::instant))));
      // A source that now has no record, or withholds it, must not be answered from an old copy.
      case NO_RECORD, WITHHELD -> cache.invalidate(key);
      default -> {
        Optional<SourceResult> stale = stale(cached, started);
        if (stale.isPresent()) {
          return stale.get();
        }
      }
    }
    return result;
  }

  /**
   * The result for a call the view's deadline cut off: the last copy, labelled {@code cached} with
   * its {@code retrievedAt}, when one is recent enough (serve-stale-on-error), else {@code
   * TIMEOUT}. Meters are left to the cut-off call's own thread, which records how it ended.
   */
  SourceResult cutOff(SourceRequest request, Duration waited, String detail) {
    CachedRecord cached = cache.getIfPresent(new CacheKey(request.nhsNumber(), request.sections()));
    if (cached != null) {
      return new SourceResult(
          adapter.descriptor(),
          SourceStatus.OK,
          Optional.of(cached.record()),
          Optional.empty(),
          Optional.empty(),
          waited,
          true,
          Optional.of(cached.retrievedAt()));
    }
    return SourceResult.failed(adapter.descriptor(), SourceStatus.TIMEOUT, detail, waited);
  }

  private Optional<SourceResult> stale(Optional<CachedRecord> cached, long started) {
    cached.ifPresent(c -> metrics.cache(id, "stale"));
    return cached.map(c -> fromCache(c, started));
  }

  /** Runs the adapter under the time limit; the breaker permit is settled on every path. */
  private SourceResult callSource(SourceRequest request, long started, long viewDeadline) {
    // The time limit is this caller's to enforce; the view's deadline is the engine's, which
    // interrupts this thread. Keeping them apart makes the outcome deterministic: a time-out here
    // counts against the source, a cut-off by the view gives the breaker permit back unused.
    long limit = started + properties.getTimeLimit().toNanos();
    long retryBy = Math.min(limit, viewDeadline);
    Future<SourceOutcome> running;
    try {
      running = executor.submit(() -> attempts(request, retryBy));
    } catch (RuntimeException e) {
      // The engine is shutting down: nothing ran, so the permit is returned unused.
      breaker.releasePermission();
      return SourceResult.failed(
          adapter.descriptor(), SourceStatus.ERROR, "The gateway is stopping", elapsed(started));
    }
    try {
      SourceOutcome outcome =
          running.get(Math.max(0, limit - System.nanoTime()), TimeUnit.NANOSECONDS);
      Duration elapsed = elapsed(started);
      if (outcome instanceof SourceOutcome.Failed) {
        breaker.onError(elapsed.toNanos(), TimeUnit.NANOSECONDS, new SourceFailure(outcome));
      } else {
        breaker.onSuccess(elapsed.toNanos(), TimeUnit.NANOSECONDS);
      }
      return toResult(outcome, elapsed);
    } catch (TimeoutException e) {
      running.cancel(true);
      Duration elapsed = elapsed(started);
      breaker.onError(elapsed.toNanos(), TimeUnit.NANOSECONDS, e);
      return SourceResult.failed(
          adapter.descriptor(),
          SourceStatus.TIMEOUT,
          "No answer within " + properties.getTimeLimit().toMillis() + " ms",
          elapsed);
    } catch (InterruptedException e) {
      // The view's deadline passed or the view was abandoned: stop the adapter's I/O and give the
      // breaker permit back unused, so a half-open probe is not lost with the view.
      running.cancel(true);
      breaker.releasePermission();
      Thread.currentThread().interrupt();
      return SourceResult.failed(
          adapter.descriptor(),
          SourceStatus.TIMEOUT,
          "No answer before the view's deadline",
          elapsed(started));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      Duration elapsed = elapsed(started);
      if (cause instanceof BulkheadFull) {
        breaker.releasePermission();
        metrics.bulkheadRejected(id);
        return SourceResult.failed(
            adapter.descriptor(),
            SourceStatus.ERROR,
            // Its own detail, so a refusal by the gateway is not read as the source failing.
            "Bulkhead full: "
                + properties.getBulkheadMaxConcurrent()
                + " calls to this source are still in flight; not asked",
            elapsed);
      }
      breaker.onError(elapsed.toNanos(), TimeUnit.NANOSECONDS, cause);
      // An exception escaping an adapter is a bug there; it is contained to this source.
      LOG.warn("Adapter {} threw for patient {}", id, request.nhsNumber(), cause);
      return SourceResult.failed(
          adapter.descriptor(),
          SourceStatus.ERROR,
          "The adapter failed unexpectedly (" + cause.getClass().getSimpleName() + ")",
          elapsed);
    }
  }

  /**
   * Runs on the adapter's thread, holding a bulkhead permit for as long as the thread is busy with
   * the source, even after the caller gave up: that is what bounds a hanging source.
   */
  private SourceOutcome attempts(SourceRequest request, long retryBy) throws InterruptedException {
    if (!bulkhead.tryAcquirePermission()) {
      throw new BulkheadFull();
    }
    try {
      SourceOutcome first = adapter.fetch(request);
      if (first instanceof SourceOutcome.Failed failed
          && failed.kind() == SourceOutcome.Failed.Kind.UNREACHABLE
          && properties.isRetryEnabled()) {
        // At most one retry, on connection failure only (nothing reached the source, so asking
        // again cannot duplicate anything), jittered so views do not retry in step, and only when
        // a connection attempt still fits before the limit.
        long pause = jitter(properties.getRetryBackoff().toNanos());
        long needed = pause + properties.getConnectTimeout().toNanos();
        if (System.nanoTime() + needed < retryBy) {
          TimeUnit.NANOSECONDS.sleep(pause);
          metrics.retry(id);
          return adapter.fetch(request);
        }
      }
      return first;
    } finally {
      bulkhead.onComplete();
    }
  }

  private static long jitter(long mean) {
    return mean <= 0 ? 0 : ThreadLocalRandom.current().nextLong(mean / 2, mean + mean / 2 + 1);
  }

  private SourceResult toResult(SourceOutcome outcome, Duration elapsed) {
    var source = adapter.descriptor();
    return switch (outcome) {
      case SourceOutcome.Loaded loaded ->
          new SourceResult(
              source,
              SourceStatus.OK,
              Optional.of(loaded.record()),
              Optional.empty(),
              Optional.empty(),
              elapsed,
              false,
              Optional.of(clock.instant()));
      case SourceOutcome.NoRecord noRecord ->
          SourceResult.failed(source, SourceStatus.NO_RECORD, noRecord.detail(), elapsed);
      case SourceOutcome.WithheldBySource withheld ->
          new SourceResult(
              source,
              SourceStatus.WITHHELD,
              Optional.empty(),
              Optional.of(withheld.detail()),
              Optional.of(withheld.reasonCode()),
              elapsed,
              false,
              Optional.empty());
      case SourceOutcome.Failed failed ->
          SourceResult.failed(source, SourceStatus.ERROR, failed.detail(), elapsed);
    };
  }

  private SourceResult fromCache(CachedRecord cached, long started) {
    return new SourceResult(
        adapter.descriptor(),
        SourceStatus.OK,
        Optional.of(cached.record()),
        Optional.empty(),
        Optional.empty(),
        elapsed(started),
        true,
        Optional.of(cached.retrievedAt()));
  }

  private Duration age(CachedRecord cached) {
    return Duration.between(cached.retrievedAt(), clock.instant());
  }

  private static Duration elapsed(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  private record CacheKey(NhsNumber nhsNumber, Set<Section> sections) {}

  private record CachedRecord(SourceRecord record, Instant retrievedAt) {}

  /** Marks a failed outcome as an error for the circuit breaker. */
  private static final class SourceFailure extends RuntimeException {
    SourceFailure(SourceOutcome outcome) {
      super(outcome.toString(), null, false, false);
    }
  }

  /** The bulkhead had no permit left when the adapter's thread started. */
  private static final class BulkheadFull extends RuntimeException {
    BulkheadFull() {
      super("bulkhead full", null, false, false);
    }
  }
}
