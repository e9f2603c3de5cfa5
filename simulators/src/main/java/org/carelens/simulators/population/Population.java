package org.carelens.simulators.population;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carelens.sdk.model.NhsNumber;

/**
 * A seeded synthetic population. The same seed, size and reference date always produce identical
 * patients; the first patient is always the fixed showcase patient (Mrs Margaret JONES, {@value
 * #SHOWCASE_NHS_NUMBER}). Immutable and safe to share between threads.
 */
public final class Population {

  /** The showcase patient's NHS number, identical in every population. */
  public static final String SHOWCASE_NHS_NUMBER = "9990000018";

  public static final int DEFAULT_SIZE = 2_000;

  /** The largest population {@link #generate} accepts. */
  public static final int MAX_SIZE = 200_000;

  /**
   * The reference date {@link #generate(long, int)} uses, so that overload is deterministic too.
   * Running simulators pass today's date instead, to keep "last issued" dates recent.
   */
  public static final LocalDate DEFAULT_REFERENCE_DATE = LocalDate.of(2026, 11, 1);

  private final long seed;
  private final LocalDate referenceDate;
  private final List<Practice> practices;
  private final List<SyntheticPatient> patients;
  private final Map<String, SyntheticPatient> byNhsNumber;

  private Population(
      long seed, LocalDate referenceDate, List<Practice> practices, List<SyntheticPatient> list) {
    this.seed = seed;
    this.referenceDate = referenceDate;
    this.practices = List.copyOf(practices);
    this.patients = List.copyOf(list);
    this.byNhsNumber =
        patients.stream()
            .collect(Collectors.toUnmodifiableMap(p -> p.nhsNumber().value(), Function.identity()));
  }

  /**
   * A population of {@code size} patients with dates relative to {@link #DEFAULT_REFERENCE_DATE}.
   */
  public static Population generate(long seed, int size) {
    return generate(seed, size, DEFAULT_REFERENCE_DATE);
  }

  /**
   * A population of {@code size} patients whose dates (onsets, issues, ages) are relative to {@code
   * referenceDate}.
   *
   * @throws IllegalArgumentException if {@code size} is less than 1
   */
  public static Population generate(long seed, int size, LocalDate referenceDate) {
    Objects.requireNonNull(referenceDate, "referenceDate");
    if (size < 1) {
      throw new IllegalArgumentException(
          "population size must be at least 1 (the showcase patient), was " + size);
    }
    if (size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "population size must be at most %d, was %d".formatted(MAX_SIZE, size));
    }
    List<Practice> practices = List.of(Practice.RIVERSIDE, Practice.HILLSIDE);
    List<SyntheticPatient> patients =
        new PopulationGenerator(seed, referenceDate, practices).generate(size);
    return new Population(seed, referenceDate, practices, patients);
  }

  public long seed() {
    return seed;
  }

  public LocalDate referenceDate() {
    return referenceDate;
  }

  /** Every patient, the showcase patient first. */
  public List<SyntheticPatient> patients() {
    return patients;
  }

  public List<Practice> practices() {
    return practices;
  }

  public Optional<SyntheticPatient> find(NhsNumber nhsNumber) {
    return Optional.ofNullable(byNhsNumber.get(nhsNumber.value()));
  }

  /** The patient with exactly these ten digits, if there is one. */
  public Optional<SyntheticPatient> find(String nhsNumberDigits) {
    return Optional.ofNullable(byNhsNumber.get(nhsNumberDigits));
  }

  public SyntheticPatient showcase() {
    return patients.getFirst();
  }

  public Optional<Practice> practice(String odsCode) {
    return practices.stream().filter(p -> p.odsCode().equals(odsCode)).findFirst();
  }
}
