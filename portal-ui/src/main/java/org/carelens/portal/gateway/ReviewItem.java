package org.carelens.portal.gateway;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An audit entry on one of the IG officer's review queues: who did what, for which patient, and the
 * review once an officer acknowledged it. The gateway builds every queue from the audit trail the
 * same way; what each kind adds (a break-glass's expiry, a claim's coded reason) is on its own
 * record.
 */
public sealed interface ReviewItem permits BreakGlassReviewItem, RelationshipClaimReviewItem {

  /** The audit entry on the queue; acknowledging names it. */
  long sequence();

  Instant time();

  /** {@code open} or {@code acknowledged}. */
  String status();

  @Nullable String userId();

  @Nullable String userName();

  @Nullable String role();

  @Nullable String organisation();

  /** The patient's NHS number, ten digits. */
  @Nullable String patient();

  @Nullable ReviewAcknowledgement acknowledgement();

  /** The review, once an IG officer acknowledged this entry. */
  default Optional<ReviewAcknowledgement> acknowledgementIfAny() {
    return Optional.ofNullable(acknowledgement());
  }
}
