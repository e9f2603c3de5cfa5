package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's answer to a patient search ({@code GET /api/v1/patients}): matches best first,
 * empty when nobody matches.
 */
@Serdeable
public record PatientSearchResult(List<Match> matches) {

  public PatientSearchResult {
    matches = List.copyOf(matches);
  }

  /**
   * One patient found.
   *
   * @param name CUI style, e.g. {@code JONES, Margaret (Mrs)}
   * @param postcode null for a restricted patient, whose address is never shown
   */
  @Serdeable
  public record Match(
      String nhsNumber,
      String name,
      LocalDate birthDate,
      String gender,
      @Nullable String postcode,
      boolean restricted,
      boolean deceased,
      double score) {

    public Match {
      Objects.requireNonNull(nhsNumber, "nhsNumber");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(birthDate, "birthDate");
      Objects.requireNonNull(gender, "gender");
      if (!nhsNumber.matches("\\d{10}")) {
        throw new IllegalArgumentException("NHS number must be 10 digits, was '" + nhsNumber + "'");
      }
    }
  }
}
