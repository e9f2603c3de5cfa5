package org.carelens.gateway.fanout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one source with its own circuit breaker, time limit and cache. Runs on the caller's
 * (virtual) thread; the adapter itself runs on a further virtual thread so the time limit can
 * interrupt it.
 *
 * <p>The cache holds only records the source returned, keyed by patient and sections. It sits below
 * policy: the gateway decides and filters every view, hit or miss.
 */
final class SourceCaller {

  private static final Logger LOG = LoggerFactory.getLogger(SourceCaller.class);

  private final SourceAdapter adapter;
  private final SourceProperties properties;
  private final CircuitBreaker breaker;
  private final TimeLimiter timeLimiter;
  private final Cache<CacheKey, CachedRecord> cache;
  private final ExecutorService executor;
  private final Clock clock;

  SourceCaller(
      SourceAdapter adapter, SourceProperties properties, ExecutorService executor, Clock clock) {
    this.adapter = adapter;
    this.properties = properties;
    this.executor = executor;
    this.clock = clock;
    // Resilience4j's default window (100 calls) would never open at clinical volumes of a few
    // requests a minute: a small count-based window lets a dead source stop costing every view.
    this.breaker =
        CircuitBreaker.of(
            properties.getId(),
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.getBreakerWindow())
                .minimumNumberOfCalls(properties.getBreakerMinimumCalls())
                .failureRateThreshold(properties.getBreakerFailureRate())
                .waitDurationInOpenState(properties.getBreakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    this.timeLimiter =
        TimeLimiter.of(
            properties.getId(),
            TimeLimiterConfig.custom()
                .timeoutDuration(properties.getTimeLimit())
                .cancelRunningFuture(true)
                .build());
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(properties.getCacheMaxEntries())
            .expireAfterWrite(properties.getStaleTtl())
            .build();
  }

  CircuitBreaker.State circuitState() {
    return breaker.getState();
  }

  SourceResult call(SourceRequest request) {
    long started = System.nanoTime();
    CacheKey key = new CacheKey(request.nhsNumber(), request.sections());
    Optional<CachedRecord> cached = Optional.ofNullable(cache.getIfPresent(key));
    if (cached.isPresent() && age(cached.get()).compareTo(properties.getCacheTtl()) < 0) {
      return fromCache(cached.get(), started);
    }
    if (!breaker.tryAcquirePermission()) {
      return cached
          .map(c -> fromCache(c, started))
          .orElseGet(
              () ->
                  SourceResult.failed(
                      adapter.descriptor(),
                      SourceStatus.CIRCUIT_OPEN,
                      "The source has failed repeatedly and is not being asked for now",
                      elapsed(started)));
    }
    SourceResult result = callSource(request, started);
    switch (result.status()) {
      case OK ->
          result.record().ifPresent(r -> cache.put(key, new CachedRecord(r, clock.instant())));
      // A source that now has no record, or withholds it, must not be answered from an old copy.
      case NO_RECORD, WITHHELD -> cache.invalidate(key);
      default -> {
        if (cached.isPresent()) {
          return fromCache(cached.get(), started);
        }
      }
    }
    return result;
  }

  private SourceResult callSource(SourceRequest request, long started) {
    AtomicReference<Future<SourceOutcome>> running = new AtomicReference<>();
    try {
      SourceOutcome outcome =
          timeLimiter.executeFutureSupplier(
              () -> {
                Future<SourceOutcome> future = executor.submit(() -> adapter.fetch(request));
                running.set(future);
                return future;
              });
      Duration elapsed = elapsed(started);
      if (outcome instanceof SourceOutcome.Failed) {
        breaker.onError(elapsed.toNanos(), TimeUnit.NANOSECONDS, new SourceFailure(outcome));
      } else {
        breaker.onSuccess(elapsed.toNanos(), TimeUnit.NANOSECONDS);
      }
      return toResult(outcome, elapsed);
    } catch (TimeoutException e) {
      Duration elapsed = elapsed(started);
      breaker.onError(elapsed.toNanos(), TimeUnit.NANOSECONDS, e);
      return SourceResult.failed(
          adapter.descriptor(),
          SourceStatus.TIMEOUT,
          "No answer within " + properties.getTimeLimit().toMillis() + " ms",
          elapsed);
    } catch (InterruptedException e) {
      // The view's overall deadline passed: stop the adapter's I/O and give the permit back.
      Optional.ofNullable(running.get()).ifPresent(f -> f.cancel(true));
      breaker.releasePermission();
      Thread.currentThread().interrupt();
      return SourceResult.failed(
          adapter.descriptor(),
          SourceStatus.TIMEOUT,
          "No answer before the view's deadline",
          elapsed(started));
    } catch (Exception e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      Duration elapsed = elapsed(started);
      breaker.onError(elapsed.toNanos(), TimeUnit.NANOSECONDS, cause);
      // An exception escaping an adapter is a bug there; it is contained to this source.
      LOG.warn(
          "Adapter {} threw for patient {}", adapter.descriptor().id(), request.nhsNumber(), cause);
      return SourceResult.failed(
          adapter.descriptor(),
          SourceStatus.ERROR,
          "The adapter failed unexpectedly (" + cause.getClass().getSimpleName() + ")",
          elapsed);
    }
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
}
