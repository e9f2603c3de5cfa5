package org.carelens.sdk.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A contact with a service: A&amp;E attendance, admission, outpatient appointment, GP consultation,
 * out-of-hours contact.
 *
 * <p><b>Dates and times.</b> {@code start} and {@code end} are the days the source recorded. {@code
 * startTime} and {@code endTime} are present only when the source recorded a time of day too (a
 * FHIR {@code dateTime} with a time part and its UTC offset, e.g. an admission at {@code
 * 2024-03-12T23:50:00+00:00}); a value the source recorded to the day gives a date and no time.
 * Carelens never invents a time: {@code 00:00} would read as midnight. A time keeps the offset the
 * source wrote, so it names the same local day as the date: when a time is present its date is
 * present and equal to the time's local date. Clients show the instant in their viewer's time zone.
 *
 * @param concept the encounter type as coded by the source
 * @param start the day the contact started, as the source recorded it
 * @param end the day it ended; empty while it is ongoing or when the source records none
 * @param startTime the start with its time of day and offset; empty when the source recorded only a
 *     date (or no start)
 * @param endTime the end with its time of day and offset; empty when the source recorded only a
 *     date (or no end)
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
    Optional<OffsetDateTime> startTime,
    Optional<OffsetDateTime> endTime,
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

  /**
   * @throws IllegalArgumentException when a time is given without its date, or on another day
   */
  public EncounterItem {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(endTime, "endTime");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(clinician, "clinician");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(dischargeDetails, "dischargeDetails");
    Times.requireSameDay("start", start, startTime);
    Times.requireSameDay("end", end, endTime);
    sensitivity = Set.copyOf(sensitivity);
  }

  /** An encounter whose source records dates only: no start or end time. */
  public EncounterItem(
      Provenance provenance,
      CodedConcept concept,
      Kind kind,
      Optional<LocalDate> start,
      Optional<LocalDate> end,
      Optional<String> location,
      Optional<String> clinician,
      Optional<String> summary,
      Optional<String> dischargeDetails,
      Set<Sensitivity> sensitivity) {
    this(
        provenance,
        concept,
        kind,
        start,
        end,
        Optional.empty(),
        Optional.empty(),
        location,
        clinician,
        summary,
        dischargeDetails,
        sensitivity);
  }

  @Override
  public Section section() {
    return Section.ENCOUNTERS;
  }
}
