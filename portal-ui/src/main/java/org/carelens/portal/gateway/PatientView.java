package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The patient's identity as the gateway reconciled it. Name, birth date and gender are null when no
 * source gave an identity; address, telephone, practice and contacts are withheld for restricted
 * patients.
 *
 * @param gender {@code female}, {@code male}, {@code other} or {@code unknown}
 * @param contacts the spine's contacts for the patient (its emergency contact); empty when none is
 *     recorded, for a restricted patient, and from gateways that do not send them
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
    boolean restricted,
    @Nullable List<PatientContact> contacts) {

  public PatientView {
    Objects.requireNonNull(nhsNumber, "nhsNumber");
    contacts = contacts == null ? List.of() : List.copyOf(contacts);
  }

  /** A patient without contacts. */
  public PatientView(
      String nhsNumber,
      @Nullable PersonName name,
      @Nullable LocalDate birthDate,
      @Nullable String gender,
      @Nullable LocalDate deceasedDate,
      @Nullable String address,
      @Nullable String telephone,
      @Nullable String registeredPractice,
      boolean restricted) {
    this(
        nhsNumber,
        name,
        birthDate,
        gender,
        deceasedDate,
        address,
        telephone,
        registeredPractice,
        restricted,
        null);
  }

  @Override
  public List<PatientContact> contacts() {
    return Objects.requireNonNull(contacts);
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
