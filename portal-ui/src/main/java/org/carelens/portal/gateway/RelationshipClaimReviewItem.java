package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One self-claimed relationship on the IG officer's review queue ({@code GET
 * /api/v1/audit/relationship-claims}), with its acknowledgement once reviewed.
 *
 * @param sequence the audit entry of the claim; acknowledging names it
 * @param status {@code open} or {@code acknowledged}
 * @param patient the patient claimed
 * @param reasonCode the agreement's coded reason ({@code null} for claims made before reasons were
 *     coded)
 * @param reasonText the coded reason in the agreement's words when the claim was made ({@code null}
 *     for older claims, whose words come from {@link ClaimOptions#reasons()})
 * @param reason the user's own words
 * @param launchedPatient the patient the claiming session was launched for
 */
@Serdeable
public record RelationshipClaimReviewItem(
    long sequence,
    Instant time,
    String status,
    @Nullable String userId,
    @Nullable String userName,
    @Nullable String role,
    @Nullable String organisation,
    @Nullable String patient,
    @Nullable String reasonCode,
    @Nullable String reasonText,
    @Nullable String reason,
    @Nullable String launchedPatient,
    @Nullable ReviewAcknowledgement acknowledgement)
    implements ReviewItem {

  public RelationshipClaimReviewItem {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(status, "status");
  }
}
