package org.carelens.sdk.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who the patient is, as one source records it. Sources can disagree (a changed surname, an old
 * address); the gateway compares them and never silently picks one.
 *
 * @param registeredPracticeOds the ODS code of the registered GP practice
 * @param deceasedDate set when the source records the patient as deceased
 * @param restricted the demographics spine's "S-flag": address, telephone, practice and contacts
 *     must be hidden
 * @param contacts people to contact about the patient (FHIR {@code Patient.contact}: on the spine,
 *     the emergency contact), in the source's order; empty when the source records none, and always
 *     for a restricted patient
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
    boolean restricted,
    List<Contact> contacts) {

  public PatientIdentity {
    Objects.requireNonNull(nhsNumber, "nhsNumber");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(gender, "gender");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(telephone, "telephone");
    Objects.requireNonNull(registeredPracticeOds, "registeredPracticeOds");
    Objects.requireNonNull(deceasedDate, "deceasedDate");
    contacts = List.copyOf(contacts);
  }

  /** An identity without contacts: what every source but the spine records. */
  public PatientIdentity(
      NhsNumber nhsNumber,
      HumanName name,
      LocalDate birthDate,
      Gender gender,
      Optional<String> address,
      Optional<String> telephone,
      Optional<String> registeredPracticeOds,
      Optional<LocalDate> deceasedDate,
      boolean restricted) {
    this(
        nhsNumber,
        name,
        birthDate,
        gender,
        address,
        telephone,
        registeredPracticeOds,
        deceasedDate,
        restricted,
        List.of());
  }

  /**
   * Someone to contact about the patient: a next of kin, an emergency contact, a carer.
   *
   * @param relationship the relationship as the source words it, e.g. "Emergency Contact",
   *     "Next-of- Kin"; empty when the source gives none
   * @param name the contact's name as written, e.g. "Susan Jones"; empty when the source gives none
   *     (the spine records only a telephone number for an emergency contact)
   * @param telephone the contact's telephone number as written
   * @param start when the contact became valid, where the source says
   * @param end when the contact stopped being valid, where the source says; a past date means the
   *     contact is no longer current
   */
  public record Contact(
      Optional<String> relationship,
      Optional<String> name,
      Optional<String> telephone,
      Optional<LocalDate> start,
      Optional<LocalDate> end) {

    public Contact {
      Objects.requireNonNull(relationship, "relationship");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(telephone, "telephone");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }
  }
}
