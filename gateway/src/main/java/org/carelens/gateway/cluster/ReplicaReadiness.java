package org.carelens.gateway.cluster;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.carelens.gateway.launch.TrustedIssuers;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Readiness of this replica for new requests ({@code GET /health/readiness}, issue 15): {@code
 * DOWN} while the database cannot be reached (no view can be audited, so none may be shown), while
 * no trusted issuer's keys can be had (no one could launch or sign in here), or while the replica
 * is draining. A load balancer sends requests only to ready replicas.
 *
 * <p>Sources play no part: a source down is every replica's problem, and each view reports it. Nor
 * does one issuer among several whose keys are unreachable: that too is the same on every replica,
 * and taking them all out would end the sessions already open and the other issuers' launches; its
 * launches are refused with their own reason code.
 *
 * <p>The result is reused for {@link #RECHECK} so that frequent probes cost the database and the
 * issuers nothing more.
 */
@Singleton
@Readiness
public class ReplicaReadiness implements HealthIndicator {

  static final Duration RECHECK = Duration.ofSeconds(1);
  private static final int DATABASE_TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;
  private final TrustedIssuers issuers;
  private final Draining draining;
  private final Clock clock;
  private volatile Checked last;

  public ReplicaReadiness(
      DataSource dataSource, TrustedIssuers issuers, Draining draining, Clock clock) {
    this.dataSource = dataSource;
    this.issuers = issuers;
    this.draining = draining;
    this.clock = clock;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    return Mono.fromCallable(this::result).subscribeOn(Schedulers.boundedElastic());
  }

  private HealthResult result() {
    boolean isDraining = draining.draining();
    Checked checked = checked();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("database", checked.database() ? "UP" : "DOWN");
    details.put("launchKeys", checked.keys());
    details.put("draining", isDraining);
    details.put("viewsInFlight", draining.inFlight());
    boolean ready = !isDraining && checked.database() && checked.keys().containsValue(Boolean.TRUE);
    return HealthResult.builder("replica", ready ? HealthStatus.UP : HealthStatus.DOWN)
        .details(details)
        .build();
  }

  private Checked checked() {
    Instant now = clock.instant();
    Checked previous = last;
    if (previous != null
        && !now.isBefore(previous.at())
        && now.isBefore(previous.at().plus(RECHECK))) {
      return previous;
    }
    Checked fresh = new Checked(now, databaseReachable(), issuers.keysAvailable());
    last = fresh;
    return fresh;
  }

  private boolean databaseReachable() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(DATABASE_TIMEOUT_SECONDS);
    } catch (Exception e) {
      return false;
    }
  }

  private record Checked(Instant at, boolean database, Map<String, Boolean> keys) {}
}
