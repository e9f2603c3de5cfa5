package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/** A data-quality or completeness warning, such as sources disagreeing on a date of birth. */
@Serdeable
public record Warning(String code, String message) {

  public Warning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
