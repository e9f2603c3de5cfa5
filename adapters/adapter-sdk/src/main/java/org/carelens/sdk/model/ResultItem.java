package org.carelens.sdk.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A test result: one observation, with its value, unit, range and abnormal flag as the lab
 * reported.
 *
 * @param concept the test (LOINC or SNOMED CT)
 * @param value the value as reported, e.g. "142" or "Positive"
 * @param referenceRange the range as reported, e.g. "133-146"
 * @param report the report or panel this result belongs to, e.g. "Urea and electrolytes"
 */
public record ResultItem(
    Provenance provenance,
    CodedConcept concept,
    Optional<String> value,
    Optional<String> unit,
    Optional<String> referenceRange,
    Flag flag,
    Status status,
    Optional<LocalDate> effectiveDate,
    Optional<String> report,
    Set<Sensitivity> sensitivity)
    implements ClinicalItem {

  /** The abnormal flag as the source gives it; never derived by Carelens. */
  public enum Flag {
    NORMAL,
    LOW,
    HIGH,
    CRITICALLY_LOW,
    CRITICALLY_HIGH,
    ABNORMAL,
    NOT_GIVEN
  }

  /** The status of the result. */
  public enum Status {
    FINAL,
    PRELIMINARY,
    AMENDED,
    CANCELLED,
    UNKNOWN
  }

  public ResultItem {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(referenceRange, "referenceRange");
    Objects.requireNonNull(flag, "flag");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    Objects.requireNonNull(report, "report");
    sensitivity = Set.copyOf(sensitivity);
  }

  @Override
  public Section section() {
    return Section.RESULTS;
  }
}
