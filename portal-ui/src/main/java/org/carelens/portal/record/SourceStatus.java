package org.carelens.portal.record;

import java.util.Arrays;
import java.util.Optional;

/**
 * A source's outcome in words, and whether it is a success. Every status the gateway can send is
 * shown; any non-OK status is styled as a problem so nobody mistakes a partial view for a whole
 * one.
 */
public enum SourceStatus {
  OK("Loaded", Tone.SUCCESS),
  NO_RECORD("No record", Tone.NEUTRAL),
  WITHHELD("Withheld", Tone.NEUTRAL),
  TIMEOUT("Timed out", Tone.ERROR),
  CIRCUIT_OPEN("Unavailable", Tone.ERROR),
  ERROR("Error", Tone.ERROR);

  /** How the status is styled: success, error, or a neutral contrast badge. */
  public enum Tone {
    SUCCESS,
    NEUTRAL,
    ERROR
  }

  private final String words;
  private final Tone tone;

  SourceStatus(String words, Tone tone) {
    this.words = words;
    this.tone = tone;
  }

  public String words() {
    return words;
  }

  public Tone tone() {
    return tone;
  }

  /** The status for a wire value, or empty for one this portal does not know. */
  public static Optional<SourceStatus> fromWire(String status) {
    return Arrays.stream(values()).filter(s -> s.name().equals(status)).findFirst();
  }

  /**
   * Words for any wire value: a status added to the gateway after this portal was built is shown as
   * it came rather than hidden.
   */
  public static String wordsFor(String status) {
    return fromWire(status).map(SourceStatus::words).orElse("Unknown status " + status);
  }

  /** The tone for any wire value; unknown statuses are treated as errors (fail visible). */
  public static Tone toneFor(String status) {
    return fromWire(status).map(SourceStatus::tone).orElse(Tone.ERROR);
  }
}
