package org.carelens.sdk.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A vaccination given, or recorded as not given, or a record about immunisation (consent). */
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
    NOT_DONE,
    /**
     * A coded record about immunisation that is neither a dose given nor one not given: consent,
     * dissent or an invitation (GP Connect 1.6 lists these with the immunisations, as Observations,
     * and requires them kept distinct from vaccinations given).
     */
    STATUS_RECORD
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
