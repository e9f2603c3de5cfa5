package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One break-glass declaration on the IG officer's review queue ({@code GET
 * /api/v1/audit/break-glass}), with its acknowledgement once reviewed.
 *
 * @param sequence the audit entry of the declaration; acknowledging names it
 * @param status {@code open} or {@code acknowledged}
 * @param expiresAt when the access lapsed or lapses, as the gateway recorded it (ISO-8601)
 */
@Serdeable
public record BreakGlassReviewItem(
    long sequence,
    Instant time,
    String status,
    @Nullable String userId,
    @Nullable String userName,
    @Nullable String role,
    @Nullable String organisation,
    @Nullable String patient,
    @Nullable String reason,
    @Nullable String detail,
    @Nullable String expiresAt,
    @Nullable Acknowledgement acknowledgement) {

  public BreakGlassReviewItem {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(status, "status");
  }

  /** The review, once an IG officer acknowledged this break-glass. */
  public Optional<Acknowledgement> acknowledgementIfAny() {
    return Optional.ofNullable(acknowledgement);
  }

  /** Who reviewed a break-glass, when, and what they noted; {@code sequence} is its own entry. */
  @Serdeable
  public record Acknowledgement(
      long sequence,
      Instant time,
      @Nullable String userId,
      @Nullable String userName,
      @Nullable String note) {

    public Acknowledgement {
      Objects.requireNonNull(time, "time");
    }
  }
}
