package org.carelens.gateway.limits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a controller method under a rate limit. {@link RateLimitFilter} takes one permit from the
 * client address's limiter and, when the request carries a live session, one from its user's,
 * before the method runs; the endpoint itself does nothing more. An endpoint whose user is only
 * known after it has done some work (the session exchange verifies the launch token first) takes
 * the per-user permit itself, through {@link RateLimits#acquireForUser}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {
  RateLimit value();
}
