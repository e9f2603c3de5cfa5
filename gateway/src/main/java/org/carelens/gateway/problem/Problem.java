package org.carelens.gateway.problem;

import io.micronaut.serde.annotation.Serdeable;

/** An RFC 9457 problem document with a Carelens stable {@code code}. */
@Serdeable
public record Problem(String type, String title, int status, String detail, String code) {

  public static final String MEDIA_TYPE = "application/problem+json";

  static Problem of(ProblemException e) {
    return new Problem(
        "https://carelens.org/problems/" + e.code().toLowerCase().replace('_', '-'),
        e.title(),
        e.status().getCode(),
        e.detail(),
        e.code());
  }
}
