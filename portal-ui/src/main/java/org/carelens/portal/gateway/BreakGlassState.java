package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Whether this viewer's break-glass access to the patient is active, and until when. */
@Serdeable
public record BreakGlassState(boolean active, @Nullable Instant until) {

  public static final BreakGlassState INACTIVE = new BreakGlassState(false, null);

  public Optional<Instant> untilIfKnown() {
    return Optional.ofNullable(until);
  }
}
