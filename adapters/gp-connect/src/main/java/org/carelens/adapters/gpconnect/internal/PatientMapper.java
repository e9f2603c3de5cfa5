package org.carelens.adapters.gpconnect.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.HumanName;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.StringType;

/** GP Connect's Patient (CareConnect-GPC-Patient-1) as a canonical identity. */
final class PatientMapper {

  private PatientMapper() {}

  /**
   * The identity, or empty when the Patient lacks what an identity needs (a family name and a full
   * date of birth); the record's sections are still this patient's, because the NHS number matched.
   */
  static Optional<PatientIdentity> identity(
      Patient patient, NhsNumber nhsNumber, Optional<String> practiceOds) {
    Optional<HumanName> name = name(patient);
    Optional<java.time.LocalDate> birthDate =
        patient.hasBirthDateElement()
            ? Stu3Values.day(patient.getBirthDateElement())
            : Optional.empty();
    if (name.isEmpty() || birthDate.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PatientIdentity(
            nhsNumber,
            name.get(),
            birthDate.get(),
            gender(patient),
            address(patient),
            telephone(patient),
            practiceOds,
            patient.hasDeceasedDateTimeType()
                ? Stu3Values.day(patient.getDeceasedDateTimeType())
                : Optional.empty(),
            false));
  }

  /** The official name (GP Connect requires exactly one), else the usual one, else the first. */
  private static Optional<HumanName> name(Patient patient) {
    return patient.getName().stream()
        .filter(n -> n.hasFamily() && !n.getFamily().isBlank())
        .min(Comparator.comparingInt(PatientMapper::nameRank))
        .map(
            n ->
                new HumanName(
                    n.getFamily().strip(),
                    n.getGiven().stream()
                        .filter(StringType::hasValue)
                        .map(g -> g.getValue().strip())
                        .toList(),
                    n.getPrefix().stream()
                        .filter(StringType::hasValue)
                        .map(p -> p.getValue().strip())
                        .findFirst()));
  }

  private static int nameRank(org.hl7.fhir.dstu3.model.HumanName name) {
    if (!name.hasUse()) {
      return 2;
    }
    return switch (name.getUse()) {
      case OFFICIAL -> 0;
      case USUAL -> 1;
      case OLD -> 4;
      default -> 3;
    };
  }

  private static Gender gender(Patient patient) {
    if (!patient.hasGender()) {
      return Gender.UNKNOWN;
    }
    return switch (patient.getGender()) {
      case MALE -> Gender.MALE;
      case FEMALE -> Gender.FEMALE;
      case OTHER -> Gender.OTHER;
      default -> Gender.UNKNOWN;
    };
  }

  /** The home address (else the first that is not old), as one line of text. */
  private static Optional<String> address(Patient patient) {
    return patient.getAddress().stream()
        .filter(a -> !a.hasUse() || a.getUse() != Address.AddressUse.OLD)
        .min(
            Comparator.comparingInt(
                a -> a.hasUse() && a.getUse() == Address.AddressUse.HOME ? 0 : 1))
        .flatMap(PatientMapper::addressText);
  }

  private static Optional<String> addressText(Address address) {
    if (address.hasText() && !address.getText().isBlank()) {
      return Optional.of(address.getText().strip());
    }
    List<String> parts = new ArrayList<>();
    address.getLine().stream()
        .filter(StringType::hasValue)
        .map(StringType::getValue)
        .forEach(parts::add);
    if (address.hasCity()) {
      parts.add(address.getCity());
    }
    if (address.hasDistrict()) {
      parts.add(address.getDistrict());
    }
    if (address.hasPostalCode()) {
      parts.add(address.getPostalCode());
    }
    List<String> clean = parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    return clean.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", clean));
  }

  /** A current telephone number: home first, then mobile, then any other. */
  private static Optional<String> telephone(Patient patient) {
    return patient.getTelecom().stream()
        .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE && t.hasValue())
        .filter(t -> !t.hasUse() || t.getUse() != ContactPoint.ContactPointUse.OLD)
        .min(Comparator.comparingInt(PatientMapper::phoneRank))
        .map(t -> t.getValue().strip());
  }

  private static int phoneRank(ContactPoint phone) {
    if (!phone.hasUse()) {
      return 2;
    }
    return switch (phone.getUse()) {
      case HOME -> 0;
      case MOBILE -> 1;
      default -> 2;
    };
  }
}
