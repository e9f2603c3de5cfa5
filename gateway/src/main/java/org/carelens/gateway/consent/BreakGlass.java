package org.carelens.gateway.consent;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A break-glass declaration: one user's emergency access to one patient, with a reason from the
 * agreement's list and the user's own words, from {@code startedAt} until {@code expiresAt}.
 */
@Serdeable
public record BreakGlass(
    String id,
    String userId,
    String userName,
    String role,
    String organisation,
    String nhsNumber,
    String reason,
    String detail,
    String agreement,
    Instant startedAt,
    Instant expiresAt) {}
