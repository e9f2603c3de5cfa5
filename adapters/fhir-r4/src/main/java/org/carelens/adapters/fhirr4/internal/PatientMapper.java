package org.carelens.adapters.fhirr4.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.HumanName;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * UK Core Patient to {@link PatientIdentity}, so the gateway can compare the hospital's
 * demographics with other sources'. The identity is only ever built for the NHS number that was
 * asked for.
 */
public final class PatientMapper {

  private static final String CONFIDENTIALITY =
      "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

  private PatientMapper() {}

  /** Whether this Patient carries {@code nhsNumber} under the NHS number system. */
  public static boolean carries(Patient patient, NhsNumber nhsNumber) {
    return patient.getIdentifier().stream()
        .anyMatch(
            i ->
                R4Values.NHS_NUMBER_SYSTEM.equals(i.getSystem())
                    && i.hasValue()
                    && i.getValue().replace(" ", "").equals(nhsNumber.value()));
  }

  /** The identity, or nothing when the Patient lacks a name or birth date. */
  public static Optional<PatientIdentity> identity(
      Patient patient, NhsNumber nhsNumber, ResourceIndex index) {
    Optional<org.hl7.fhir.r4.model.HumanName> name =
        patient.getName().stream()
            .min(
                Comparator.comparingInt(
                    n ->
                        n.getUse() == org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL
                            ? 0
                            : n.getUse() == org.hl7.fhir.r4.model.HumanName.NameUse.USUAL ? 1 : 2));
    if (name.isEmpty() || !name.get().hasFamily() || !patient.hasBirthDate()) {
      return Optional.empty();
    }
    Gender gender =
        switch (patient.hasGender() ? patient.getGender().toCode() : "unknown") {
          case "male" -> Gender.MALE;
          case "female" -> Gender.FEMALE;
          case "other" -> Gender.OTHER;
          default -> Gender.UNKNOWN;
        };
    Optional<LocalDate> deceased =
        patient.hasDeceasedDateTimeType()
            ? R4Values.day(patient.getDeceasedDateTimeType())
            : Optional.empty();
    boolean restricted =
        patient.getMeta().getSecurity().stream()
            .anyMatch(
                c ->
                    CONFIDENTIALITY.equals(c.getSystem())
                        && ("R".equals(c.getCode()) || "V".equals(c.getCode())));
    return Optional.of(
        new PatientIdentity(
            nhsNumber,
            new HumanName(
                name.get().getFamily().strip(),
                name.get().getGiven().stream()
                    .map(g -> g.getValue())
                    .filter(R4Values::hasText)
                    .toList(),
                name.get().getPrefix().stream()
                    .map(p -> p.getValue())
                    .filter(R4Values::hasText)
                    .findFirst()),
            R4Values.day(patient.getBirthDateElement()).orElseThrow(),
            gender,
            patient.getAddress().stream().findFirst().flatMap(PatientMapper::oneLine),
            patient.getTelecom().stream()
                .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE && t.hasValue())
                .map(ContactPoint::getValue)
                .findFirst(),
            practice(patient, index),
            deceased,
            restricted));
  }

  private static Optional<String> oneLine(Address address) {
    String text =
        Stream.concat(
                address.getLine().stream().map(l -> l.getValue()),
                Stream.of(address.getCity(), address.getPostalCode()))
            .filter(R4Values::hasText)
            .map(String::strip)
            .collect(Collectors.joining(", "));
    return text.isEmpty()
        ? Optional.ofNullable(address.getText()).filter(R4Values::hasText)
        : Optional.of(text);
  }

  /** UK Core: the registered practice is the {@code generalPractitioner} Organization. */
  private static Optional<String> practice(Patient patient, ResourceIndex index) {
    List<Reference> practitioners = patient.getGeneralPractitioner();
    for (Reference reference : practitioners) {
      if (reference.hasIdentifier()
          && R4Values.ODS_SYSTEM.equals(reference.getIdentifier().getSystem())
          && reference.getIdentifier().hasValue()) {
        return Optional.of(reference.getIdentifier().getValue().strip());
      }
      Optional<Resource> target = index.resolve(reference, patient);
      if (target.isPresent() && target.get() instanceof Organization org) {
        Optional<String> ods = R4Values.identifier(org.getIdentifier(), R4Values.ODS_SYSTEM);
        if (ods.isPresent()) {
          return ods;
        }
      }
    }
    return Optional.empty();
  }
}
