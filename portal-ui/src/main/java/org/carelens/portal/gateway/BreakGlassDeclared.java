package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;

/** A break-glass the gateway recorded ({@code POST /api/v1/patients/{nhsNumber}/break-glass}). */
@Serdeable
public record BreakGlassDeclared(
    String id,
    boolean active,
    String reason,
    Instant startedAt,
    Instant expiresAt,
    boolean overridesDissent) {

  public BreakGlassDeclared {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
