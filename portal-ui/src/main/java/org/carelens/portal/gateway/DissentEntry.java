package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the central dissent register ({@code GET /api/v1/dissent}).
 *
 * @param sourceId the source the patient dissented from; null for the whole record
 * @param revocation who lifted the dissent, when and why; null while it is in force
 */
@Serdeable
public record DissentEntry(
    String id,
    String nhsNumber,
    @Nullable String sourceId,
    String reason,
    @Nullable String recordedBy,
    @Nullable String recordedByName,
    @Nullable String recordedByOrganisation,
    Instant recordedAt,
    @Nullable Revocation revocation) {

  public DissentEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(nhsNumber, "nhsNumber");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }

  /** Whether the dissent is in force. */
  public boolean active() {
    return revocation == null;
  }

  public Optional<Revocation> revocationIfAny() {
    return Optional.ofNullable(revocation);
  }

  /** Who lifted a dissent, when and why. */
  @Serdeable
  public record Revocation(
      String reason,
      @Nullable String revokedBy,
      @Nullable String revokedByName,
      @Nullable String revokedByOrganisation,
      Instant revokedAt) {}
}
