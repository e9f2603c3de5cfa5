package org.carelens.simulators.acute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.acute.AcuteCatalogue.Admission;
import org.carelens.simulators.acute.AcuteCatalogue.Attendance;
import org.carelens.simulators.acute.AcuteCatalogue.Clinic;
import org.carelens.simulators.acute.AcuteCatalogue.Panel;
import org.carelens.simulators.acute.AcuteCatalogue.Test;
import org.carelens.simulators.population.Allergies;
import org.carelens.simulators.population.Allergy;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.Prescription;
import org.carelens.simulators.population.Problem;
import org.carelens.simulators.population.SyntheticPatient;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Derives the trust's record for a patient, deterministically: every choice comes from a {@link
 * Random} seeded from the population seed, the NHS number and this source, and every date is
 * relative to {@link Population#referenceDate()}. The record is one Bundle holding all the
 * patient's resources, the same shape as an acute fixture, so generated and replayed records are
 * searched alike.
 *
 * <p>What a known patient gets: one to two emergency department attendances; an emergency admission
 * (always for the showcase patient and for patients whose GP medication is also on a discharge, at
 * the GP's dose or, for the dose-change scenario, a changed one) with discharge diagnosis, method,
 * destination, medication on discharge, a discharge summary and a planned follow-up clinic; a past
 * outpatient clinic with its letter; renal, full blood count, liver and sometimes HbA1c results
 * with ranges and flags; allergies that agree with the GP's or, for some patients with "no known
 * allergies" at the practice, conflict with it; and for some patients (the showcase patient too) a
 * sexual health clinic attendance and an HIV screen, labelled in {@code meta.security}.
 *
 * <p>Times: attendances, admissions, discharges and clinic appointments carry their time of day in
 * UK local time with its offset ({@code 2024-03-12T23:50:00+00:00}), as a PAS records them; the
 * showcase patient's admission is at 23:50, after hours. Planned follow-ups and the sexual health
 * attendance stay dates only, so both forms are served. Times come from their own seeded {@link
 * Random}, so adding them changed none of the dates or values the record had before.
 */
public final class AcuteRecords {

  public static final String TRUST_ODS = "RXX";
  public static final String TRUST_NAME = "Riverside University Hospitals NHS Trust";

  /** Share of the population known to the trust (the showcase patient always is). */
  static final int KNOWN_PERCENT = 70;

  static final int SENSITIVE_PERCENT = 10;
  static final int CONFLICTING_ALLERGY_PERCENT = 30;

  static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
  static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
  static final String SNOMED = "http://snomed.info/sct";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String INTERPRETATION =
      "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

  private static final long SOURCE_SALT = 0x6163757465L; // "acute"

  /** The showcase patient's admission: late evening, when the time matters out of hours. */
  static final LocalTime SHOWCASE_ADMITTED_AT = LocalTime.of(23, 50);

  static final LocalTime SHOWCASE_DISCHARGED_AT = LocalTime.of(11, 30);

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final DateTimeFormatter FHIR_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private AcuteRecords() {}

  /**
   * Whether the trust holds a record for this patient: the showcase patient, every patient whose GP
   * medication is also on a hospital discharge, and about {@value #KNOWN_PERCENT}% of the rest.
   */
  public static boolean knownToAcute(Population population, NhsNumber nhsNumber) {
    Optional<SyntheticPatient> patient = population.find(nhsNumber);
    if (patient.isEmpty()) {
      return false;
    }
    if (nhsNumber.value().equals(Population.SHOWCASE_NHS_NUMBER)
        || patient.get().dischargeMedicationId().isPresent()) {
      return true;
    }
    return new Random(seed(population, nhsNumber, 1)).nextInt(100) < KNOWN_PERCENT;
  }

  /**
   * Whether the trust's record holds labelled sensitive items (a sexual health attendance and an
   * HIV screen): the showcase patient and about {@value #SENSITIVE_PERCENT}% of known patients.
   */
  public static boolean hasSensitiveItems(Population population, NhsNumber nhsNumber) {
    return knownToAcute(population, nhsNumber)
        && (nhsNumber.value().equals(Population.SHOWCASE_NHS_NUMBER)
            || new Random(seed(population, nhsNumber, 4)).nextInt(100) < SENSITIVE_PERCENT);
  }

  /**
   * The opaque key that prefixes every resource id in a patient's record, so a Binary read can find
   * its patient without an index. Stable for a population seed; reveals nothing.
   */
  static String patientKey(Population population, NhsNumber nhsNumber) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest(
              (population.seed() + ":" + nhsNumber.value() + ":acute")
                  .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** The patient's whole record as a collection Bundle. */
  static Bundle record(Population population, SyntheticPatient patient) {
    return new Builder(population, patient).build();
  }

  private static long seed(Population population, NhsNumber nhsNumber, int purpose) {
    return population.seed() * 1_000_003L
        ^ Long.parseLong(nhsNumber.value()) * 31L
        ^ SOURCE_SALT
        ^ purpose * 0x9E3779B97F4A7C15L;
  }

  /** Builds one record; not thread-safe, one per call. */
  private static final class Builder {
    private final Population population;
    private final SyntheticPatient patient;
    private final Random random;
    private final Random clock;
    private final LocalDate today;
    private final String key;
    private final boolean showcase;
    private final List<Resource> resources = new ArrayList<>();
    private final Reference patientRef;
    private int counter;

    Builder(Population population, SyntheticPatient patient) {
      this.population = population;
      this.patient = patient;
      this.random = new Random(seed(population, patient.nhsNumber(), 2));
      this.clock = new Random(seed(population, patient.nhsNumber(), 5));
      this.today = population.referenceDate();
      this.key = patientKey(population, patient.nhsNumber());
      this.showcase = patient.nhsNumber().value().equals(Population.SHOWCASE_NHS_NUMBER);
      this.patientRef =
          new Reference("Patient/" + key + "-patient")
              .setIdentifier(
                  new Identifier()
                      .setSystem(NHS_NUMBER_SYSTEM)
                      .setValue(patient.nhsNumber().value()))
              .setDisplay(patient.given() + " " + patient.family());
    }

    Bundle build() {
      patient();
      allergies();
      problemFromGp();
      for (int i = 0; i < 1 + random.nextInt(2); i++) {
        attendance(today.minusDays(30 + random.nextInt(700)));
      }
      if (showcase || patient.dischargeMedicationId().isPresent() || random.nextBoolean()) {
        admission(today.minusDays(20 + random.nextInt(300)));
      }
      clinic(today.minusDays(60 + random.nextInt(500)));
      if (hasSensitiveItems(population, patient.nhsNumber())) {
        sexualHealth(today.minusDays(90 + random.nextInt(400)));
      }
      Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
      bundle.setId(key + "-record");
      for (Resource resource : resources) {
        bundle
            .addEntry()
            .setFullUrl(resource.fhirType() + "/" + resource.getIdElement().getIdPart())
            .setResource(resource);
      }
      return bundle;
    }

    private String id(String kind) {
      return key + "-" + kind + "-" + (++counter);
    }

    private <R extends Resource> R add(R resource, String kind, String profile) {
      resource.setId(id(kind));
      resource
          .getMeta()
          .addProfile("https://fhir.hl7.org.uk/StructureDefinition/UKCore-" + profile);
      resources.add(resource);
      return resource;
    }

    private void patient() {
      Patient p = new Patient();
      p.setId(key + "-patient");
      p.getMeta().addProfile("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient");
      p.addIdentifier().setSystem(NHS_NUMBER_SYSTEM).setValue(patient.nhsNumber().value());
      p.addName()
          .setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL)
          .setFamily(patient.family())
          .addGiven(patient.given())
          .addPrefix(patient.title());
      p.setBirthDateElement(new DateType(patient.birthDate().toString()));
      p.setGender(
          switch (patient.gender()) {
            case MALE -> Enumerations.AdministrativeGender.MALE;
            case FEMALE -> Enumerations.AdministrativeGender.FEMALE;
            case OTHER -> Enumerations.AdministrativeGender.OTHER;
            default -> Enumerations.AdministrativeGender.UNKNOWN;
          });
      if (!patient.restricted()) {
        org.hl7.fhir.r4.model.Address address =
            p.addAddress()
                .setCity(patient.address().city())
                .setPostalCode(patient.address().postcode());
        patient.address().lines().forEach(address::addLine);
        p.addTelecom()
            .setSystem(ContactPoint.ContactPointSystem.PHONE)
            .setValue(patient.telephone())
            .setUse(ContactPoint.ContactPointUse.HOME);
        p.addGeneralPractitioner()
            .setIdentifier(
                new Identifier().setSystem(ODS_SYSTEM).setValue(patient.practice().odsCode()))
            .setDisplay(patient.practice().name());
      } else {
        // The trust's PAS mirrors the spine's S-flag: address, telecom and practice withheld.
        p.getMeta()
            .addSecurity(
                "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", "restricted");
      }
      patient.deceasedDate().ifPresent(d -> p.setDeceased(new DateTimeType(d.toString())));
      resources.add(p);
    }

    /**
     * The trust records what the patient tells the admitting team: the GP's active allergy (so the
     * two sources agree and merge), or "no known allergies" - except for some patients the GP
     * records as having none, where the ward recorded a penicillin allergy (a conflict to flag).
     */
    private void allergies() {
      Allergies gp = patient.allergies();
      if (gp.state() == Allergies.State.RECORDED) {
        Allergy first = gp.active().getFirst();
        allergy(first.concept(), first.manifestation(), first.onsetDate());
      } else if (gp.state() == Allergies.State.NO_KNOWN_ALLERGIES
          && random.nextInt(100) < CONFLICTING_ALLERGY_PERCENT) {
        allergy(
            AcuteCatalogue.PENICILLIN_ALLERGY,
            AcuteCatalogue.URTICARIA,
            today.minusDays(100 + random.nextInt(800)));
      } else if (random.nextBoolean() || gp.state() == Allergies.State.NO_KNOWN_ALLERGIES) {
        AllergyIntolerance nka = add(new AllergyIntolerance(), "allergy", "AllergyIntolerance");
        nka.setClinicalStatus(
            concept(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                "active",
                "Active"));
        nka.setVerificationStatus(
            concept(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
                "confirmed",
                "Confirmed"));
        nka.setCode(concept(AcuteCatalogue.NO_KNOWN_ALLERGY));
        nka.setPatient(patientRef);
        nka.setRecordedDateElement(
            new DateTimeType(today.minusDays(30 + random.nextInt(300)).toString()));
      }
    }

    private void allergy(CodedConcept substance, CodedConcept reaction, LocalDate onset) {
      AllergyIntolerance a = add(new AllergyIntolerance(), "allergy", "AllergyIntolerance");
      a.setClinicalStatus(
          concept(
              "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
              "active",
              "Active"));
      a.setVerificationStatus(
          concept(
              "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
              "confirmed",
              "Confirmed"));
      a.setType(AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
      a.setCode(concept(substance));
      a.setPatient(patientRef);
      a.setOnset(new DateTimeType(onset.toString()));
      a.setRecordedDateElement(new DateTimeType(onset.plusDays(1 + random.nextInt(60)).toString()));
      a.addReaction()
          .addManifestation(concept(reaction))
          .setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE);
    }

    /** A long-term problem the GP also holds, recorded on the hospital's problem list too. */
    private void problemFromGp() {
      patient.problems().stream()
          .filter(p -> p.status() == Problem.Status.ACTIVE && p.sensitivity().isEmpty())
          .findFirst()
          .ifPresent(
              p -> {
                Condition c = condition(p.concept(), "problem-list-item", "active", p.onsetDate());
                c.setRecordedDateElement(new DateTimeType(today.minusDays(200).toString()));
              });
    }

    private Condition condition(
        CodedConcept code, String category, String status, LocalDate onset) {
      Condition c = add(new Condition(), "condition", "Condition");
      c.setClinicalStatus(
          concept(
              "http://terminology.hl7.org/CodeSystem/condition-clinical",
              status,
              status.substring(0, 1).toUpperCase() + status.substring(1)));
      c.setVerificationStatus(
          concept(
              "http://terminology.hl7.org/CodeSystem/condition-ver-status",
              "confirmed",
              "Confirmed"));
      c.addCategory(
          concept(
              "http://terminology.hl7.org/CodeSystem/condition-category",
              category,
              category.equals("problem-list-item") ? "Problem List Item" : "Encounter Diagnosis"));
      c.setCode(concept(code));
      c.setSubject(patientRef);
      c.setOnset(new DateTimeType(onset.toString()));
      c.setRecordedDateElement(new DateTimeType(onset.toString()));
      return c;
    }

    /** An encounter dated to the day only. */
    private Encounter encounter(
        String classCode, String classDisplay, CodedConcept type, LocalDate start, LocalDate end) {
      return encounter(
          classCode,
          classDisplay,
          type,
          new DateTimeType(start.toString()),
          end == null ? null : new DateTimeType(end.toString()));
    }

    private Encounter encounter(
        String classCode,
        String classDisplay,
        CodedConcept type,
        DateTimeType start,
        DateTimeType end) {
      Encounter e = add(new Encounter(), "encounter", "Encounter");
      e.setStatus(
          end == null ? Encounter.EncounterStatus.PLANNED : Encounter.EncounterStatus.FINISHED);
      e.setClass_(new Coding(ACT_CODE, classCode, classDisplay));
      e.addType(concept(type));
      e.setSubject(patientRef);
      Period period = new Period().setStartElement(start);
      if (end != null) {
        period.setEndElement(end);
      }
      e.setPeriod(period);
      e.setServiceProvider(trust());
      return e;
    }

    private void attendance(LocalDate date) {
      Attendance what =
          AcuteCatalogue.ATTENDANCES.get(random.nextInt(AcuteCatalogue.ATTENDANCES.size()));
      // Arrival at any hour up to 19:59, and four hours or less in the department, so the
      // attendance ends on the day it started, as before times were added.
      LocalTime arrived = LocalTime.of(clock.nextInt(20), clock.nextInt(60));
      LocalTime left = arrived.plusMinutes(60 + clock.nextInt(180));
      Encounter e =
          encounter(
              "EMER", "emergency", AcuteCatalogue.ED_VISIT, at(date, arrived), at(date, left));
      e.addReasonCode(concept(what.complaint()));
      e.addLocation()
          .setLocation(
              new Reference().setDisplay("Emergency Department, Riverside General Hospital"));
      e.addParticipant().setIndividual(new Reference().setDisplay(clinician()));
      Condition diagnosis = condition(what.diagnosis(), "encounter-diagnosis", "resolved", date);
      diagnosis.setEncounter(reference(e));
      e.addDiagnosis()
          .setCondition(reference(diagnosis).setDisplay(what.diagnosis().display()))
          .setUse(
              concept(
                  "http://terminology.hl7.org/CodeSystem/diagnosis-role",
                  "DD",
                  "Discharge diagnosis"));
      e.getHospitalization().setDischargeDisposition(destination());
      panel(AcuteCatalogue.FBC, date, e);
    }

    private void admission(LocalDate admitted) {
      Admission what =
          AcuteCatalogue.ADMISSIONS.get(random.nextInt(AcuteCatalogue.ADMISSIONS.size()));
      boolean penicillinAllergic =
          resources.stream()
              .anyMatch(
                  r ->
                      r instanceof AllergyIntolerance a
                          && a.getCode()
                              .getCodingFirstRep()
                              .getCode()
                              .equals(AcuteCatalogue.PENICILLIN_ALLERGY.code()));
      if (what.startedIsPenicillin() && penicillinAllergic) {
        what = AcuteCatalogue.ADMISSIONS.get(1);
      }
      LocalDate discharged = admitted.plusDays(2 + random.nextInt(8));
      String consultant = clinician();
      LocalTime admittedAt =
          showcase ? SHOWCASE_ADMITTED_AT : LocalTime.of(clock.nextInt(24), clock.nextInt(60));
      LocalTime dischargedAt =
          showcase
              ? SHOWCASE_DISCHARGED_AT
              : LocalTime.of(10 + clock.nextInt(8), 5 * clock.nextInt(12));
      Encounter e =
          encounter(
              "IMP",
              "inpatient encounter",
              AcuteCatalogue.HOSPITAL_ADMISSION,
              at(admitted, admittedAt),
              at(discharged, dischargedAt));
      e.addReasonCode(concept(what.reason()));
      e.addLocation()
          .setLocation(new Reference().setDisplay(what.ward() + ", Riverside General Hospital"));
      e.addParticipant().setIndividual(new Reference().setDisplay(consultant));
      e.getHospitalization()
          .addExtension(
              "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AdmissionMethod",
              concept(
                  "https://fhir.hl7.org.uk/CodeSystem/UKCore-AdmissionMethodEngland",
                  "21",
                  "Emergency Admission: Emergency Care Department or dental casualty department of the Health Care Provider"));
      e.addExtension(
          "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-DischargeMethod",
          concept(
              "https://fhir.hl7.org.uk/CodeSystem/UKCore-DischargeMethodEngland",
              "1",
              "Patient discharged on clinical advice or with clinical consent"));
      e.getHospitalization().setDischargeDisposition(destination());
      Condition diagnosis = condition(what.diagnosis(), "encounter-diagnosis", "active", admitted);
      diagnosis.setEncounter(reference(e));
      e.addDiagnosis()
          .setCondition(reference(diagnosis).setDisplay(what.diagnosis().display()))
          .setUse(
              concept(
                  "http://terminology.hl7.org/CodeSystem/diagnosis-role",
                  "DD",
                  "Discharge diagnosis"));
      LocalDate followUpDate = discharged.plusDays(28 + random.nextInt(28));
      Encounter followUp =
          encounter("AMB", "ambulatory", AcuteCatalogue.FOLLOW_UP, followUpDate, null);
      followUp.setServiceType(new CodeableConcept().setText(what.followUpClinic()));
      followUp.getTypeFirstRep().setText(what.followUpClinic() + " follow-up");
      followUp.setPartOf(reference(e));

      List<String> medicationLines = new ArrayList<>();
      Optional<Prescription> fromGp = patient.medicationAlsoOnDischarge();
      if (fromGp.isPresent()) {
        Prescription p = fromGp.get();
        // The same dm+d concept as the GP's repeat: one medicine, two sources. Its dose is the
        // GP's, or for the dose-change scenario the one this admission changed it to.
        Optional<String> changed = patient.dischargeDose();
        String dose = changed.orElse(p.dosageText());
        dischargeMedication(
            p.medicine(),
            dose,
            discharged,
            changed.isPresent()
                ? "Medication on discharge: dose changed this admission (was: "
                    + p.dosageText()
                    + ")"
                : "Medication on discharge: continue as before admission",
            e);
        medicationLines.add(
            p.medicine().display()
                + " - "
                + dose
                + (changed.isPresent() ? " (dose changed)" : " (continue)"));
      }
      dischargeMedication(
          what.started(),
          what.startedDose(),
          discharged,
          "Medication on discharge: started this admission",
          e);
      medicationLines.add(what.started().display() + " - " + what.startedDose() + " (new)");

      panel(AcuteCatalogue.RENAL, admitted, e);
      panel(AcuteCatalogue.FBC, admitted, e);
      panel(AcuteCatalogue.LFT, admitted, e);
      if (random.nextInt(3) == 0 || showcase) {
        panel(AcuteCatalogue.HBA1C, admitted.plusDays(1), e);
      }
      String html =
          """
          <html><head><title>Discharge summary</title></head><body>
          <h1>Discharge summary</h1>
          <p>%s, Riverside General Hospital. Consultant: %s.</p>
          <p>Admitted %s (emergency), discharged %s to usual place of residence.</p>
          <h2>Presenting complaint</h2><p>%s</p>
          <h2>Diagnosis</h2><p>%s (SNOMED CT %s)</p>
          <h2>Medication on discharge</h2><ul>%s</ul>
          <h2>Follow-up</h2><p>%s on %s. GP: please review renal function in two weeks.</p>
          </body></html>
          """
              .formatted(
                  what.ward(),
                  consultant,
                  admitted,
                  discharged,
                  what.reason().display(),
                  what.diagnosis().display(),
                  what.diagnosis().code(),
                  String.join("", medicationLines.stream().map(l -> "<li>" + l + "</li>").toList()),
                  what.followUpClinic(),
                  followUpDate);
      document(
          AcuteCatalogue.DISCHARGE_SUMMARY,
          "Discharge summary - " + what.diagnosis().display(),
          discharged,
          consultant,
          "text/html",
          html,
          e,
          List.of());
    }

    private void dischargeMedication(
        CodedConcept medicine,
        String dose,
        LocalDate discharged,
        String note,
        Encounter admission) {
      MedicationStatement s = add(new MedicationStatement(), "medication", "MedicationStatement");
      s.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
      s.setCategory(
          concept(
              "http://terminology.hl7.org/CodeSystem/medication-statement-category",
              "community",
              "Community"));
      s.setMedication(concept(medicine));
      s.setSubject(patientRef);
      s.setContext(reference(admission));
      s.setEffective(new Period().setStartElement(new DateTimeType(discharged.toString())));
      s.setDateAssertedElement(new DateTimeType(discharged.toString()));
      s.addDosage().setText(dose);
      s.addNote().setText(note);
    }

    private void clinic(LocalDate date) {
      Clinic what = AcuteCatalogue.CLINICS.get(random.nextInt(AcuteCatalogue.CLINICS.size()));
      String consultant = clinician();
      // A clinic slot between 09:00 and 16:45; the appointment is booked for 20 minutes.
      LocalTime slot = LocalTime.of(9 + clock.nextInt(8), 15 * clock.nextInt(4));
      Encounter e =
          encounter(
              "AMB",
              "ambulatory",
              AcuteCatalogue.CONSULTATION,
              at(date, slot),
              at(date, slot.plusMinutes(20)));
      e.setServiceType(new CodeableConcept().setText(what.specialty()));
      e.addReasonCode(concept(what.reason()));
      e.addLocation()
          .setLocation(
              new Reference()
                  .setDisplay(what.specialty() + " Outpatients, Riverside General Hospital"));
      e.addParticipant().setIndividual(new Reference().setDisplay(consultant));
      String letter =
          """
          Riverside University Hospitals NHS Trust - %s Outpatients

          Dear %s %s,

          Re: %s %s, born %s, NHS number %s

          I saw your patient in the %s clinic on %s with %s. Examination and
          investigations were reassuring. No change to medication. I have not arranged
          further follow-up but would be happy to see them again should symptoms recur.

          Yours sincerely,
          %s
          Consultant, %s
          """
              .formatted(
                  what.specialty(),
                  patient.practice().usualGp().title(),
                  patient.practice().usualGp().family(),
                  patient.given(),
                  patient.family(),
                  patient.birthDate(),
                  patient.nhsNumber().formatted(),
                  what.specialty(),
                  date,
                  what.reason().display().toLowerCase(java.util.Locale.UK),
                  consultant,
                  what.specialty());
      document(
          AcuteCatalogue.CLINIC_LETTER,
          what.specialty() + " clinic letter",
          date.plusDays(3),
          consultant,
          "text/plain",
          letter,
          e,
          List.of());
    }

    /** A sexual health clinic attendance and its HIV screen: labelled, as trusts label GUM data. */
    private void sexualHealth(LocalDate date) {
      Encounter e = encounter("AMB", "ambulatory", AcuteCatalogue.CONSULTATION, date, date);
      e.setServiceType(new CodeableConcept().setText("Sexual health (genitourinary medicine)"));
      e.addLocation()
          .setLocation(
              new Reference().setDisplay("Sexual Health Clinic, Riverside General Hospital"));
      label(e, "STD", "sexually transmitted disease information sensitivity");
      DiagnosticReport report = add(new DiagnosticReport(), "report", "DiagnosticReport-Lab");
      report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
      report.setCode(concept(AcuteCatalogue.HIV_SCREEN));
      report.setSubject(patientRef);
      report.setEncounter(reference(e));
      report.setEffective(new DateTimeType(date.toString()));
      report.setIssuedElement(
          new org.hl7.fhir.r4.model.InstantType(date.plusDays(2) + "T09:00:00Z"));
      label(report, "HIV", "HIV/AIDS information sensitivity");
      Observation o = add(new Observation(), "observation", "Observation-Lab");
      o.setStatus(Observation.ObservationStatus.FINAL);
      o.addCategory(
          concept(
              "http://terminology.hl7.org/CodeSystem/observation-category",
              "laboratory",
              "Laboratory"));
      o.setCode(concept(AcuteCatalogue.HIV_SCREEN));
      o.setSubject(patientRef);
      o.setEffective(new DateTimeType(date.toString()));
      o.setValue(concept(AcuteCatalogue.NOT_DETECTED));
      o.addInterpretation(concept(INTERPRETATION, "N", "Normal"));
      label(o, "HIV", "HIV/AIDS information sensitivity");
      report.addResult(reference(o));
    }

    private void panel(Panel panel, LocalDate date, Encounter encounter) {
      DiagnosticReport report = add(new DiagnosticReport(), "report", "DiagnosticReport-Lab");
      report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
      report.addCategory(
          concept("http://terminology.hl7.org/CodeSystem/v2-0074", "LAB", "Laboratory"));
      report.setCode(concept(panel.code()));
      report.setSubject(patientRef);
      report.setEncounter(reference(encounter));
      report.setEffective(new DateTimeType(date.toString()));
      report.setIssuedElement(new org.hl7.fhir.r4.model.InstantType(date + "T14:30:00Z"));
      report.addPerformer(trust());
      boolean renalImpairment = random.nextInt(5) == 0;
      for (Test test : panel.tests()) {
        Observation o = add(new Observation(), "observation", "Observation-Lab");
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(
            concept(
                "http://terminology.hl7.org/CodeSystem/observation-category",
                "laboratory",
                "Laboratory"));
        o.setCode(concept(test.code()));
        o.setSubject(patientRef);
        o.setEffective(new DateTimeType(date.toString()));
        double low = test.low();
        double high = test.high();
        double span = high - low;
        // Mostly within range, sometimes a little outside it, as real results are.
        double value = low + span * (random.nextDouble() * 1.3 - 0.15);
        if (renalImpairment && test.code().code().equals("62238-1")) {
          value = 35 + random.nextInt(20);
        } else if (renalImpairment && test.code().code().equals("14682-9")) {
          value = 130 + random.nextInt(60);
        }
        if (value < 0) {
          value = 0;
        }
        BigDecimal rounded =
            BigDecimal.valueOf(value).setScale(test.decimals(), RoundingMode.HALF_UP);
        o.setValue(
            new Quantity()
                .setValue(rounded)
                .setUnit(test.unit())
                .setSystem("http://unitsofmeasure.org")
                .setCode(test.unit()));
        o.addReferenceRange()
            .setLow(
                new Quantity()
                    .setValue(
                        BigDecimal.valueOf(low).setScale(test.decimals(), RoundingMode.HALF_UP))
                    .setUnit(test.unit())
                    .setSystem("http://unitsofmeasure.org")
                    .setCode(test.unit()))
            .setHigh(
                new Quantity()
                    .setValue(
                        BigDecimal.valueOf(high).setScale(test.decimals(), RoundingMode.HALF_UP))
                    .setUnit(test.unit())
                    .setSystem("http://unitsofmeasure.org")
                    .setCode(test.unit()));
        String flag = rounded.doubleValue() < low ? "L" : rounded.doubleValue() > high ? "H" : "N";
        if (test.code().code().equals("62238-1") && flag.equals("H")) {
          flag = "N"; // an eGFR above 90 is normal, not high
        }
        o.addInterpretation(
            concept(
                INTERPRETATION,
                flag,
                switch (flag) {
                  case "L" -> "Low";
                  case "H" -> "High";
                  default -> "Normal";
                }));
        report.addResult(reference(o));
      }
    }

    private void document(
        CodedConcept type,
        String title,
        LocalDate date,
        String author,
        String contentType,
        String content,
        Encounter encounter,
        List<String> labels) {
      Binary binary = new Binary();
      binary.setId(id("binary"));
      binary.setContentType(contentType);
      binary.setData(content.getBytes(StandardCharsets.UTF_8));
      resources.add(binary);
      DocumentReference d = add(new DocumentReference(), "document", "DocumentReference");
      d.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
      d.setType(concept(type));
      d.setSubject(patientRef);
      d.setDateElement(new org.hl7.fhir.r4.model.InstantType(date + "T16:00:00Z"));
      d.addAuthor().setDisplay(author);
      d.setCustodian(trust());
      d.setDescription(title);
      d.addContent()
          .setAttachment(
              new Attachment()
                  .setContentType(contentType)
                  .setUrl("Binary/" + binary.getIdElement().getIdPart())
                  .setTitle(title)
                  .setSize(content.getBytes(StandardCharsets.UTF_8).length)
                  .setCreationElement(new DateTimeType(date.toString())));
      d.getContext().addEncounter(reference(encounter));
    }

    /** A local UK time on a day, as a dateTime with the offset in force that day. */
    private static DateTimeType at(LocalDate day, LocalTime time) {
      return new DateTimeType(day.atTime(time).atZone(UK).format(FHIR_DATE_TIME));
    }

    private CodeableConcept destination() {
      return concept(
          "https://fhir.hl7.org.uk/CodeSystem/UKCore-DischargeDestinationEngland",
          "19",
          "Usual place of residence");
    }

    private Reference trust() {
      return new Reference()
          .setIdentifier(new Identifier().setSystem(ODS_SYSTEM).setValue(TRUST_ODS))
          .setDisplay(TRUST_NAME);
    }

    private String clinician() {
      List<String> names =
          List.of(
              "Dr Amira Khan", "Dr Tom Hughes", "Dr Grace Okafor", "Mr David Lee", "Dr Priya Shah");
      return names.get(random.nextInt(names.size()));
    }

    private static void label(Resource resource, String code, String display) {
      resource.getMeta().addSecurity(ACT_CODE, code, display);
    }

    private static Reference reference(Resource resource) {
      return new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    }

    private static CodeableConcept concept(CodedConcept coded) {
      String system =
          coded.system().equals(CodedConcept.DM_D) ? "https://dmd.nhs.uk" : coded.system();
      return new CodeableConcept().addCoding(new Coding(system, coded.code(), coded.display()));
    }

    private static CodeableConcept concept(String system, String code, String display) {
      return new CodeableConcept().addCoding(new Coding(system, code, display));
    }
  }
}
