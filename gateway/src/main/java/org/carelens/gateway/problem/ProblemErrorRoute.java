package org.carelens.gateway.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Routes every {@link ProblemException} to {@link ProblemExceptionHandler} as a global error route.
 *
 * <p>Why a route and not only the handler bean: for an exception no error route takes, Micronaut
 * looks up the exception handler with a qualifier its bean-definition cache cannot key on, so every
 * refusal searched all handler definitions again and pushed a useful entry out of that 30-entry
 * cache. Refusals are a large share of the gateway's answers (in the consent sequences, 4 actions
 * in 10), and that search was 4 % of the gateway's CPU. An error route is found by a scan of a
 * short list. The handler bean stays, for anything that reaches Micronaut's exception handling
 * another way; both render the same problem document.
 */
@Controller
@Hidden
public class ProblemErrorRoute {

  private final ProblemExceptionHandler handler;

  public ProblemErrorRoute(ProblemExceptionHandler handler) {
    this.handler = handler;
  }

  /** Any accepted type: the handler sets {@code application/problem+json} itself. */
  @Error(global = true, exception = ProblemException.class)
  @Produces(MediaType.ALL)
  public HttpResponse<Problem> problem(HttpRequest<?> request, ProblemException exception) {
    return handler.handle(request, exception);
  }
}
