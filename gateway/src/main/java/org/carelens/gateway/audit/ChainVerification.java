package org.carelens.gateway.audit;

import java.util.Optional;
import org.carelens.gateway.audit.checkpoint.CheckpointFailure;

/**
 * The result of checking the whole chain, and the chain against the signed checkpoints.
 *
 * @param valid the chain is intact and every checkpoint holds
 * @param entries how many entries were read
 * @param firstBrokenSequence the lowest sequence number from which the stored trail can no longer
 *     be trusted: where it differs from an intact chain (an edited, missing, moved or inserted
 *     entry), or, when a checkpoint's hash no longer matches or its entry is gone, the first entry
 *     after the newest checkpoint below it that still holds (a rewrite with recomputed hashes is
 *     somewhere from there up to the failed checkpoint). Empty when valid, and when the only fault
 *     is a checkpoint whose signature is refused (that says the checkpoints were tampered with, not
 *     where the trail was)
 * @param checkpoints how many checkpoints were found to hold
 * @param anchoredThrough the highest sequence number a holding checkpoint proves (every entry up to
 *     it is as it was when signed); entries after it rest on the chain alone
 * @param failedCheckpoint the checkpoint that did not hold, if any
 * @param unreadableCheckpoints records in the checkpoint sink that could not be read at all (such
 *     as a line torn by a crash); they carry no signature and do not affect {@code valid}
 */
public record ChainVerification(
    boolean valid,
    long entries,
    Optional<Long> firstBrokenSequence,
    int checkpoints,
    Optional<Long> anchoredThrough,
    Optional<CheckpointFailure> failedCheckpoint,
    int unreadableCheckpoints) {

  public ChainVerification {
    if (valid != (firstBrokenSequence.isEmpty() && failedCheckpoint.isEmpty())) {
      throw new IllegalArgumentException(
          "a chain is valid exactly when it has no broken sequence and no failed checkpoint, was"
              + " valid="
              + valid
              + " firstBrokenSequence="
              + firstBrokenSequence
              + " failedCheckpoint="
              + failedCheckpoint);
    }
    if (checkpoints < 0 || unreadableCheckpoints < 0) {
      throw new IllegalArgumentException(
          "checkpoint counts must be 0 or more, were "
              + checkpoints
              + " and "
              + unreadableCheckpoints);
    }
  }

  /** A result of the chain alone, with no checkpoints to check it against. */
  public ChainVerification(boolean valid, long entries, Optional<Long> firstBrokenSequence) {
    this(valid, entries, firstBrokenSequence, 0, Optional.empty(), Optional.empty(), 0);
  }
}
