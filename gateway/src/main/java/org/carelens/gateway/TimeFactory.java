package org.carelens.gateway;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Time is injected everywhere it matters, so tests can fix it. */
@Factory
class TimeFactory {

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Monotonic nanoseconds, for rate limiters and cache expiry (a wall clock may step back). */
  @Singleton
  Ticker ticker() {
    return Ticker.systemTicker();
  }
}
