package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The patient's identity as the gateway reconciled it. Name, birth date and gender are null when no
 * source gave an identity; address, telephone and practice are null for restricted patients.
 *
 * @param gender {@code female}, {@code male}, {@code other} or {@code unknown}
 */
@Serdeable
public record PatientView(
    String nhsNumber,
    @Nullable PersonName name,
    @Nullable LocalDate birthDate,
    @Nullable String gender,
    @Nullable LocalDate deceasedDate,
    @Nullable String address,
    @Nullable String telephone,
    @Nullable String registeredPractice,
    boolean restricted) {

  public PatientView {
    Objects.requireNonNull(nhsNumber, "nhsNumber");
  }

  public Optional<PersonName> nameIfKnown() {
    return Optional.ofNullable(name);
  }

  public Optional<LocalDate> birthDateIfKnown() {
    return Optional.ofNullable(birthDate);
  }

  public Optional<LocalDate> deceasedDateIfKnown() {
    return Optional.ofNullable(deceasedDate);
  }
}
