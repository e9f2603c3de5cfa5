package org.carelens.sdk.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A problem or diagnosis on the problem list. */
public record ProblemItem(
    Provenance provenance,
    CodedConcept concept,
    Status status,
    Significance significance,
    Optional<LocalDate> onsetDate,
    Optional<LocalDate> endDate,
    Optional<LocalDate> recordedDate,
    Set<Sensitivity> sensitivity)
    implements ClinicalItem {

  /** Where the problem stands. */
  public enum Status {
    ACTIVE,
    INACTIVE,
    RESOLVED
  }

  /** GP Connect problem significance. */
  public enum Significance {
    MAJOR,
    MINOR,
    UNSPECIFIED
  }

  public ProblemItem {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(significance, "significance");
    Objects.requireNonNull(onsetDate, "onsetDate");
    Objects.requireNonNull(endDate, "endDate");
    Objects.requireNonNull(recordedDate, "recordedDate");
    sensitivity = Set.copyOf(sensitivity);
  }

  @Override
  public Section section() {
    return Section.PROBLEMS;
  }
}
