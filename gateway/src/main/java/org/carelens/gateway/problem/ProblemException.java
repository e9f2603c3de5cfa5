package org.carelens.gateway.problem;

import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An error the client should see as a problem document. {@code code} is stable and documented;
 * {@code detail} says exactly what was wrong and never contains data the caller may not see.
 */
public final class ProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final String title;
  private final @Nullable Duration retryAfter;

  public ProblemException(HttpStatus status, String code, String title, String detail) {
    this(status, code, title, detail, null);
  }

  private ProblemException(
      HttpStatus status, String code, String title, String detail, @Nullable Duration retryAfter) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
    this.retryAfter = retryAfter;
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

  /** How long the client should wait before trying again, sent as {@code Retry-After}. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
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

  /**
   * 429: the caller went over a rate limit. {@code retryAfter} is rounded up to whole seconds for
   * the {@code Retry-After} header (at least one).
   */
  public static ProblemException tooManyRequests(String code, String detail, Duration retryAfter) {
    return new ProblemException(
        HttpStatus.TOO_MANY_REQUESTS, code, "Too many requests", detail, retryAfter);
  }
}
