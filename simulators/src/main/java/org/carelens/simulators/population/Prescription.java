package org.carelens.simulators.population;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.carelens.sdk.model.CodedConcept;

/**
 * A prescribed course as GP Connect models it (a MedicationStatement with its authorising
 * MedicationRequest), not each issue.
 *
 * @param id stable within the population, usable as a FHIR resource id stem
 * @param medicine the medicine (dm+d VMP)
 * @param quantity quantity per issue, in {@code quantityUnit}s
 * @param endDate when a completed or stopped course ended; empty while active
 * @param stopReason why a stopped course was stopped
 */
public record Prescription(
    String id,
    CodedConcept medicine,
    String dosageText,
    int quantity,
    String quantityUnit,
    PrescriptionType type,
    Status status,
    LocalDate startDate,
    Optional<LocalDate> endDate,
    Optional<LocalDate> lastIssueDate,
    Optional<String> stopReason) {

  /** GP Connect prescriptionType (CareConnect-PrescriptionType-1). */
  public enum PrescriptionType {
    ACUTE("acute", "Acute"),
    REPEAT("repeat", "Repeat"),
    REPEAT_DISPENSING("repeat-dispensing", "Repeat dispensing");

    private final String code;
    private final String display;

    PrescriptionType(String code, String display) {
      this.code = code;
      this.display = display;
    }

    public String code() {
      return code;
    }

    public String display() {
      return display;
    }
  }

  /** MedicationStatement.status as GP Connect uses it. */
  public enum Status {
    ACTIVE("active"),
    COMPLETED("completed"),
    STOPPED("stopped");

    private final String code;

    Status(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public Prescription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(medicine, "medicine");
    Objects.requireNonNull(dosageText, "dosageText");
    Objects.requireNonNull(quantityUnit, "quantityUnit");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
    Objects.requireNonNull(lastIssueDate, "lastIssueDate");
    Objects.requireNonNull(stopReason, "stopReason");
    if (quantity <= 0) {
      throw new IllegalArgumentException("prescription %s quantity must be positive".formatted(id));
    }
    if ((status == Status.ACTIVE) == endDate.isPresent()) {
      throw new IllegalArgumentException(
          "prescription %s: an %s course %s an end date"
              .formatted(id, status, status == Status.ACTIVE ? "must not have" : "needs"));
    }
    if ((status == Status.STOPPED) != stopReason.isPresent()) {
      throw new IllegalArgumentException(
          "prescription %s: a stop reason belongs to stopped courses only".formatted(id));
    }
    if (endDate.isPresent() && endDate.get().isBefore(startDate)) {
      throw new IllegalArgumentException(
          "prescription %s ends %s before it starts %s".formatted(id, endDate.get(), startDate));
    }
    if (lastIssueDate.isPresent() && lastIssueDate.get().isBefore(startDate)) {
      throw new IllegalArgumentException(
          "prescription %s last issued %s before it starts %s"
              .formatted(id, lastIssueDate.get(), startDate));
    }
  }
}
