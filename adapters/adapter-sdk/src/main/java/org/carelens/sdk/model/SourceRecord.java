package org.carelens.sdk.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one source returned for one patient, in the canonical model. A section missing from
 * {@link #sections()} was not asked for or is not offered by the source; a section present with no
 * items was answered and is empty.
 */
public record SourceRecord(
    Optional<PatientIdentity> patient, Map<Section, SectionContent<?>> sections) {

  public SourceRecord {
    Objects.requireNonNull(patient, "patient");
    EnumMap<Section, SectionContent<?>> copy = new EnumMap<>(Section.class);
    sections.forEach(
        (section, content) -> {
          if (content.section() != section) {
            throw new IllegalArgumentException(
                "section %s was keyed as %s".formatted(content.section(), section));
          }
          copy.put(section, content);
        });
    sections = java.util.Collections.unmodifiableMap(copy);
  }

  public Optional<SectionContent<?>> section(Section section) {
    return Optional.ofNullable(sections.get(section));
  }
}
