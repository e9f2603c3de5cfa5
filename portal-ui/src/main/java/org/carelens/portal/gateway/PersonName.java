package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A patient's name: family name, given names in order, and an optional title such as Mrs. */
@Serdeable
public record PersonName(String family, @Nullable List<String> given, @Nullable String title) {

  public PersonName {
    Objects.requireNonNull(family, "family");
    given = given == null ? List.of() : List.copyOf(given);
  }

  @Override
  public List<String> given() {
    return Objects.requireNonNull(given);
  }

  public Optional<String> titleIfKnown() {
    return Optional.ofNullable(title).filter(t -> !t.isBlank());
  }
}
