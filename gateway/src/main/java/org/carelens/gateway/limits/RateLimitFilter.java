package org.carelens.gateway.limits;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import java.util.Optional;

/**
 * Applies the rate limit a controller method declares with {@link RateLimited}: one permit from the
 * client address and, when the request carries a session this replica knows, one from its user,
 * before the method runs. A request over either limit is answered {@code 429 RATE_LIMITED} with
 * {@code Retry-After}, and nothing else is done for it: no token verification, no audit.
 *
 * <p>The permits are counted in the shared database (one statement per request, see {@link
 * RateLimits}), so the filter runs on the blocking executor, not the event loop. The session lookup
 * is this replica's cache only: it never reads the database and does not count as activity.
 */
@ServerFilter("/api/**")
// After the correlation id is assigned (CorrelationIdFilter runs first), so that a 429 carries one;
// before anything that does work for the request.
@Order(Ordered.HIGHEST_PRECEDENCE + 2000)
public class RateLimitFilter {

  private final RateLimits limits;
  private final ClientAddresses addresses;
  private final SessionUsers users;

  public RateLimitFilter(RateLimits limits, ClientAddresses addresses, SessionUsers users) {
    this.limits = limits;
    this.addresses = addresses;
    this.users = users;
  }

  /**
   * Takes the route's permits, or throws a 429 {@code ProblemException}, which the exception
   * handler answers as problem+json.
   */
  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  public void limit(HttpRequest<?> request) {
    Optional<RateLimit> limit =
        RouteAttributes.getRouteInfo(request)
            .flatMap(
                route ->
                    route.getAnnotationMetadata().enumValue(RateLimited.class, RateLimit.class));
    if (limit.isEmpty()) {
      return;
    }
    limits.acquire(
        limit.get(),
        addresses.of(request),
        users.userOf(request.getHeaders().get("Authorization")));
  }
}
