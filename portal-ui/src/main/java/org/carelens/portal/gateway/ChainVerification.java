package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's check of the audit hash chain ({@code GET /api/v1/audit/verify}).
 *
 * @param entries how many entries were checked
 * @param firstBrokenSequence the first entry whose hash does not follow from its predecessor
 */
@Serdeable
public record ChainVerification(boolean valid, long entries, @Nullable Long firstBrokenSequence) {

  public Optional<Long> firstBrokenSequenceIfAny() {
    return Optional.ofNullable(firstBrokenSequence);
  }
}
