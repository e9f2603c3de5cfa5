package org.carelens.sdk.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A person's usual name. */
public record HumanName(String family, List<String> given, Optional<String> title) {

  public HumanName {
    Objects.requireNonNull(family, "family name must not be null");
    given = List.copyOf(given);
    Objects.requireNonNull(title, "use Optional.empty() for no title");
  }
}
