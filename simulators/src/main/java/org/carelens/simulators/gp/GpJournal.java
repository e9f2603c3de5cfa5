package org.carelens.simulators.gp;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.simulators.population.SyntheticPatient;

/**
 * The rest of a patient's GP record (immunisations, consultations, referrals, investigations and
 * uncategorised observations), derived deterministically from the population seed and the NHS
 * number, as the other simulators derive theirs: the population itself stays small enough for
 * 100,000 patients.
 */
record GpJournal(
    List<Immunisation> immunisations,
    List<Consultation> consultations,
    List<Referral> referrals,
    List<Investigation> investigations,
    List<Measurement> uncategorised) {

  record Immunisation(
      String id, CodedConcept procedure, LocalDate date, Optional<String> dose, boolean given) {}

  /**
   * A consultation.
   *
   * @param time the appointment's start in UK local time, for a booked surgery or telephone
   *     appointment; empty for one the practice recorded to the day only
   */
  record Consultation(
      String id,
      CodedConcept type,
      LocalDate date,
      Optional<LocalTime> time,
      String reason,
      String summary) {}

  record Referral(
      String id,
      CodedConcept service,
      LocalDate authored,
      String recipient,
      boolean urgent,
      boolean completed) {}

  record Investigation(String id, String title, LocalDate date, List<Measurement> results) {}

  /**
   * A measured value.
   *
   * @param flag {@code H}, {@code L} or {@code N}
   */
  record Measurement(
      String id,
      CodedConcept test,
      LocalDate date,
      String value,
      String unit,
      Optional<String> range,
      Optional<String> flag) {}

  private static final CodedConcept FLU =
      CodedConcept.snomed("822851000000102", "Seasonal influenza vaccination");
  private static final CodedConcept COVID_1 =
      CodedConcept.snomed(
          "1324681000000101",
          "Administration of first dose of severe acute respiratory syndrome coronavirus 2"
              + " vaccine");
  private static final CodedConcept PNEUMOCOCCAL =
      CodedConcept.snomed("12866006", "Pneumococcal vaccination");
  private static final CodedConcept MMR =
      CodedConcept.snomed("38598009", "Administration of measles and mumps and rubella vaccine");

  private static final CodedConcept HOME_VISIT = CodedConcept.snomed("439708006", "Home visit");
  private static final List<CodedConcept> CONSULTATION_TYPES =
      List.of(
          CodedConcept.snomed("11429006", "Consultation"),
          CodedConcept.snomed("185317003", "Telephone encounter"),
          HOME_VISIT);
  private static final List<String[]> REASONS =
      List.of(
          new String[] {"Review of blood pressure", "BP satisfactory on current treatment."},
          new String[] {"Cough for two weeks", "Chest clear. Safety-netting advice given."},
          new String[] {"Medication review", "Repeat medication reviewed and reauthorised."},
          new String[] {"Low back pain", "Mechanical back pain. Analgesia and exercises advised."},
          new String[] {"Annual review", "Long-term condition review completed."});

  private static final List<CodedConcept> REFERRAL_SERVICES =
      List.of(
          CodedConcept.snomed("183519002", "Referral to cardiology service"),
          CodedConcept.snomed("183545006", "Referral to orthopaedic service"),
          CodedConcept.snomed("306206005", "Referral to service"));

  static GpJournal of(long seed, SyntheticPatient patient, LocalDate today) {
    String nhs = patient.nhsNumber().value();
    Random random = new Random(seed * 31 + nhs.hashCode() * 17L + "gp-journal".hashCode());
    int age = Period.between(patient.birthDate(), today).getYears();

    List<Immunisation> immunisations = new ArrayList<>();
    if (age < 16) {
      immunisations.add(
          new Immunisation(
              nhs + "-imm-1", MMR, patient.birthDate().plusMonths(13), Optional.of("1"), true));
    } else {
      int seasons = age >= 65 ? 3 : random.nextInt(2);
      for (int i = 0; i < seasons; i++) {
        immunisations.add(
            new Immunisation(
                nhs + "-imm-" + (immunisations.size() + 1),
                FLU,
                LocalDate.of(today.getYear() - i - (today.getMonthValue() < 10 ? 1 : 0), 10, 5)
                    .plusDays(random.nextInt(40)),
                Optional.empty(),
                // One season declined, so "not given" is exercised too.
                !(i == 1 && random.nextInt(3) == 0)));
      }
      if (age >= 18) {
        immunisations.add(
            new Immunisation(
                nhs + "-imm-" + (immunisations.size() + 1),
                COVID_1,
                LocalDate.of(2021, 1, 10).plusDays(random.nextInt(120)),
                Optional.of("1"),
                true));
      }
      if (age >= 65) {
        immunisations.add(
            new Immunisation(
                nhs + "-imm-" + (immunisations.size() + 1),
                PNEUMOCOCCAL,
                patient.birthDate().plusYears(65).plusDays(random.nextInt(200)),
                Optional.of("1"),
                true));
      }
    }
    immunisations.removeIf(i -> i.date().isAfter(today));

    List<Consultation> consultations = new ArrayList<>();
    // Times come from their own generator, so adding them left every other value as it was.
    Random clock = new Random(seed * 31 + nhs.hashCode() * 17L + "gp-journal-times".hashCode());
    int visits = 1 + random.nextInt(4);
    for (int i = 0; i < visits; i++) {
      String[] reason = REASONS.get(random.nextInt(REASONS.size()));
      CodedConcept type = CONSULTATION_TYPES.get(random.nextInt(CONSULTATION_TYPES.size()));
      // A booked appointment (surgery or telephone) has its slot, 08:00 to 17:50 in ten-minute
      // steps; a home visit is recorded to the day, as many practices record them.
      Optional<LocalTime> time =
          type.equals(HOME_VISIT)
              ? Optional.empty()
              : Optional.of(LocalTime.of(8 + clock.nextInt(10), 10 * clock.nextInt(6)));
      consultations.add(
          new Consultation(
              nhs + "-consultation-" + (i + 1),
              type,
              today.minusDays(7 + random.nextInt(700)),
              time,
              reason[0],
              reason[1]));
    }

    List<Referral> referrals = new ArrayList<>();
    if (age >= 18 && random.nextInt(3) == 0) {
      referrals.add(
          new Referral(
              nhs + "-referral-1",
              REFERRAL_SERVICES.get(random.nextInt(REFERRAL_SERVICES.size())),
              today.minusDays(14 + random.nextInt(300)),
              "Riverside University Hospitals NHS Trust",
              random.nextInt(5) == 0,
              random.nextBoolean()));
    }

    List<Investigation> investigations = new ArrayList<>();
    List<Measurement> uncategorised = new ArrayList<>();
    if (age >= 18) {
      LocalDate taken = today.minusDays(20 + random.nextInt(300));
      String stem = nhs + "-inv-1";
      double creatinine = 60 + random.nextInt(90);
      double potassium = (34 + random.nextInt(20)) / 10.0;
      investigations.add(
          new Investigation(
              stem,
              "Urea and electrolytes",
              taken,
              List.of(
                  measure(
                      stem + "-1",
                      "2951-2",
                      "Sodium",
                      taken,
                      133 + random.nextInt(12),
                      "mmol/L",
                      133,
                      146),
                  measure(stem + "-2", "2823-3", "Potassium", taken, potassium, "mmol/L", 3.5, 5.3),
                  measure(
                      stem + "-3", "2160-0", "Creatinine", taken, creatinine, "umol/L", 49, 104))));
      LocalDate seen = today.minusDays(10 + random.nextInt(200));
      int systolic = 110 + random.nextInt(60);
      uncategorised.add(
          measure(
              nhs + "-obs-1",
              "8480-6",
              "Systolic blood pressure",
              seen,
              systolic,
              "mm[Hg]",
              90,
              140));
      uncategorised.add(
          measure(
              nhs + "-obs-2",
              "8462-4",
              "Diastolic blood pressure",
              seen,
              60 + random.nextInt(35),
              "mm[Hg]",
              60,
              90));
      uncategorised.add(
          new Measurement(
              nhs + "-obs-3",
              CodedConcept.snomed("27113001", "Body weight"),
              seen,
              String.valueOf(50 + random.nextInt(60)),
              "kg",
              Optional.empty(),
              Optional.empty()));
    }
    return new GpJournal(immunisations, consultations, referrals, investigations, uncategorised);
  }

  private static Measurement measure(
      String id,
      String loinc,
      String display,
      LocalDate date,
      double value,
      String unit,
      double low,
      double high) {
    String text = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    String flag = value < low ? "L" : value > high ? "H" : "N";
    String range =
        (low == Math.rint(low) ? String.valueOf((long) low) : String.valueOf(low))
            + "-"
            + (high == Math.rint(high) ? String.valueOf((long) high) : String.valueOf(high));
    return new Measurement(
        id,
        new CodedConcept(CodedConcept.LOINC, loinc, display),
        date,
        text,
        unit,
        Optional.of(range),
        Optional.of(flag));
  }
}
