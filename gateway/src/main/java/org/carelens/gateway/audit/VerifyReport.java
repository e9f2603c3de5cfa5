package org.carelens.gateway.audit;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.carelens.gateway.audit.checkpoint.CheckpointFailure;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/audit/verify} and {@link AuditVerifyMain}'s output: a {@link
 * ChainVerification} as JSON, absent values as null. The first three fields are the original
 * contract; the checkpoint fields were added after them.
 */
@Serdeable
public record VerifyReport(
    boolean valid,
    long entries,
    @Nullable Long firstBrokenSequence,
    int checkpoints,
    @Nullable Long anchoredThrough,
    @Nullable FailedCheckpoint failedCheckpoint,
    int unreadableCheckpoints) {

  /**
   * The checkpoint that did not hold.
   *
   * @param position its place among the checkpoint sink's readable records, from 1
   * @param reason {@code SIGNATURE_INVALID}, {@code HASH_MISMATCH} or {@code ENTRY_MISSING}
   */
  @Serdeable
  public record FailedCheckpoint(
      int position,
      @Nullable Long sequence,
      @Nullable Instant signedAt,
      String reason,
      String message) {}

  public static VerifyReport of(ChainVerification result) {
    return new VerifyReport(
        result.valid(),
        result.entries(),
        result.firstBrokenSequence().orElse(null),
        result.checkpoints(),
        result.anchoredThrough().orElse(null),
        result.failedCheckpoint().map(VerifyReport::failed).orElse(null),
        result.unreadableCheckpoints());
  }

  private static FailedCheckpoint failed(CheckpointFailure failure) {
    return new FailedCheckpoint(
        failure.position(),
        failure.sequence().orElse(null),
        failure.signedAt().orElse(null),
        failure.reason().name(),
        failure.message());
  }
}
