package org.carelens.sdk.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Someone involved in the patient's care: a key worker, care coordinator, named nurse, GP.
 *
 * @param concept the role, e.g. SNOMED CT "care coordinator"
 * @param contact how to reach them as the source gives it (telephone, team inbox)
 */
public record CareTeamItem(
    Provenance provenance,
    CodedConcept concept,
    String memberName,
    Optional<String> organisation,
    Optional<String> contact,
    Status status,
    Optional<LocalDate> startDate,
    Set<Sensitivity> sensitivity)
    implements ClinicalItem {

  /** Whether the involvement is current. */
  public enum Status {
    ACTIVE,
    ENDED
  }

  public CareTeamItem {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(memberName, "memberName");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startDate, "startDate");
    sensitivity = Set.copyOf(sensitivity);
  }

  @Override
  public Section section() {
    return Section.CARE_TEAM;
  }
}
