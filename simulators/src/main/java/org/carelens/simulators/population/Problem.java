package org.carelens.simulators.population;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.Sensitivity;

/**
 * A problem on the GP practice's problem list (GP Connect's ProblemHeader Condition).
 *
 * @param id stable within the population, usable as a FHIR resource id stem
 * @param sensitivity the label policy needs, for sexual health, HIV, termination or IVF problems
 * @param confidential the practice has marked the entry confidential: GP Connect providers leave it
 *     out of the structured record and add the {@code confidential-items} warning to its List
 */
public record Problem(
    String id,
    CodedConcept concept,
    Status status,
    Significance significance,
    LocalDate onsetDate,
    Optional<LocalDate> endDate,
    Optional<Sensitivity> sensitivity,
    boolean confidential) {

  /** Whether the problem is current. */
  public enum Status {
    ACTIVE,
    INACTIVE
  }

  /** GP Connect problem significance. */
  public enum Significance {
    MAJOR,
    MINOR
  }

  public Problem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(significance, "significance");
    Objects.requireNonNull(onsetDate, "onsetDate");
    Objects.requireNonNull(endDate, "endDate");
    Objects.requireNonNull(sensitivity, "sensitivity");
    if ((status == Status.INACTIVE) != endDate.isPresent()) {
      throw new IllegalArgumentException(
          "problem %s: an end date belongs to inactive problems only".formatted(id));
    }
    if (endDate.isPresent() && endDate.get().isBefore(onsetDate)) {
      throw new IllegalArgumentException(
          "problem %s ends %s before its onset %s".formatted(id, endDate.get(), onsetDate));
    }
    if (confidential && sensitivity.isEmpty()) {
      throw new IllegalArgumentException(
          "problem %s is confidential but carries no sensitivity label".formatted(id));
    }
  }
}
