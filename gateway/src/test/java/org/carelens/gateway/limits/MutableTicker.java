package org.carelens.gateway.limits;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A ticker tests move by hand, so rate limits refill without waiting. */
final class MutableTicker implements Ticker {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }

  @Override
  public long read() {
    return nanos.get();
  }
}
