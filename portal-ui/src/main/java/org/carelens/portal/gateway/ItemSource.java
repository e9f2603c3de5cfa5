package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Provenance of a merged item: which source recorded it, under which identifier. */
@Serdeable
public record ItemSource(String id, String name, @Nullable String itemId) {

  public ItemSource {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
