package org.carelens.simulators.population;

import java.util.List;
import java.util.Objects;

/** A UK postal address. */
public record Address(List<String> lines, String city, String postcode) {

  public Address {
    lines = List.copyOf(lines);
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(postcode, "postcode");
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("address needs at least one line (" + postcode + ")");
    }
  }

  /** The address on one line, as a clinician reads it in a banner. */
  public String oneLine() {
    return String.join(", ", lines) + ", " + city + ", " + postcode;
  }
}
