package org.carelens.sdk.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Who the patient is, as one source records it. Sources can disagree (a changed surname, an old
 * address); the gateway compares them and never silently picks one.
 *
 * @param registeredPracticeOds the ODS code of the registered GP practice
 * @param deceasedDate set when the source records the patient as deceased
 * @param restricted the demographics spine's "S-flag": address, telephone and practice must be
 *     hidden
 */
public record PatientIdentity(
    NhsNumber nhsNumber,
    HumanName name,
    LocalDate birthDate,
    Gender gender,
    Optional<String> address,
    Optional<String> telephone,
    Optional<String> registeredPracticeOds,
    Optional<LocalDate> deceasedDate,
    boolean restricted) {

  public PatientIdentity {
    Objects.requireNonNull(nhsNumber, "nhsNumber");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(gender, "gender");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(telephone, "telephone");
    Objects.requireNonNull(registeredPracticeOds, "registeredPracticeOds");
    Objects.requireNonNull(deceasedDate, "deceasedDate");
  }
}
