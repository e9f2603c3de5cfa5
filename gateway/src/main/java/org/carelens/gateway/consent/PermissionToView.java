package org.carelens.gateway.consent;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Permission to view given by the patient at the point of care (explicit share-in, the Bradford
 * model): to {@code organisation}, recorded by a user there, until {@code until}.
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
    Instant until) {}
