package org.carelens.simulators.population;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.NhsNumber;

/**
 * One synthetic patient as their GP practice holds them.
 *
 * @param gpDissent the patient has dissented from sharing at their GP practice: GP Connect answers
 *     {@code NO_PATIENT_CONSENT} for them
 */
public record SyntheticPatient(
    NhsNumber nhsNumber,
    String title,
    String given,
    String family,
    LocalDate birthDate,
    Gender gender,
    Address address,
    String telephone,
    Practice practice,
    Allergies allergies,
    List<Prescription> prescriptions,
    boolean gpDissent) {

  public SyntheticPatient {
    Objects.requireNonNull(nhsNumber, "nhsNumber");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(gender, "gender");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(telephone, "telephone");
    Objects.requireNonNull(practice, "practice");
    Objects.requireNonNull(allergies, "allergies");
    prescriptions = List.copyOf(prescriptions);
  }

  /** The name as the NHS Common User Interface shows it: {@code JONES, Margaret (Mrs)}. */
  public String displayName() {
    return family.toUpperCase(java.util.Locale.UK) + ", " + given + " (" + title + ")";
  }
}
