package org.carelens.sdk.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A referral, and the appointment it led to where known. */
public record ReferralItem(
    Provenance provenance,
    CodedConcept concept,
    Status status,
    Optional<LocalDate> requestedDate,
    Optional<String> recipient,
    Optional<String> priority,
    Optional<LocalDate> appointmentDate,
    Set<Sensitivity> sensitivity)
    implements ClinicalItem {

  /** Where the referral stands. */
  public enum Status {
    PENDING,
    ACTIVE,
    COMPLETED,
    CANCELLED
  }

  public ReferralItem {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requestedDate, "requestedDate");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(appointmentDate, "appointmentDate");
    sensitivity = Set.copyOf(sensitivity);
  }

  @Override
  public Section section() {
    return Section.REFERRALS;
  }
}
