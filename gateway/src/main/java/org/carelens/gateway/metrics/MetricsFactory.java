package org.carelens.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Binds the gateway's meters to Micronaut's registry, which {@code /prometheus} exports. */
@Factory
class MetricsFactory {

  @Singleton
  GatewayMetrics gatewayMetrics(MeterRegistry registry) {
    return new GatewayMetrics(registry);
  }
}
