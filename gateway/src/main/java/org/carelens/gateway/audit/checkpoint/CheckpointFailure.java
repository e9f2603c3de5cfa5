package org.carelens.gateway.audit.checkpoint;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The checkpoint that did not hold.
 *
 * @param position its place among the sink's readable records, from 1
 * @param sequence the entry it names (for a refused signature, as claimed)
 * @param signedAt when it was signed (for a refused signature, as claimed)
 */
public record CheckpointFailure(
    int position,
    Optional<Long> sequence,
    Optional<Instant> signedAt,
    Reason reason,
    String message) {

  public enum Reason {
    /** Not signed by the configured key (forged, another key, altered, or not a checkpoint). */
    SIGNATURE_INVALID,
    /** The entry it names has another hash now: the trail was rewritten up to there. */
    HASH_MISMATCH,
    /** The entry it names is no longer in the trail: the trail was cut short. */
    ENTRY_MISSING
  }

  public CheckpointFailure {
    if (position < 1) {
      throw new IllegalArgumentException("position must be 1 or more, was " + position);
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
