package org.carelens.sdk.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A medication as the source holds it: a prescribed course (GP Connect's MedicationStatement with
 * its authorising MedicationRequest) rather than each issue.
 *
 * @param concept the medication (dm+d where the source codes it)
 * @param dosageText dose instructions as written, e.g. "One tablet twice a day"
 * @param quantityText quantity per issue as written, e.g. "56 tablet"
 * @param lastIssued the date of the most recent issue, where the source records issues
 */
public record MedicationItem(
    Provenance provenance,
    CodedConcept concept,
    Status status,
    PrescriptionType prescriptionType,
    Optional<String> dosageText,
    Optional<String> quantityText,
    Optional<LocalDate> startDate,
    Optional<LocalDate> endDate,
    Optional<LocalDate> lastIssued,
    Optional<String> discontinuationReason,
    Set<Sensitivity> sensitivity)
    implements ClinicalItem {

  /** Whether the course is current. */
  public enum Status {
    ACTIVE,
    COMPLETED,
    DISCONTINUED
  }

  /** How the medicine is prescribed (GP Connect prescriptionType). */
  public enum PrescriptionType {
    ACUTE,
    REPEAT,
    REPEAT_DISPENSING,
    UNKNOWN
  }

  public MedicationItem {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(prescriptionType, "prescriptionType");
    Objects.requireNonNull(dosageText, "dosageText");
    Objects.requireNonNull(quantityText, "quantityText");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
    Objects.requireNonNull(lastIssued, "lastIssued");
    Objects.requireNonNull(discontinuationReason, "discontinuationReason");
    sensitivity = Set.copyOf(sensitivity);
  }

  @Override
  public Section section() {
    return Section.MEDICATIONS;
  }
}
