package org.carelens.adapters.pds.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.HumanName;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Maps a PDS FHIR R4 Patient to a {@link PatientIdentity}. PDS marks restricted ("S-flag") patients
 * with {@code meta.security} code {@code R} (v3 Confidentiality) and removes their address, telecom
 * and practice (and its contacts); the flag is carried through so the gateway hides them
 * everywhere. {@code Patient.contact} (the emergency contact) is read into {@link
 * PatientIdentity#contacts()}.
 */
public final class PdsPatientMapper {

  public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
  public static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

  /** The ODS system older PDS examples give the registered practice under. */
  static final String LEGACY_ODS_SYSTEM =
      "https://digital.nhs.uk/services/organisation-data-service";

  /** HL7 v2-0131 contact roles PDS and UK Core use, for a coding sent without its display. */
  private static final Map<String, String> CONTACT_ROLES =
      Map.of("C", "Emergency Contact", "N", "Next-of-Kin", "U", "Unknown");

  private PdsPatientMapper() {}

  /**
   * @throws MalformedPatientException if the Patient is not this patient's or lacks what PDS always
   *     sends (name, birth date)
   */
  public static PatientIdentity map(Patient patient, NhsNumber requested)
      throws MalformedPatientException {
    boolean carriesNumber =
        patient.getIdentifier().stream()
            .anyMatch(
                i ->
                    NHS_NUMBER_SYSTEM.equals(i.getSystem())
                        && requested.value().equals(i.getValue()));
    if (!carriesNumber) {
      throw new MalformedPatientException(
          "the Patient does not carry the requested NHS number; the answer may be another"
              + " patient's and was discarded");
    }
    if (!patient.hasName() || !patient.getNameFirstRep().hasFamily()) {
      throw new MalformedPatientException("the Patient has no family name");
    }
    if (!patient.hasBirthDate()) {
      throw new MalformedPatientException("the Patient has no birth date");
    }
    boolean restricted = patient.getMeta().getSecurity().stream().anyMatch(c -> isRestricted(c));
    org.hl7.fhir.r4.model.HumanName name = usualName(patient.getName());
    LocalDate birthDate;
    try {
      birthDate = LocalDate.parse(patient.getBirthDateElement().getValueAsString());
    } catch (java.time.format.DateTimeParseException partial) {
      throw new MalformedPatientException("the Patient's birth date is not a full date");
    }
    return new PatientIdentity(
        requested,
        new HumanName(
            name.getFamily().strip(),
            name.getGiven().stream().map(StringType::getValue).toList(),
            name.getPrefix().stream().map(StringType::getValue).findFirst()),
        birthDate,
        gender(patient),
        // Defence in depth: even if a restricted Patient carried them, they are not passed on.
        restricted ? Optional.empty() : address(patient.getAddress()),
        restricted ? Optional.empty() : telephone(patient.getTelecom()),
        restricted ? Optional.empty() : practice(patient.getGeneralPractitioner()),
        deceased(patient),
        restricted,
        // PDS withholds a restricted patient's contacts with the rest of their whereabouts.
        restricted ? List.of() : contacts(patient.getContact()));
  }

  /**
   * {@code Patient.contact}: on PDS the emergency contact, a relationship (v2-0131 {@code C},
   * "Emergency Contact") and a telephone number, with the period it is valid for. UK Core also
   * allows a name, kept where present. A contact with neither a name nor a telephone number gives
   * nobody to call and is left out.
   */
  static List<PatientIdentity.Contact> contacts(List<Patient.ContactComponent> contacts) {
    List<PatientIdentity.Contact> mapped = new ArrayList<>();
    for (Patient.ContactComponent c : contacts) {
      Optional<String> name = c.hasName() ? contactName(c.getName()) : Optional.empty();
      Optional<String> telephone = telephone(c.getTelecom());
      if (name.isEmpty() && telephone.isEmpty()) {
        continue;
      }
      mapped.add(
          new PatientIdentity.Contact(
              relationship(c.getRelationship()),
              name,
              telephone,
              c.getPeriod().hasStart() ? day(c.getPeriod().getStartElement()) : Optional.empty(),
              c.getPeriod().hasEnd() ? day(c.getPeriod().getEndElement()) : Optional.empty()));
    }
    return List.copyOf(mapped);
  }

  /** The relationship's words: its display, else its text, else the v2-0131 code's meaning. */
  private static Optional<String> relationship(List<CodeableConcept> relationships) {
    for (CodeableConcept relationship : relationships) {
      for (Coding coding : relationship.getCoding()) {
        if (coding.hasDisplay() && !coding.getDisplay().isBlank()) {
          return Optional.of(coding.getDisplay().strip());
        }
      }
      if (relationship.hasText() && !relationship.getText().isBlank()) {
        return Optional.of(relationship.getText().strip());
      }
      for (Coding coding : relationship.getCoding()) {
        String words = coding.hasCode() ? CONTACT_ROLES.get(coding.getCode().strip()) : null;
        if (words != null) {
          return Optional.of(words);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> contactName(org.hl7.fhir.r4.model.HumanName name) {
    if (name.hasText() && !name.getText().isBlank()) {
      return Optional.of(name.getText().strip());
    }
    List<String> parts = new ArrayList<>();
    name.getPrefix().forEach(p -> parts.add(p.getValue().strip()));
    name.getGiven().forEach(g -> parts.add(g.getValue().strip()));
    if (name.hasFamily()) {
      parts.add(name.getFamily().strip());
    }
    String joined = String.join(" ", parts.stream().filter(p -> !p.isEmpty()).toList());
    return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
  }

  private static Optional<LocalDate> day(DateTimeType when) {
    String value = when.getValueAsString();
    if (value == null || value.length() < 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.substring(0, 10)));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * R (restricted) and V (very restricted) both mean the patient's whereabouts are protected. PDS
   * has published the label under more than one system: v3 Confidentiality today, and {@code
   * https://www.hl7.org/fhir/valueset-security-labels.html} in earlier versions of its own
   * examples. A restricted flag must never be missed for its system's spelling, so the code decides
   * whatever the system (or none) it comes with.
   */
  private static boolean isRestricted(Coding coding) {
    String code = coding.getCode() == null ? "" : coding.getCode().strip();
    return "R".equals(code) || "V".equals(code);
  }

  private static org.hl7.fhir.r4.model.HumanName usualName(
      List<org.hl7.fhir.r4.model.HumanName> names) {
    return names.stream()
        .filter(n -> n.getUse() == org.hl7.fhir.r4.model.HumanName.NameUse.USUAL && n.hasFamily())
        .findFirst()
        .orElse(names.getFirst());
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

  private static Optional<String> address(List<Address> addresses) {
    return addresses.stream()
        .filter(a -> a.getUse() == null || a.getUse() == Address.AddressUse.HOME)
        .findFirst()
        .map(
            a -> {
              List<String> parts = new ArrayList<>();
              a.getLine().forEach(l -> parts.add(l.getValue().strip()));
              if (a.hasCity()) {
                parts.add(a.getCity().strip());
              }
              if (a.hasPostalCode()) {
                parts.add(a.getPostalCode().strip());
              }
              return String.join(", ", parts);
            })
        .filter(s -> !s.isBlank());
  }

  private static Optional<String> telephone(List<ContactPoint> telecom) {
    return telecom.stream()
        .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE && t.hasValue())
        .sorted(Comparator.comparing(t -> t.getUse() == ContactPoint.ContactPointUse.HOME ? 0 : 1))
        .map(ContactPoint::getValue)
        .findFirst();
  }

  private static Optional<String> practice(List<Reference> generalPractitioner) {
    return generalPractitioner.stream()
        .filter(
            r ->
                r.hasIdentifier()
                    && (ODS_SYSTEM.equals(r.getIdentifier().getSystem())
                        || LEGACY_ODS_SYSTEM.equals(r.getIdentifier().getSystem())))
        .map(r -> r.getIdentifier().getValue())
        .filter(v -> v != null && !v.isBlank())
        .findFirst();
  }

  private static Optional<LocalDate> deceased(Patient patient) {
    if (patient.hasDeceasedDateTimeType()) {
      DateTimeType when = patient.getDeceasedDateTimeType();
      return Optional.of(LocalDate.parse(when.getValueAsString().substring(0, 10)));
    }
    return Optional.empty();
  }
}
