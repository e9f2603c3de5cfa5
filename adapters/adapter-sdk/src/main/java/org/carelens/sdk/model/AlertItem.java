package org.carelens.sdk.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An alert a clinician must see first: safeguarding, end-of-life care, DNACPR or ReSPECT, a mental
 * health crisis plan, violence markers.
 *
 * @param note free text as the source records it, where it is not itself sensitive
 */
public record AlertItem(
    Provenance provenance,
    CodedConcept concept,
    Kind kind,
    Status status,
    Optional<LocalDate> recordedDate,
    Optional<String> note,
    Set<Sensitivity> sensitivity)
    implements ClinicalItem {

  /** What sort of alert. */
  public enum Kind {
    SAFEGUARDING,
    END_OF_LIFE,
    DNACPR,
    RESPECT,
    /** A mental health crisis plan: what to do, and whom to call, when the person is in crisis. */
    CRISIS_PLAN,
    VIOLENCE_MARKER,
    OTHER
  }

  /** Whether the alert is current. */
  public enum Status {
    ACTIVE,
    INACTIVE
  }

  public AlertItem {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(recordedDate, "recordedDate");
    Objects.requireNonNull(note, "note");
    sensitivity = Set.copyOf(sensitivity);
  }

  @Override
  public Section section() {
    return Section.ALERTS;
  }
}
