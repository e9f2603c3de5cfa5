package org.carelens.policy.consent;

import java.util.Objects;
import java.util.Optional;

/**
 * A patient's dissent in the central register: from the whole record, or from one source.
 *
 * @param sourceId empty for the whole record
 */
public record Dissent(Optional<String> sourceId) {

  public Dissent {
    Objects.requireNonNull(sourceId, "sourceId");
  }

  public static Dissent wholeRecord() {
    return new Dissent(Optional.empty());
  }

  public static Dissent fromSource(String sourceId) {
    return new Dissent(Optional.of(sourceId));
  }

  /** Whether this dissent covers {@code source}. */
  public boolean covers(String source) {
    return sourceId.map(source::equals).orElse(true);
  }
}
