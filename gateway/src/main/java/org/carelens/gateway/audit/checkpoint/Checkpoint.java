package org.carelens.gateway.audit.checkpoint;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The audit chain head as it was at {@code signedAt}: entry {@code sequence} had hash {@code hash}.
 *
 * @param signedAt to the second (a JWT {@code iat})
 */
public record Checkpoint(long sequence, String hash, Instant signedAt) {

  public Checkpoint {
    if (sequence < 1) {
      throw new IllegalArgumentException("checkpoint sequence must be 1 or more, was " + sequence);
    }
    Objects.requireNonNull(hash, "hash");
    if (hash.length() != 64 || !hash.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalArgumentException(
          "checkpoint hash must be 64 hex digits (SHA-256), was '" + hash + "'");
    }
    Objects.requireNonNull(signedAt, "signedAt");
  }
}
