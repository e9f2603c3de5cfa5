package org.carelens.sdk.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A social care service or package: home care, day care, residential respite, equipment.
 *
 * @param description the package as the council describes it, e.g. "Home care, 4 visits daily"
 * @param provider who delivers it
 */
public record SocialCareItem(
    Provenance provenance,
    CodedConcept concept,
    String description,
    Status status,
    Optional<LocalDate> startDate,
    Optional<LocalDate> endDate,
    Optional<String> provider,
    Set<Sensitivity> sensitivity)
    implements ClinicalItem {

  /** Where the package stands. */
  public enum Status {
    PLANNED,
    ACTIVE,
    ENDED
  }

  public SocialCareItem {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
    Objects.requireNonNull(provider, "provider");
    sensitivity = Set.copyOf(sensitivity);
  }

  @Override
  public Section section() {
    return Section.SOCIAL_CARE;
  }
}
