package org.carelens.simulators.population;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.carelens.sdk.model.CodedConcept;

/**
 * One allergy or adverse reaction as the practice recorded it.
 *
 * @param id stable within the population, usable as a FHIR resource id
 * @param concept the allergy concept (SNOMED CT), e.g. 91936005 "Allergy to penicillin"
 * @param manifestation the reaction seen (SNOMED CT), e.g. 126485001 "Urticaria"
 * @param endDate set when the allergy has been ended (resolved), with {@code endReason}
 */
public record Allergy(
    String id,
    CodedConcept concept,
    Category category,
    LocalDate onsetDate,
    LocalDate assertedDate,
    CodedConcept manifestation,
    Severity severity,
    Optional<LocalDate> endDate,
    Optional<String> endReason) {

  /** FHIR AllergyIntolerance.category. */
  public enum Category {
    MEDICATION,
    FOOD,
    ENVIRONMENT
  }

  /** FHIR AllergyIntolerance.reaction.severity. */
  public enum Severity {
    MILD,
    MODERATE,
    SEVERE
  }

  public Allergy {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(onsetDate, "onsetDate");
    Objects.requireNonNull(assertedDate, "assertedDate");
    Objects.requireNonNull(manifestation, "manifestation");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(endDate, "endDate");
    Objects.requireNonNull(endReason, "endReason");
    if (assertedDate.isBefore(onsetDate)) {
      throw new IllegalArgumentException(
          "allergy %s asserted %s before its onset %s".formatted(id, assertedDate, onsetDate));
    }
    if (endDate.isPresent() != endReason.isPresent()) {
      throw new IllegalArgumentException(
          "allergy %s: an end date needs an end reason and vice versa".formatted(id));
    }
    if (endDate.isPresent() && endDate.get().isBefore(onsetDate)) {
      throw new IllegalArgumentException(
          "allergy %s ends %s before its onset %s".formatted(id, endDate.get(), onsetDate));
    }
  }

  /** Whether the allergy has been ended; GP Connect lists these separately as ended allergies. */
  public boolean resolved() {
    return endDate.isPresent();
  }
}
