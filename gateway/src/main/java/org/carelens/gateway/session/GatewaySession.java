package org.carelens.gateway.session;

import java.time.Instant;
import org.carelens.gateway.launch.LaunchContext;

/**
 * A gateway session: the launch it came from (user, role, organisation, patient) and when it ends.
 * The access token is not part of it, so a session can be logged without leaking the token.
 */
public record GatewaySession(LaunchContext launch, Instant createdAt, Instant expiresAt) {}
