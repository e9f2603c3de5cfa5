package org.carelens.gateway.consent;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A permission to view that was revoked: the permission as recorded, and who lifted it, when and
 * why. The register keeps both.
 */
@Serdeable
public record RevokedPermission(
    PermissionToView permission,
    String reason,
    String revokedBy,
    String revokedByName,
    String revokedByOrganisation,
    Instant revokedAt) {

  /** A permission read from the register, and whether it has been revoked. */
  public record Found(PermissionToView permission, boolean revoked) {}
}
