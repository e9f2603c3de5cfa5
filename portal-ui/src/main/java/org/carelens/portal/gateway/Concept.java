package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A coded concept (SNOMED CT, dm+d, ...) with the display text clinicians read. */
@Serdeable
public record Concept(@Nullable String system, @Nullable String code, String display) {

  public Concept {
    Objects.requireNonNull(display, "display");
  }
}
