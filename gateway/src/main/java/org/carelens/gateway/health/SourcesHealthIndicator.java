package org.carelens.gateway.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carelens.gateway.fanout.FanoutEngine;

/**
 * Adds {@code sources} to {@code GET /health}: each source's circuit state and free bulkhead
 * permits, read from the fan-out engine, never by calling the source (a health probe must not add
 * load to a struggling source).
 *
 * <p>The gateway stays {@code UP} when a circuit is open: it still answers every view, with that
 * source reported {@code CIRCUIT_OPEN} (fail soft on availability, PRODUCT.md principle 6).
 */
@Singleton
public class SourcesHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

  private final FanoutEngine fanout;

  public SourcesHealthIndicator(FanoutEngine fanout) {
    this.fanout = fanout;
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    healthStatus = HealthStatus.UP;
    Map<String, Object> sources = new LinkedHashMap<>();
    fanout
        .health()
        .forEach(
            (id, health) ->
                sources.put(
                    id,
                    Map.of(
                        "circuit", health.circuit(),
                        "bulkheadAvailable", health.bulkheadAvailable(),
                        "bulkheadMax", health.bulkheadMax())));
    return sources;
  }

  @Override
  protected String getName() {
    return "sources";
  }
}
