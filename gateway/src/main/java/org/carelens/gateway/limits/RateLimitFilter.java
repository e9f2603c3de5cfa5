package org.carelens.gateway.limits;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import java.util.Optional;

/**
 * Applies the rate limit a controller method declares with {@link RateLimited}: one permit from the
 * client address and, when the request carries a live session, one from its user, before the method
 * runs. A request over either limit is answered {@code 429 RATE_LIMITED} with {@code Retry-After},
 * and nothing else is done for it: no token verification, no database, no audit.
 *
 * <p>Runs on the event loop: the limiters and the session lookup are in memory and never wait.
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
  public void limit(HttpRequest<?> request) {
    Optional<RateLimit> limit =
        RouteAttributes.getRouteInfo(request)
            .flatMap(
                route ->
                    route.getAnnotationMetadata().enumValue(RateLimited.class, RateLimit.class));
    if (limit.isEmpty()) {
      return;
    }
    limits.acquireForAddress(limit.get(), addresses.of(request));
    users
        .userOf(request.getHeaders().get("Authorization"))
        .ifPresent(user -> limits.acquireForUser(limit.get(), user));
  }
}
