package org.carelens.adapters.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete HTTP answer, body read whole (within the client's size limit).
 *
 * @param uri where the request went
 */
public record HttpReply(URI uri, int status, HttpHeaders headers, byte[] body) {

  public HttpReply {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  public boolean ok() {
    return status == 200;
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /**
   * How long the source asks to be left alone, from {@code Retry-After} (RFC 9110 §10.2.3:
   * delay-seconds or an HTTP-date); empty when absent or unreadable.
   */
  public Optional<Duration> retryAfter(Clock clock) {
    Optional<String> value = header("Retry-After").map(String::strip);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get().matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value.get())));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
