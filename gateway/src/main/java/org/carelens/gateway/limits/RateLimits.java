package org.carelens.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.carelens.gateway.metrics.GatewayMetrics;
import org.carelens.gateway.problem.ProblemException;

/**
 * One Resilience4j rate limiter per function, scope (user or client address) and key, created on
 * first use. The limiters live in a Caffeine map bounded by {@code max-tracked-keys} and dropped
 * after a period without use; a limiter left alone for a whole period is full again anyway, so
 * dropping it then changes nothing. Time comes from the injected {@link Ticker}, so tests move it
 * by hand.
 *
 * <p>Never blocks (a limiter never waits for a permit), so it may be called on the event loop.
 * Thread-safe.
 */
@Singleton
public class RateLimits {

  /** The problem code of every 429. */
  public static final String RATE_LIMITED = "RATE_LIMITED";

  /** Whose allowance a permit is taken from. */
  public enum Scope {
    USER,
    ADDRESS
  }

  private record Key(RateLimit limit, Scope scope, String who) {}

  private final LimitsProperties properties;
  private final Ticker ticker;
  private final GatewayMetrics metrics;
  private final Map<RateLimit, RateLimiterConfig> perUser = new EnumMap<>(RateLimit.class);
  private final Map<RateLimit, RateLimiterConfig> perAddress = new EnumMap<>(RateLimit.class);
  private final Cache<Key, AtomicRateLimiter> limiters;

  public RateLimits(LimitsProperties properties, Ticker ticker, GatewayMetrics metrics) {
    this.properties = properties;
    this.ticker = ticker;
    this.metrics = metrics;
    for (RateLimit limit : RateLimit.values()) {
      perUser.put(limit, config(properties.perUser(limit), properties.getPeriod()));
      perAddress.put(limit, config(properties.perAddress(limit), properties.getPeriod()));
    }
    this.limiters =
        Caffeine.newBuilder()
            .maximumSize(properties.getMaxTrackedKeys())
            .expireAfterAccess(properties.getPeriod())
            .ticker(ticker)
            .build();
  }

  /**
   * Takes one permit from {@code address}'s allowance for {@code limit}.
   *
   * @throws ProblemException 429 {@code RATE_LIMITED} with the wait as {@code Retry-After}
   */
  public void acquireForAddress(RateLimit limit, String address) {
    acquire(new Key(limit, Scope.ADDRESS, address), perAddress.get(limit), "this address");
  }

  /**
   * Takes one permit from {@code user}'s allowance for {@code limit}.
   *
   * @param user the same key for every session of the user (see {@link SessionUsers})
   * @throws ProblemException 429 {@code RATE_LIMITED} with the wait as {@code Retry-After}
   */
  public void acquireForUser(RateLimit limit, String user) {
    acquire(new Key(limit, Scope.USER, user), perUser.get(limit), "this user");
  }

  /** How many users and addresses have a limiter now (for tests and diagnostics). */
  public long trackedKeys() {
    limiters.cleanUp();
    return limiters.estimatedSize();
  }

  private void acquire(Key key, RateLimiterConfig config, String whose) {
    if (!properties.isEnabled()) {
      return;
    }
    AtomicRateLimiter limiter =
        limiters.get(
            key,
            k ->
                new AtomicRateLimiter(
                    k.limit().key() + "-per-" + k.scope().name().toLowerCase(Locale.ROOT),
                    config,
                    Map.of(),
                    ticker::read));
    if (limiter.acquirePermission()) {
      return;
    }
    Duration wait = Duration.ofNanos(Math.max(0, limiter.getDetailedMetrics().getNanosToWait()));
    metrics.requestLimited(key.limit().key(), key.scope().name().toLowerCase(Locale.ROOT));
    throw ProblemException.tooManyRequests(
        RATE_LIMITED,
        "Too many %s requests from %s: at most %d every %s; try again after the Retry-After delay"
            .formatted(
                key.limit().key(),
                whose,
                config.getLimitForPeriod(),
                words(properties.getPeriod())),
        wait);
  }

  private static RateLimiterConfig config(int limitForPeriod, Duration period) {
    return RateLimiterConfig.custom()
        .limitForPeriod(limitForPeriod)
        .limitRefreshPeriod(period)
        // Never wait for a permit: an excess request is refused at once, holding no thread.
        .timeoutDuration(Duration.ZERO)
        .build();
  }

  private static String words(Duration period) {
    if (period.toSecondsPart() == 0 && period.toMillisPart() == 0 && period.toMinutes() > 0) {
      return period.toMinutes() == 1 ? "minute" : period.toMinutes() + " minutes";
    }
    return period.toMillis() + " ms";
  }
}
