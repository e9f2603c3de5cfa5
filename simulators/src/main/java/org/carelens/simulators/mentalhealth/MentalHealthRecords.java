package org.carelens.simulators.mentalhealth;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.mentalhealth.ClientSummary.CareCoordinator;
import org.carelens.simulators.mentalhealth.ClientSummary.Contact;
import org.carelens.simulators.mentalhealth.ClientSummary.Diagnosis;
import org.carelens.simulators.mentalhealth.ClientSummary.Note;
import org.carelens.simulators.mentalhealth.ClientSummary.RiskFlag;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;

/**
 * Derives the mental health trust's record for a patient from the population, deterministically:
 * every choice comes from a {@link Random} seeded from the population seed, the NHS number and this
 * source, and every date is relative to {@link Population#referenceDate()}.
 */
public final class MentalHealthRecords {

  /** Share of the population known to the trust (the showcase patient always is). */
  static final int KNOWN_PERCENT = 15;

  /** Share of known clients who asked the trust not to share their record. */
  static final int SHARING_REFUSED_PERCENT = 6;

  private static final long SOURCE_SALT = 0x6d656e74616cL; // "mental"

  private MentalHealthRecords() {}

  /** Whether the trust holds a record for this patient. */
  public static boolean knownToMentalHealth(Population population, NhsNumber nhsNumber) {
    if (nhsNumber.value().equals(Population.SHOWCASE_NHS_NUMBER)) {
      return true;
    }
    return population.find(nhsNumber).isPresent()
        && membership(population, nhsNumber).nextInt(100) < KNOWN_PERCENT;
  }

  /**
   * Whether the client asked the trust not to share their record: the trust answers 403 {@code
   * SHARING_REFUSED}. Never true for the showcase patient, who is shown with every source.
   */
  public static boolean sharingRefusedAtMentalHealth(Population population, NhsNumber nhsNumber) {
    if (!knownToMentalHealth(population, nhsNumber)
        || nhsNumber.value().equals(Population.SHOWCASE_NHS_NUMBER)) {
      return false;
    }
    Random random = membership(population, nhsNumber);
    random.nextInt(100);
    return random.nextInt(100) < SHARING_REFUSED_PERCENT;
  }

  /** The trust's record for a patient it knows. */
  static ClientSummary summary(Population population, SyntheticPatient patient) {
    Random random = new Random(seed(population, patient.nhsNumber(), 2));
    LocalDate today = population.referenceDate();
    boolean showcase = patient.nhsNumber().value().equals(Population.SHOWCASE_NHS_NUMBER);
    int age = Period.between(patient.birthDate(), today).getYears();

    String team =
        age >= 65
            ? MentalHealthCatalogue.OLDER_PEOPLE_TEAM
            : pick(random, MentalHealthCatalogue.WORKING_AGE_TEAMS);
    String[] staff = pick(random, MentalHealthCatalogue.STAFF);
    CareCoordinator coordinator =
        new CareCoordinator(
            "RXY-S" + (10000 + random.nextInt(90000)),
            staff[0],
            staff[1],
            team,
            "0113 496 0" + (100 + random.nextInt(900)),
            today.minusDays(60 + random.nextInt(900)));
    boolean cpa = showcase || random.nextInt(100) < 55;
    LocalDate lastReview = today.minusDays(20 + random.nextInt(150));

    List<Diagnosis> diagnoses = new ArrayList<>();
    List<String[]> pool =
        showcase
            ? List.of(
                MentalHealthCatalogue.DIAGNOSES.get(0), MentalHealthCatalogue.DIAGNOSES.get(3))
            : distinct(
                random,
                age >= 65 ? MentalHealthCatalogue.OLDER_DIAGNOSES : MentalHealthCatalogue.DIAGNOSES,
                1 + random.nextInt(3));
    for (int i = 0; i < pool.size(); i++) {
      String[] d = pool.get(i);
      diagnoses.add(
          new Diagnosis(
              "DX" + (100000 + random.nextInt(900000)),
              d[0],
              d[1],
              d[2],
              d[3],
              i == 0,
              i == 0 || random.nextBoolean() ? "ACTIVE" : "RESOLVED",
              today.minusDays(200 + random.nextInt(3000))));
    }

    List<RiskFlag> risks = new ArrayList<>();
    List<String[]> riskPool =
        showcase
            ? List.of(MentalHealthCatalogue.RISKS.get(0), MentalHealthCatalogue.RISKS.get(1))
            : distinct(random, MentalHealthCatalogue.RISKS, random.nextInt(3));
    for (int i = 0; i < riskPool.size(); i++) {
      String[] r = riskPool.get(i);
      risks.add(
          new RiskFlag(
              "RF" + (100000 + random.nextInt(900000)),
              r[0],
              r[1],
              r[2],
              i == 0 || random.nextBoolean(),
              today.minusDays(10 + random.nextInt(700))));
    }

    List<Contact> contacts = new ArrayList<>();
    int contactCount = showcase ? 5 : 2 + random.nextInt(5);
    LocalDate date = today.minusDays(3 + random.nextInt(10));
    for (int i = 0; i < contactCount; i++) {
      String[] c =
          showcase && i == 3
              ? MentalHealthCatalogue.CONTACTS.get(4)
              : pick(random, MentalHealthCatalogue.CONTACTS);
      boolean admission = c[0].equals("INPATIENT");
      LocalDate start = admission ? date.minusDays(14 + random.nextInt(20)) : date;
      contacts.add(
          new Contact(
              "CT" + (1000000 + random.nextInt(9000000)),
              c[0],
              c[1],
              c[2],
              start,
              admission ? Optional.of(date) : Optional.empty(),
              i % 2 == 0 ? staff[0] : pick(random, MentalHealthCatalogue.STAFF)[0],
              admission
                  ? MentalHealthCatalogue.WARD
                  : c[0].equals("TELEPHONE") ? "Telephone" : c[3],
              pick(random, MentalHealthCatalogue.OUTCOMES)));
      date = start.minusDays(7 + random.nextInt(40));
    }

    List<Note> notes = new ArrayList<>();
    int noteCount = showcase ? 2 : 1 + random.nextInt(3);
    for (int i = 0; i < noteCount && i < contacts.size(); i++) {
      Contact contact = contacts.get(i);
      String[] n = pick(random, MentalHealthCatalogue.NOTES);
      notes.add(
          new Note(
              "NT" + (1000000 + random.nextInt(9000000)),
              contact.endDate().orElse(contact.date()),
              contact.clinician(),
              n[0],
              n[1].formatted(patient.given())));
    }
    return new ClientSummary(
        patient,
        "RX" + (1000000 + random.nextInt(9000000)),
        coordinator,
        cpa,
        lastReview,
        lastReview.plusMonths(cpa ? 6 : 12),
        risks,
        diagnoses,
        contacts,
        notes);
  }

  private static Random membership(Population population, NhsNumber nhsNumber) {
    return new Random(seed(population, nhsNumber, 1));
  }

  /** Mixes the population seed, the patient and this source, so sources vary independently. */
  private static long seed(Population population, NhsNumber nhsNumber, int purpose) {
    long h = population.seed() * 0x9E3779B97F4A7C15L;
    h ^= Long.parseLong(nhsNumber.value()) * 0xBF58476D1CE4E5B9L;
    h ^= SOURCE_SALT * 31 + purpose;
    return h ^ (h >>> 31);
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static <T> List<T> distinct(Random random, List<T> values, int max) {
    List<T> copy = new ArrayList<>(values);
    java.util.Collections.shuffle(copy, random);
    return List.copyOf(copy.subList(0, Math.min(max, copy.size())));
  }
}
