package org.carelens.simulators.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.NhsNumber;

/**
 * One synthetic patient. The name, address and telephone are the demographics spine's (PDS) current
 * values; where the GP practice still holds older details, {@link #familyAtGp()} and {@link
 * #addressAtGp()} say what it holds.
 *
 * @param gpDissent the patient has dissented from sharing at their GP practice: GP Connect answers
 *     {@code NO_PATIENT_CONSENT} for them
 * @param deceasedDate set for patients the spine records as deceased
 * @param restricted the spine's "S-flag": PDS removes address, telecom and registered practice
 * @param staleFamilyAtGp a previous surname the GP practice has not yet updated
 * @param staleAddressAtGp a previous address the GP practice has not yet updated
 * @param problems the GP problem list, including sensitive and confidential entries
 * @param dischargeMedicationId the id of one of {@link #prescriptions()} that a hospital discharge
 *     also lists, so the same medication appears at two sources (see {@link
 *     #medicationAlsoOnDischarge()})
 * @param dischargeDose the dose the hospital discharge gives that medication where the admission
 *     changed it (e.g. metformin reduced for falling renal function); empty when the discharge
 *     continues the GP's dose
 * @param emergencyContactTelephone the emergency contact's telephone number the spine holds (PDS
 *     {@code Patient.contact}, relationship "Emergency Contact"); PDS removes it for a restricted
 *     patient
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
    boolean gpDissent,
    Optional<LocalDate> deceasedDate,
    boolean restricted,
    Optional<String> staleFamilyAtGp,
    Optional<Address> staleAddressAtGp,
    List<Problem> problems,
    Optional<String> dischargeMedicationId,
    Optional<String> dischargeDose,
    Optional<String> emergencyContactTelephone) {

  /** Scenario tag: the patient dissented from sharing at their GP practice. */
  public static final String DISSENT_GP = "dissent:gp";

  /** Scenario tag: the spine's S-flag is set. */
  public static final String RESTRICTED = "restricted";

  /** Scenario tag: the record holds sensitive (labelled or confidential) items. */
  public static final String SENSITIVE = "sensitive";

  /** Scenario tag: the GP practice's demographics differ from the spine's. */
  public static final String DISCREPANCY = "discrepancy";

  /** Scenario tag: the spine records the patient as deceased. */
  public static final String DECEASED = "deceased";

  /** Scenario tag: the same medication is on the GP record and a hospital discharge. */
  public static final String DUPLICATE_MEDICATION = "duplicate-medication";

  /** Scenario tag: the hospital discharge lists a GP repeat medication at a different dose. */
  public static final String DOSE_CHANGE = "dose-change";

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
    Objects.requireNonNull(deceasedDate, "deceasedDate");
    Objects.requireNonNull(staleFamilyAtGp, "staleFamilyAtGp");
    Objects.requireNonNull(staleAddressAtGp, "staleAddressAtGp");
    problems = List.copyOf(problems);
    Objects.requireNonNull(dischargeMedicationId, "dischargeMedicationId");
    Objects.requireNonNull(dischargeDose, "dischargeDose");
    Objects.requireNonNull(emergencyContactTelephone, "emergencyContactTelephone");
    if (dischargeMedicationId.isPresent()
        && prescriptions.stream().noneMatch(p -> p.id().equals(dischargeMedicationId.get()))) {
      throw new IllegalArgumentException(
          "patient %s: discharge medication %s is not one of their prescriptions"
              .formatted(nhsNumber.masked(), dischargeMedicationId.get()));
    }
    if (dischargeDose.isPresent()) {
      String changed = dischargeDose.get();
      Prescription onDischarge =
          prescriptions.stream()
              .filter(p -> dischargeMedicationId.map(p.id()::equals).orElse(false))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "patient %s: a discharge dose needs a discharge medication"
                              .formatted(nhsNumber.masked())));
      if (onDischarge.dosageText().equals(changed)) {
        throw new IllegalArgumentException(
            "patient %s: discharge dose '%s' is the GP's dose, not a change"
                .formatted(nhsNumber.masked(), changed));
      }
    }
    if (deceasedDate.isPresent() && deceasedDate.get().isBefore(birthDate)) {
      throw new IllegalArgumentException(
          "patient %s died before they were born".formatted(nhsNumber.masked()));
    }
  }

  /** A patient without an emergency contact on the spine. */
  public SyntheticPatient(
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
      boolean gpDissent,
      Optional<LocalDate> deceasedDate,
      boolean restricted,
      Optional<String> staleFamilyAtGp,
      Optional<Address> staleAddressAtGp,
      List<Problem> problems,
      Optional<String> dischargeMedicationId,
      Optional<String> dischargeDose) {
    this(
        nhsNumber,
        title,
        given,
        family,
        birthDate,
        gender,
        address,
        telephone,
        practice,
        allergies,
        prescriptions,
        gpDissent,
        deceasedDate,
        restricted,
        staleFamilyAtGp,
        staleAddressAtGp,
        problems,
        dischargeMedicationId,
        dischargeDose,
        Optional.empty());
  }

  /** A living, unrestricted patient whose GP and spine details agree, with no problem list. */
  public SyntheticPatient(
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
    this(
        nhsNumber,
        title,
        given,
        family,
        birthDate,
        gender,
        address,
        telephone,
        practice,
        allergies,
        prescriptions,
        gpDissent,
        Optional.empty(),
        false,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }

  /** The name as the NHS Common User Interface shows it: {@code JONES, Margaret (Mrs)}. */
  public String displayName() {
    return family.toUpperCase(Locale.UK) + ", " + given + " (" + title + ")";
  }

  /** The surname the GP practice holds. */
  public String familyAtGp() {
    return staleFamilyAtGp.orElse(family);
  }

  /** The address the GP practice holds. */
  public Address addressAtGp() {
    return staleAddressAtGp.orElse(address);
  }

  /**
   * The GP prescription a hospital discharge also lists: the acute simulator puts this medicine
   * (same dm+d concept; the same dose, or {@link #dischargeDose()} where the admission changed it)
   * on the patient's most recent discharge, so merging sees one medication from two sources.
   */
  public Optional<Prescription> medicationAlsoOnDischarge() {
    return dischargeMedicationId.flatMap(
        id -> prescriptions.stream().filter(p -> p.id().equals(id)).findFirst());
  }

  /** Whether the GP record holds a sensitive problem (shared with a label, or confidential). */
  public boolean hasSensitiveItems() {
    return problems.stream().anyMatch(p -> p.sensitivity().isPresent());
  }

  /**
   * The scenario tags that follow from the population itself, in a fixed order. Sources that decide
   * for themselves whom they know add their own tags (see the launcher).
   */
  public List<String> scenarios() {
    List<String> tags = new ArrayList<>();
    if (gpDissent) {
      tags.add(DISSENT_GP);
    }
    if (restricted) {
      tags.add(RESTRICTED);
    }
    if (hasSensitiveItems()) {
      tags.add(SENSITIVE);
    }
    if (staleFamilyAtGp.isPresent() || staleAddressAtGp.isPresent()) {
      tags.add(DISCREPANCY);
    }
    if (deceasedDate.isPresent()) {
      tags.add(DECEASED);
    }
    if (dischargeDose.isPresent()) {
      tags.add(DOSE_CHANGE);
    } else if (dischargeMedicationId.isPresent()) {
      tags.add(DUPLICATE_MEDICATION);
    }
    return List.copyOf(tags);
  }
}
