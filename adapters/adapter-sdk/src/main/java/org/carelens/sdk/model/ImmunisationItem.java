package org.carelens.sdk.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A vaccination given, or recorded as not given. */
public record ImmunisationItem(
    Provenance provenance,
    CodedConcept concept,
    Status status,
    Optional<LocalDate> date,
    Optional<String> doseSequence,
    Set<Sensitivity> sensitivity)
    implements ClinicalItem {

  /** Whether the vaccination was given. */
  public enum Status {
    COMPLETED,
    NOT_DONE
  }

  public ImmunisationItem {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(doseSequence, "doseSequence");
    sensitivity = Set.copyOf(sensitivity);
  }

  @Override
  public Section section() {
    return Section.IMMUNISATIONS;
  }
}
