package org.carelens.policy.consent;

import java.util.Objects;
import org.carelens.policy.Role;

/**
 * Who is viewing.
 *
 * @param organisationType the viewer organisation's type as agreements name it, e.g. {@code
 *     out-of-hours}, {@code acute-trust}, {@code local-authority}
 */
public record Viewer(
    String userId,
    Role role,
    String organisationOds,
    String organisationType,
    Relationship relationship) {

  public Viewer {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(organisationOds, "organisationOds");
    Objects.requireNonNull(organisationType, "organisationType");
    Objects.requireNonNull(relationship, "relationship");
  }
}
