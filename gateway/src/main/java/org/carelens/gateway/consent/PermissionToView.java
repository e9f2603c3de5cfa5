package org.carelens.gateway.consent;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Permission to view given by the patient at the point of care (explicit share-in, the Bradford
 * model): recorded by a user of {@code organisation}, until {@code until}.
 *
 * @param scope whom it lets see under the agreement in force: {@code user} (only {@code
 *     recordedBy}, the default) or {@code organisation}; {@code null} where not yet decided (the
 *     register does not know the agreement; the API response always says)
 */
@Serdeable
public record PermissionToView(
    String id,
    String nhsNumber,
    String organisation,
    String recordedBy,
    String recordedByName,
    String recordedByRole,
    Instant recordedAt,
    Instant until,
    @Nullable String scope) {

  /** This permission, saying whom it lets see. */
  public PermissionToView withScope(String scope) {
    return new PermissionToView(
        id,
        nhsNumber,
        organisation,
        recordedBy,
        recordedByName,
        recordedByRole,
        recordedAt,
        until,
        scope);
  }
}
