package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One break-glass declaration on the IG officer's review queue ({@code GET
 * /api/v1/audit/break-glass}), with its acknowledgement once reviewed.
 *
 * @param sequence the audit entry of the declaration; acknowledging names it
 * @param status {@code open} or {@code acknowledged}
 * @param reason the agreement's break-glass reason code
 * @param detail the user's own words
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
    @Nullable ReviewAcknowledgement acknowledgement)
    implements ReviewItem {

  public BreakGlassReviewItem {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(status, "status");
  }
}
