package org.carelens.gateway.audit;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.carelens.gateway.problem.Problem;

/**
 * Fails the request closed when its audit entry could not be committed: a 503 problem and nothing
 * else, whatever data had already been gathered.
 */
@Produces(Problem.MEDIA_TYPE)
@Singleton
public class AuditUnavailableHandler
    implements ExceptionHandler<AuditUnavailableException, HttpResponse<Problem>> {

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, AuditUnavailableException exception) {
    return HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(Problem.MEDIA_TYPE)
        .header("Cache-Control", "no-store")
        .body(
            new Problem(
                "https://carelens.org/problems/audit-unavailable",
                "Service unavailable",
                503,
                "The access could not be audited, so nothing is shown; try again shortly",
                "AUDIT_UNAVAILABLE"));
  }
}
