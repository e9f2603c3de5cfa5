package org.carelens.simulators.gp;

import org.carelens.sdk.model.Gender;
import org.carelens.simulators.population.Clinician;
import org.carelens.simulators.population.Practice;
import org.carelens.simulators.population.SyntheticPatient;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;

/** The Patient, their practice's Organization and the usual GP as a Practitioner. */
final class DemographicResources {

  private DemographicResources() {}

  static Organization organization(Practice practice) {
    Organization organization =
        Fhir.withIdAndProfile(
            new Organization(),
            "organization-" + practice.odsCode(),
            GpConnect.ORGANIZATION_PROFILE);
    organization
        .addIdentifier()
        .setSystem(GpConnect.ODS_ORGANIZATION_SYSTEM)
        .setValue(practice.odsCode());
    organization.setName(practice.name());
    organization
        .addTelecom()
        .setSystem(ContactPoint.ContactPointSystem.PHONE)
        .setUse(ContactPoint.ContactPointUse.WORK)
        .setValue(practice.telephone());
    organization.addAddress(address(practice.address(), Address.AddressUse.WORK));
    return organization;
  }

  static Practitioner practitioner(Clinician clinician) {
    Practitioner practitioner =
        Fhir.withIdAndProfile(
            new Practitioner(),
            "practitioner-" + clinician.sdsUserId(),
            GpConnect.PRACTITIONER_PROFILE);
    practitioner
        .addIdentifier()
        .setSystem(GpConnect.SDS_USER_SYSTEM)
        .setValue(clinician.sdsUserId());
    practitioner
        .addName()
        .setUse(HumanName.NameUse.OFFICIAL)
        .setFamily(clinician.family())
        .addGiven(clinician.given())
        .addPrefix(clinician.title());
    return practitioner;
  }

  static Patient patient(SyntheticPatient source, Organization practice) {
    Patient patient =
        Fhir.withIdAndProfile(
            new Patient(), "patient-" + source.nhsNumber().value(), GpConnect.PATIENT_PROFILE);
    patient
        .addIdentifier()
        .setSystem(GpConnect.NHS_NUMBER_SYSTEM)
        .setValue(source.nhsNumber().value());
    patient
        .addName()
        .setUse(HumanName.NameUse.OFFICIAL)
        .setFamily(source.familyAtGp())
        .addGiven(source.given())
        .addPrefix(source.title());
    patient.setGender(gender(source.gender()));
    patient.setBirthDateElement(new DateType(source.birthDate().toString()));
    patient.addAddress(address(source.addressAtGp(), Address.AddressUse.HOME));
    patient
        .addTelecom()
        .setSystem(ContactPoint.ContactPointSystem.PHONE)
        .setUse(
            source.telephone().startsWith("07")
                ? ContactPoint.ContactPointUse.MOBILE
                : ContactPoint.ContactPointUse.HOME)
        .setValue(source.telephone());
    patient.addGeneralPractitioner(Fhir.reference(practice));
    patient.setManagingOrganization(Fhir.reference(practice));
    return patient;
  }

  private static Address address(
      org.carelens.simulators.population.Address source, Address.AddressUse use) {
    Address address = new Address().setUse(use).setType(Address.AddressType.BOTH);
    source.lines().forEach(address::addLine);
    return address.setCity(source.city()).setPostalCode(source.postcode());
  }

  private static AdministrativeGender gender(Gender gender) {
    return switch (gender) {
      case MALE -> AdministrativeGender.MALE;
      case FEMALE -> AdministrativeGender.FEMALE;
      case OTHER -> AdministrativeGender.OTHER;
      case UNKNOWN -> AdministrativeGender.UNKNOWN;
    };
  }
}
