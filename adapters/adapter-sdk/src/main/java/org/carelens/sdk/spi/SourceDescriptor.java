package org.carelens.sdk.spi;

import java.util.Objects;
import java.util.Set;
import org.carelens.sdk.model.Section;

/**
 * Describes a configured source.
 *
 * @param id stable identifier used in the API, audit and configuration, e.g. {@code gp}
 * @param name what users read, e.g. "GP practice (GP Connect)"
 * @param organisationOds the ODS code of the organisation that owns the data, where fixed
 * @param sections the sections this source can provide
 */
public record SourceDescriptor(
    String id, String name, String organisationOds, Set<Section> sections) {

  public SourceDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(organisationOds, "organisationOds");
    if (!id.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "source id must be lower-case letters, digits and hyphens, was '" + id + "'");
    }
    sections = Set.copyOf(sections);
  }
}
