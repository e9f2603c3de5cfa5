package org.carelens.sdk.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A contact with a service: A&amp;E attendance, admission, outpatient appointment, GP consultation,
 * out-of-hours contact.
 *
 * @param concept the encounter type as coded by the source
 * @param summary what happened, as the source summarises it (e.g. presenting complaint, outcome)
 * @param dischargeDetails for admissions and attendances: discharge diagnosis, destination and
 *     follow-up as the source records them
 */
public record EncounterItem(
    Provenance provenance,
    CodedConcept concept,
    Kind kind,
    Optional<LocalDate> start,
    Optional<LocalDate> end,
    Optional<String> location,
    Optional<String> clinician,
    Optional<String> summary,
    Optional<String> dischargeDetails,
    Set<Sensitivity> sensitivity)
    implements ClinicalItem {

  /** What sort of contact. */
  public enum Kind {
    EMERGENCY_ATTENDANCE,
    ADMISSION,
    OUTPATIENT,
    GP_CONSULTATION,
    OUT_OF_HOURS,
    COMMUNITY,
    OTHER
  }

  public EncounterItem {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(clinician, "clinician");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(dischargeDetails, "dischargeDetails");
    sensitivity = Set.copyOf(sensitivity);
  }

  @Override
  public Section section() {
    return Section.ENCOUNTERS;
  }
}
