package org.carelens.simulators.pds;

import java.util.ArrayList;
import java.util.List;
import org.carelens.sdk.model.Gender;
import org.carelens.simulators.population.SyntheticPatient;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/** Builds the R4 resources PDS answers with. */
public final class PdsPatients {

  public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
  public static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

  /** PDS marks restricted patients with the HL7 v3 confidentiality code R. */
  public static final String CONFIDENTIALITY_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

  /** PDS codes a contact's relationship in HL7 v2-0131; {@code C} is "Emergency Contact". */
  public static final String CONTACT_RELATIONSHIP_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/v2-0131";

  public static final String SPINE_ERROR_SYSTEM =
      "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode";

  private static final String VERIFICATION_URL =
      "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";
  private static final String VERIFICATION_SYSTEM =
      "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus";

  private PdsPatients() {}

  /**
   * The patient as PDS returns them. For a restricted patient ({@code meta.security} R) PDS omits
   * address, telecom, registered practice and contacts, so they never leave the spine. An emergency
   * contact is, as on PDS, a relationship ({@code C}) and a telephone number, without a name.
   */
  public static Patient patient(SyntheticPatient source) {
    Patient patient = new Patient();
    patient.setId(source.nhsNumber().value());
    patient.getMeta().setVersionId("1");
    patient
        .getMeta()
        .addSecurity(
            new Coding(
                CONFIDENTIALITY_SYSTEM,
                source.restricted() ? "R" : "U",
                source.restricted() ? "restricted" : "unrestricted"));
    Identifier identifier =
        patient.addIdentifier().setSystem(NHS_NUMBER_SYSTEM).setValue(source.nhsNumber().value());
    identifier.addExtension(
        new Extension(
            VERIFICATION_URL,
            new CodeableConcept(
                new Coding(VERIFICATION_SYSTEM, "01", "Number present and verified"))));
    patient
        .addName()
        .setUse(HumanName.NameUse.USUAL)
        .setFamily(source.family())
        .addGiven(source.given())
        .addPrefix(source.title());
    patient.setGender(gender(source.gender()));
    patient.setBirthDateElement(new DateType(source.birthDate().toString()));
    source
        .deceasedDate()
        .ifPresent(date -> patient.setDeceased(new DateTimeType(date + "T00:00:00+00:00")));
    if (!source.restricted()) {
      List<String> lines = new ArrayList<>(source.address().lines());
      lines.add(source.address().city());
      Address address =
          patient
              .addAddress()
              .setUse(Address.AddressUse.HOME)
              .setPostalCode(source.address().postcode());
      lines.forEach(address::addLine);
      patient
          .addTelecom()
          .setSystem(ContactPoint.ContactPointSystem.PHONE)
          .setUse(
              source.telephone().startsWith("07")
                  ? ContactPoint.ContactPointUse.MOBILE
                  : ContactPoint.ContactPointUse.HOME)
          .setValue(source.telephone());
      source
          .emergencyContactTelephone()
          .ifPresent(
              number ->
                  patient
                      .addContact()
                      .addRelationship(
                          new CodeableConcept(
                              new Coding(CONTACT_RELATIONSHIP_SYSTEM, "C", "Emergency Contact")))
                      .addTelecom(
                          new ContactPoint()
                              .setSystem(ContactPoint.ContactPointSystem.PHONE)
                              .setValue(number)));
      patient.addGeneralPractitioner(
          new Reference()
              .setType("Organization")
              .setIdentifier(
                  new Identifier().setSystem(ODS_SYSTEM).setValue(source.practice().odsCode())));
    }
    return patient;
  }

  /** A PDS error: an OperationOutcome whose details carry a Spine error code. */
  public static OperationOutcome error(
      OperationOutcome.IssueType type, String code, String display, String diagnostics) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(type)
        .setDetails(new CodeableConcept(new Coding(SPINE_ERROR_SYSTEM, code, display)))
        .setDiagnostics(diagnostics);
    return outcome;
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
