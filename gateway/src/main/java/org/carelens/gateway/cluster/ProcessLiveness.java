package org.carelens.gateway.cluster;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Liveness ({@code GET /health/liveness}, issue 15): the process answers HTTP. It depends on
 * nothing outside the process, neither the database nor any source nor the issuers, so that an
 * orchestrator restarts a replica only when restarting can help; a database or source outage shows
 * in readiness instead.
 */
@Singleton
@Liveness
public class ProcessLiveness implements HealthIndicator {

  private final Draining draining;

  public ProcessLiveness(Draining draining) {
    this.draining = draining;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    return Mono.just(
        HealthResult.builder("process", HealthStatus.UP)
            .details(Map.of("viewsInFlight", draining.inFlight()))
            .build());
  }
}
