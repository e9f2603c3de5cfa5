package org.carelens.gateway.launch;

import java.time.Instant;
import org.carelens.policy.Role;
import org.carelens.sdk.model.NhsNumber;

/**
 * Who launched Carelens, in which role and organisation, for which patient: everything a verified
 * launch token says that the gateway acts on.
 */
public record LaunchContext(
    String issuer,
    String jti,
    String userId,
    String userName,
    Role role,
    String organisationOds,
    String organisationName,
    String organisationType,
    String device,
    String reasonForRequest,
    NhsNumber nhsNumber,
    Instant expiresAt) {}
