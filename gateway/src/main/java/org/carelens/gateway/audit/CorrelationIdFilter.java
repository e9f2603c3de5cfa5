package org.carelens.gateway.audit;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Gives every API request a correlation id and echoes it on the response. Runs before every other
 * filter, so that a response one of them gives (a 429 from the rate limits) carries the id too.
 */
@ServerFilter("/api/**")
@Order(Ordered.HIGHEST_PRECEDENCE + 1000)
public class CorrelationIdFilter {

  @RequestFilter
  public void assign(HttpRequest<?> request) {
    request.setAttribute(
        CorrelationIds.ATTRIBUTE,
        CorrelationIds.accept(request.getHeaders().get(CorrelationIds.HEADER)));
  }

  @ResponseFilter
  public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
    request
        .getAttribute(CorrelationIds.ATTRIBUTE, String.class)
        .ifPresent(id -> response.header(CorrelationIds.HEADER, id));
  }
}
