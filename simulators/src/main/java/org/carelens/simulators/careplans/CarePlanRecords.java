package org.carelens.simulators.careplans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.acute.AcuteRecords;
import org.carelens.simulators.mentalhealth.MentalHealthRecords;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;

/**
 * Who has care plans registered with the pointer service, and which: deterministic from the
 * population seed and the NHS number, never the wall clock.
 *
 * <ul>
 *   <li>the showcase patient: a current ReSPECT form from her GP practice, which replaced an older
 *       one (superseded);
 *   <li>patients of 80 and over: about two in five have an end-of-life plan (a ReSPECT form from
 *       their practice, or a coordination summary from the hospice), half of them with a DNACPR
 *       decision;
 *   <li>patients the mental health trust knows (and may share): about one in three have a crisis
 *       plan from it;
 *   <li>children: about one in fifty have an emergency health care plan from the hospital.
 * </ul>
 *
 * <p>SNOMED CT types as the National Record Locator codes them (NRL record types), DNACPR as the
 * End of Life Care FHIR API's CPR status code; see the care-plans adapter's {@code PlanType}.
 */
public final class CarePlanRecords {

  /**
   * Scenario tag: the service lists at least one plan (end of life, ReSPECT, DNACPR, crisis or
   * emergency health care plan) for the patient.
   */
  public static final String CARE_PLAN_TAG = "care-plan";

  public static final String RESPECT = "1382601000000107";
  public static final String END_OF_LIFE_CARE_PLAN = "736373009";
  public static final String END_OF_LIFE_COORDINATION_SUMMARY = "861421000000109";
  public static final String DNACPR = "450476008";
  public static final String CRISIS_PLAN = "736253002";
  public static final String EMERGENCY_HEALTH_CARE_PLAN = "887701000000100";

  static final String HOSPICE_ODS = "NH101";
  static final String HOSPICE_NAME = "St Ann's Hospice";
  static final String MENTAL_HEALTH_ODS = "RXY";
  static final String MENTAL_HEALTH_NAME = "Riverside Mental Health NHS Foundation Trust";

  private static final long SOURCE_SALT = 0x63617265L; // "care"

  /**
   * One plan as the service lists it.
   *
   * @param id the pointer's id: the patient's opaque key, then the plan's number
   * @param current {@code false} for a superseded plan
   * @param replaces the id of the plan this one superseded, if any
   */
  public record Plan(
      String id,
      String code,
      String display,
      boolean current,
      LocalDate date,
      String authorOds,
      String authorName,
      Optional<String> replaces,
      String summary) {}

  private CarePlanRecords() {}

  /** Whether the service lists at least one plan for the patient. */
  public static boolean hasCarePlans(Population population, NhsNumber nhsNumber) {
    return population.find(nhsNumber).map(p -> !plans(population, p).isEmpty()).orElse(false);
  }

  /** The patient's plans, current ones first. */
  public static List<Plan> plans(Population population, SyntheticPatient patient) {
    String key = patientKey(population, patient.nhsNumber());
    LocalDate today = population.referenceDate();
    List<Plan> plans = new ArrayList<>();
    String practiceOds = patient.practice().odsCode();
    String practiceName = patient.practice().name();
    if (patient.equals(population.showcase())) {
      String old = key + "-plan-2";
      plans.add(
          new Plan(
              key + "-plan-1",
              RESPECT,
              "ReSPECT (Recommended Summary Plan for Emergency Care and Treatment) form",
              true,
              today.minusDays(60),
              practiceOds,
              practiceName,
              Optional.of(old),
              "Reviewed with Mrs Jones and her daughter. For hospital admission and full active"
                  + " treatment if unwell; CPR to be attempted. Penicillin allergy noted."));
      plans.add(
          new Plan(
              old,
              RESPECT,
              "ReSPECT (Recommended Summary Plan for Emergency Care and Treatment) form",
              false,
              today.minusDays(430),
              practiceOds,
              practiceName,
              Optional.empty(),
              "First ReSPECT conversation. For full active treatment."));
      return plans;
    }
    Random random = random(population, patient.nhsNumber());
    int age = Period.between(patient.birthDate(), today).getYears();
    int next = 1;
    if (age >= 80 && random.nextInt(5) < 2) {
      boolean hospice = random.nextInt(3) == 0;
      LocalDate date = today.minusDays(20 + random.nextInt(500));
      plans.add(
          hospice
              ? new Plan(
                  key + "-plan-" + next++,
                  END_OF_LIFE_COORDINATION_SUMMARY,
                  "End of life care coordination summary",
                  true,
                  date,
                  HOSPICE_ODS,
                  HOSPICE_NAME,
                  Optional.empty(),
                  "Preferred place of care: home. Anticipatory medicines prescribed. Hospice"
                      + " community team visiting weekly.")
              : new Plan(
                  key + "-plan-" + next++,
                  RESPECT,
                  "ReSPECT (Recommended Summary Plan for Emergency Care and Treatment) form",
                  true,
                  date,
                  practiceOds,
                  practiceName,
                  Optional.empty(),
                  "Focus on comfort. Not for hospital admission unless symptoms cannot be"
                      + " managed at home."));
      if (random.nextBoolean()) {
        plans.add(
            new Plan(
                key + "-plan-" + next++,
                DNACPR,
                "Not for attempted cardiopulmonary resuscitation",
                true,
                date,
                hospice ? HOSPICE_ODS : practiceOds,
                hospice ? HOSPICE_NAME : practiceName,
                Optional.empty(),
                "DNACPR decision discussed with the patient and recorded. Indefinite."));
      }
    }
    // A trust the patient asked not to share (SHARING_REFUSED) publishes no pointer either.
    if (MentalHealthRecords.knownToMentalHealth(population, patient.nhsNumber())
        && !MentalHealthRecords.sharingRefusedAtMentalHealth(population, patient.nhsNumber())
        && random.nextInt(3) == 0) {
      plans.add(
          new Plan(
              key + "-plan-" + next++,
              CRISIS_PLAN,
              "Mental health crisis plan",
              true,
              today.minusDays(10 + random.nextInt(300)),
              MENTAL_HEALTH_ODS,
              MENTAL_HEALTH_NAME,
              Optional.empty(),
              "Early warning signs, what helps, and whom to call: the crisis team (24 hours) and"
                  + " the care coordinator."));
    }
    if (age < 18 && random.nextInt(50) == 0) {
      plans.add(
          new Plan(
              key + "-plan-" + next++,
              EMERGENCY_HEALTH_CARE_PLAN,
              "Emergency health care plan",
              true,
              today.minusDays(30 + random.nextInt(300)),
              AcuteRecords.TRUST_ODS,
              AcuteRecords.TRUST_NAME,
              Optional.empty(),
              "Emergency treatment for seizures lasting more than five minutes."));
    }
    return plans;
  }

  /** The opaque key that prefixes every pointer id of a patient: no NHS number in ids or URLs. */
  public static String patientKey(Population population, NhsNumber nhsNumber) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest(
              (population.seed() + ":" + nhsNumber.value() + ":care-plans")
                  .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static Random random(Population population, NhsNumber nhsNumber) {
    return new Random(population.seed() * 31 + nhsNumber.value().hashCode() * 13L + SOURCE_SALT);
  }
}
