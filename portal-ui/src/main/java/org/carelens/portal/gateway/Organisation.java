package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The user's organisation.
 *
 * @param ods the ODS code
 * @param type e.g. {@code out-of-hours}; null when the launching system did not say
 */
@Serdeable
public record Organisation(String ods, String name, @Nullable String type) {

  public Organisation {
    Objects.requireNonNull(ods, "ods");
    Objects.requireNonNull(name, "name");
  }
}
