package org.carelens.simulators.population;

import java.util.List;
import java.util.Objects;

/**
 * A patient's allergy record. "No known allergies" and "not recorded" are different clinical
 * statements and are kept apart: the first is a positive assertion, the second is an absence.
 *
 * @param entries every recorded allergy, active and ended
 */
public record Allergies(State state, List<Allergy> entries) {

  /** What the practice has recorded about allergies. */
  public enum State {
    /** At least one active allergy is recorded (ended ones may be recorded too). */
    RECORDED,
    /** The practice has recorded that the patient has no known allergies. */
    NO_KNOWN_ALLERGIES,
    /** Nothing has been recorded either way. */
    NOT_RECORDED
  }

  public Allergies {
    Objects.requireNonNull(state, "state");
    entries = List.copyOf(entries);
    boolean anyActive = entries.stream().anyMatch(a -> !a.resolved());
    if (state == State.RECORDED && !anyActive) {
      throw new IllegalArgumentException("RECORDED allergies need at least one active allergy");
    }
    if (state != State.RECORDED && !entries.isEmpty()) {
      throw new IllegalArgumentException(state + " allergies must have no entries");
    }
  }

  public static Allergies noKnownAllergies() {
    return new Allergies(State.NO_KNOWN_ALLERGIES, List.of());
  }

  public static Allergies notRecorded() {
    return new Allergies(State.NOT_RECORDED, List.of());
  }

  public List<Allergy> active() {
    return entries.stream().filter(a -> !a.resolved()).toList();
  }

  public List<Allergy> resolved() {
    return entries.stream().filter(Allergy::resolved).toList();
  }
}
