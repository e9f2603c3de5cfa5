package org.carelens.gateway.cluster;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.carelens.gateway.problem.Problem;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Counts the views (record, stream, document content) in flight for {@link Draining}, and refuses
 * new ones while the replica drains: 503 problem {@code DRAINING} with {@code Retry-After: 1} and
 * {@code Connection: close}, before anything is fetched or audited, so a load balancer that retries
 * on 503 sends the view to another replica. Runs on the event loop; it only counts.
 */
@Filter({
  "/api/v1/patients/*/record",
  "/api/v1/patients/*/record/**",
  "/api/v1/patients/*/documents/**"
})
public class ViewAdmissionFilter implements HttpServerFilter {

  private final Draining draining;

  public ViewAdmissionFilter(Draining draining) {
    this.draining = draining;
  }

  @Override
  public int getOrder() {
    // Before the rate limits and everything that does work for the request.
    return ServerFilterPhase.FIRST.order();
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    if (!draining.admit()) {
      return Publishers.just(
          io.micronaut.http.HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE)
              .contentType(Problem.MEDIA_TYPE)
              .header("Retry-After", "1")
              .header("Connection", "close")
              .body(
                  new Problem(
                      "https://carelens.org/problems/draining",
                      "Service unavailable",
                      503,
                      "This gateway replica is shutting down; try again (another replica will"
                          + " answer)",
                      "DRAINING")));
    }
    return Flux.from(chain.proceed(request)).doFinally(signal -> draining.finished());
  }
}
