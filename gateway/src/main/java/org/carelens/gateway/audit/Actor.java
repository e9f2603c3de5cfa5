package org.carelens.gateway.audit;

import java.util.Objects;
import org.carelens.gateway.launch.LaunchContext;

/**
 * Who acted, as the verified launch token said: GP Connect's user id, name, role and organisation.
 */
public record Actor(String userId, String userName, String role, String organisationOds) {

  public Actor {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(organisationOds, "organisationOds");
  }

  public static Actor of(LaunchContext launch) {
    return new Actor(
        launch.userId(), launch.userName(), launch.role().code(), launch.organisationOds());
  }
}
