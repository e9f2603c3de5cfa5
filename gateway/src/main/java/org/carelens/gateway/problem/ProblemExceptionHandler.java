package org.carelens.gateway.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Renders {@link ProblemException} as {@code application/problem+json}. */
@Produces(Problem.MEDIA_TYPE)
@Singleton
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
public class ProblemExceptionHandler
    implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
    MutableHttpResponse<Problem> response =
        HttpResponse.<Problem>status(exception.status())
            .contentType(Problem.MEDIA_TYPE)
            .header("Cache-Control", "no-store")
            .body(Problem.of(exception));
    if (exception.status().getCode() == 401) {
      response.header("WWW-Authenticate", "Bearer");
    }
    exception
        .retryAfter()
        .ifPresent(wait -> response.header("Retry-After", Long.toString(retryAfterSeconds(wait))));
    return response;
  }

  /**
   * RFC 9110 section 10.2.3: delay-seconds, a whole number; rounded up so a retry is never early.
   */
  static long retryAfterSeconds(Duration wait) {
    long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
