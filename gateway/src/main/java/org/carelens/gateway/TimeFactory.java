package org.carelens.gateway;

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
}
