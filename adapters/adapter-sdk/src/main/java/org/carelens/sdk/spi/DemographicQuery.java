package org.carelens.sdk.spi;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.carelens.sdk.model.Gender;

/**
 * A demographic trace: family name and date of birth, the spine's minimum, and whatever else the
 * user knows.
 *
 * @param fuzzy whether near names and a transposed day and month may match too
 * @param maxResults how many matches the user can be shown; more is "too many matches"
 */
public record DemographicQuery(
    String family,
    Optional<String> given,
    LocalDate birthDate,
    Optional<Gender> gender,
    Optional<String> postcode,
    boolean fuzzy,
    int maxResults) {

  public DemographicQuery {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(gender, "gender");
    Objects.requireNonNull(postcode, "postcode");
    if (family.isBlank()) {
      throw new IllegalArgumentException("family name is required for a trace");
    }
    if (maxResults < 1 || maxResults > 50) {
      throw new IllegalArgumentException("maxResults must be 1 to 50, was " + maxResults);
    }
  }
}
