package org.carelens.gateway.problem;

import io.micronaut.http.HttpStatus;

/**
 * An error the client should see as a problem document. {@code code} is stable and documented;
 * {@code detail} says exactly what was wrong and never contains data the caller may not see.
 */
public final class ProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final String title;

  public ProblemException(HttpStatus status, String code, String title, String detail) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public static ProblemException unauthorized(String code, String detail) {
    return new ProblemException(HttpStatus.UNAUTHORIZED, code, "Unauthorized", detail);
  }

  public static ProblemException badRequest(String code, String detail) {
    return new ProblemException(HttpStatus.BAD_REQUEST, code, "Bad request", detail);
  }

  public static ProblemException forbidden(String code, String detail) {
    return new ProblemException(HttpStatus.FORBIDDEN, code, "Forbidden", detail);
  }
}
