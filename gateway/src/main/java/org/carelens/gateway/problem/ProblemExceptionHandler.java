package org.carelens.gateway.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Renders {@link ProblemException} as {@code application/problem+json}. */
@Produces(Problem.MEDIA_TYPE)
@Singleton
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
public class ProblemExceptionHandler
    implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
    HttpResponse<Problem> response =
        HttpResponse.<Problem>status(exception.status())
            .contentType(Problem.MEDIA_TYPE)
            .header("Cache-Control", "no-store")
            .body(Problem.of(exception));
    if (exception.retryAfter().isPresent()) {
      // RFC 9110 section 10.2.3: delay-seconds, rounded up so a client never retries too early.
      java.time.Duration wait = exception.retryAfter().get();
      long seconds = wait.toSeconds() + (wait.getNano() > 0 ? 1 : 0);
      ((io.micronaut.http.MutableHttpResponse<Problem>) response)
          .header("Retry-After", Long.toString(seconds));
    }
    if (exception.status().getCode() == 401) {
      return ((io.micronaut.http.MutableHttpResponse<Problem>) response)
          .header("WWW-Authenticate", "Bearer");
    }
    return response;
  }
}
