package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who reviewed an entry on an IG review queue, when, and what they noted (the gateway's {@code
 * acknowledgement} object on either queue).
 *
 * @param sequence the acknowledgement's own audit entry
 */
@Serdeable
public record ReviewAcknowledgement(
    long sequence,
    Instant time,
    @Nullable String userId,
    @Nullable String userName,
    @Nullable String note) {

  public ReviewAcknowledgement {
    Objects.requireNonNull(time, "time");
  }
}
