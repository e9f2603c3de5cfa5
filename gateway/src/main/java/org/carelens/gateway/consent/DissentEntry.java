package org.carelens.gateway.consent;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the dissent register, with its revocation if it has been lifted.
 *
 * @param sourceId the source the patient dissented from; null for the whole record
 * @param revocation null while the dissent is in force
 */
@Serdeable
public record DissentEntry(
    String id,
    String nhsNumber,
    @Nullable String sourceId,
    String reason,
    String recordedBy,
    String recordedByName,
    String recordedByOrganisation,
    Instant recordedAt,
    @Nullable Revocation revocation) {

  public DissentEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(nhsNumber, "nhsNumber");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }

  /** Whether the dissent is in force (not revoked). */
  public boolean active() {
    return revocation == null;
  }

  /** Who lifted a dissent, when and why. */
  @Serdeable
  public record Revocation(
      String reason,
      String revokedBy,
      String revokedByName,
      String revokedByOrganisation,
      Instant revokedAt) {}
}
