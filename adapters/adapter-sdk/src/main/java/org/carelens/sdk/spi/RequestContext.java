package org.carelens.sdk.spi;

import java.util.Objects;

/**
 * Who is asking and why, as a source needs to know it for its own audit (GP Connect requires the
 * requesting practitioner, organisation and device on every request).
 *
 * @param correlationId ties this source call to the gateway's audit entry for the view
 * @param userId the requesting practitioner's identifier (e.g. SDS user id)
 * @param userName the practitioner's display name
 * @param role the practitioner's role code as given by the launching system
 * @param organisationOds the requesting organisation's ODS code
 * @param organisationName the requesting organisation's name
 */
public record RequestContext(
    String correlationId,
    String userId,
    String userName,
    String role,
    String organisationOds,
    String organisationName) {

  public RequestContext {
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(organisationOds, "organisationOds");
    Objects.requireNonNull(organisationName, "organisationName");
  }
}
