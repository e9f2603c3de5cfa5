package org.carelens.gateway.audit;

import io.micronaut.http.context.ServerRequestContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The correlation id of the current request: the caller's {@code X-Correlation-ID} when it is a
 * safe token, else one the gateway made up. It ties an audit entry to the response the client got
 * and to the logs.
 */
public final class CorrelationIds {

  public static final String HEADER = "X-Correlation-ID";
  static final String ATTRIBUTE = "carelens.correlation-id";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  private CorrelationIds() {}

  /** The current request's id, or a fresh one outside a request. */
  public static String current() {
    return ServerRequestContext.currentRequest()
        .flatMap(r -> r.getAttribute(ATTRIBUTE, String.class))
        .orElseGet(() -> UUID.randomUUID().toString());
  }

  static String accept(@Nullable String offered) {
    return offered != null && SAFE.matcher(offered).matches()
        ? offered
        : UUID.randomUUID().toString();
  }
}
