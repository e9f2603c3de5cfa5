package org.carelens.sdk.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An allergy or adverse reaction.
 *
 * @param concept the substance or allergy concept (SNOMED CT)
 * @param status active, or resolved / inactive (ended allergies GP Connect lists separately)
 * @param reactions manifestations as displayed by the source, e.g. "Urticaria"
 * @param severity the source's severity text where given ("mild", "moderate", "severe")
 */
public record AllergyItem(
    Provenance provenance,
    CodedConcept concept,
    Status status,
    Optional<LocalDate> onsetDate,
    Optional<LocalDate> recordedDate,
    List<String> reactions,
    Optional<String> severity,
    Set<Sensitivity> sensitivity)
    implements ClinicalItem {

  /** Whether the allergy is current. */
  public enum Status {
    ACTIVE,
    RESOLVED
  }

  public AllergyItem {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(onsetDate, "onsetDate");
    Objects.requireNonNull(recordedDate, "recordedDate");
    Objects.requireNonNull(severity, "severity");
    reactions = List.copyOf(reactions);
    sensitivity = Set.copyOf(sensitivity);
  }

  @Override
  public Section section() {
    return Section.ALLERGIES;
  }
}
