package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/** The launched user as the gateway verified them. */
@Serdeable
public record SessionUser(String id, String name, String role, Organisation organisation) {

  public SessionUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(organisation, "organisation");
  }
}
