package org.carelens.simulators.mentalhealth;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.carelens.simulators.population.SyntheticPatient;

/**
 * What the trust holds for one client, before it is written as XML.
 *
 * @param rioId the trust's own client identifier
 * @param cpa whether the client is on the Care Programme Approach (a care coordinator and a
 *     reviewed care plan) or not (a lead professional)
 */
record ClientSummary(
    SyntheticPatient patient,
    String rioId,
    CareCoordinator coordinator,
    boolean cpa,
    LocalDate cpaLastReview,
    LocalDate cpaNextReview,
    List<RiskFlag> risks,
    List<Diagnosis> diagnoses,
    List<Contact> contacts,
    List<Note> notes) {

  ClientSummary {
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(rioId, "rioId");
    Objects.requireNonNull(coordinator, "coordinator");
    risks = List.copyOf(risks);
    diagnoses = List.copyOf(diagnoses);
    contacts = List.copyOf(contacts);
    notes = List.copyOf(notes);
  }

  /** The care coordinator (CPA) or lead professional (non-CPA). */
  record CareCoordinator(
      String staffId, String name, String profession, String team, String phone, LocalDate from) {}

  /** A risk flag; {@code category} is one of SELF_HARM, SUICIDE, HARM_TO_OTHERS. */
  record RiskFlag(
      String id,
      String category,
      String snomedCode,
      String display,
      boolean active,
      LocalDate recorded) {}

  /** A diagnosis coded in both ICD-10 (as the trust reports it) and SNOMED CT. */
  record Diagnosis(
      String id,
      String icd10,
      String icd10Display,
      String snomedCode,
      String snomedDisplay,
      boolean primary,
      String status,
      LocalDate diagnosed) {}

  /** A contact; {@code setting} is one of COMMUNITY, OUTPATIENT, TELEPHONE, INPATIENT, CRISIS. */
  record Contact(
      String id,
      String setting,
      String snomedCode,
      String display,
      LocalDate date,
      Optional<LocalDate> endDate,
      String clinician,
      String location,
      String outcome) {}

  /** A clinical note; always marked sensitive, as mental health progress notes are. */
  record Note(String id, LocalDate date, String author, String title, String text) {}
}
