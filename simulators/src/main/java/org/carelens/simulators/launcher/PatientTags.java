package org.carelens.simulators.launcher;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.carelens.simulators.population.SyntheticPatient;

/**
 * What the launcher says about each patient beyond their demographics, so testers and demo users
 * can find interesting patients: scenario tags ({@code dissent:gp}, {@code restricted}, ...) and
 * which simulated sources know the patient. Sources that decide for themselves whom they know
 * (acute, mental health, social care) contribute through these functions, composed in {@code
 * SimulatorsMain}.
 *
 * @param scenarios the patient's scenario tags, in a stable order
 * @param knownTo the source ids that hold a record for the patient
 */
public record PatientTags(
    Function<SyntheticPatient, List<String>> scenarios,
    Function<SyntheticPatient, List<String>> knownTo) {

  public PatientTags {
    Objects.requireNonNull(scenarios, "scenarios");
    Objects.requireNonNull(knownTo, "knownTo");
  }

  /** The population's own tags; every patient known to the spine and their GP practice. */
  public static PatientTags fromPopulation() {
    return new PatientTags(SyntheticPatient::scenarios, p -> List.of("pds", "gp"));
  }
}
