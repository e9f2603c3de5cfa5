package org.carelens.gateway.audit;

import java.util.Optional;

/**
 * The result of checking the whole chain.
 *
 * @param entries how many entries were read
 * @param firstBrokenSequence the lowest sequence number at which the stored trail differs from an
 *     intact chain (an edited, missing, moved or inserted entry); empty when valid
 */
public record ChainVerification(boolean valid, long entries, Optional<Long> firstBrokenSequence) {

  public ChainVerification {
    if (valid == firstBrokenSequence.isPresent()) {
      throw new IllegalArgumentException(
          "a chain is valid exactly when it has no broken sequence, was valid="
              + valid
              + " firstBrokenSequence="
              + firstBrokenSequence);
    }
  }

  static ChainVerification intact(long entries) {
    return new ChainVerification(true, entries, Optional.empty());
  }

  static ChainVerification brokenAt(long entries, long sequence) {
    return new ChainVerification(false, entries, Optional.of(sequence));
  }
}
