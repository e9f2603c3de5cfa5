package org.carelens.simulators.population;

import java.util.List;
import java.util.Map;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.simulators.population.Allergy.Category;
import org.carelens.simulators.population.Prescription.PrescriptionType;

/**
 * The coded content the generator draws from. Codes are real SNOMED CT and dm+d concepts so that
 * adapters and the portal are exercised with what a real GP system would send.
 */
final class Catalogue {

  private Catalogue() {}

  static final CodedConcept URTICARIA = CodedConcept.snomed("126485001", "Urticaria");
  static final CodedConcept ANAPHYLAXIS = CodedConcept.snomed("39579001", "Anaphylaxis");
  // 271807003 |Eruption of skin|, shown with its synonym "Rash" as GP systems do.
  static final CodedConcept RASH = CodedConcept.snomed("271807003", "Rash");
  // 56018004 |Wheezing|, synonym "Wheeze".
  static final CodedConcept WHEEZE = CodedConcept.snomed("56018004", "Wheeze");

  /** An allergy the generator can record, with the reactions that are plausible for it. */
  record AllergyKind(CodedConcept concept, Category category, List<CodedConcept> reactions) {}

  static final AllergyKind PENICILLIN =
      new AllergyKind(
          CodedConcept.snomed("91936005", "Allergy to penicillin"),
          Category.MEDICATION,
          List.of(URTICARIA, RASH, ANAPHYLAXIS));
  static final AllergyKind AMOXICILLIN =
      new AllergyKind(
          CodedConcept.snomed("294505008", "Allergy to amoxicillin"),
          Category.MEDICATION,
          List.of(RASH, URTICARIA));
  static final AllergyKind ASPIRIN =
      new AllergyKind(
          CodedConcept.snomed("293586001", "Allergy to aspirin"),
          Category.MEDICATION,
          List.of(WHEEZE, URTICARIA));

  static final List<AllergyKind> ALLERGIES =
      List.of(
          PENICILLIN,
          AMOXICILLIN,
          ASPIRIN,
          new AllergyKind(
              CodedConcept.snomed("91935009", "Allergy to peanuts"),
              Category.FOOD,
              List.of(ANAPHYLAXIS, URTICARIA)),
          new AllergyKind(
              CodedConcept.snomed("300916003", "Latex allergy"),
              Category.ENVIRONMENT,
              List.of(URTICARIA, RASH)),
          new AllergyKind(
              CodedConcept.snomed("418689008", "Allergy to grass pollen"),
              Category.ENVIRONMENT,
              List.of(WHEEZE)));

  static final List<String> ALLERGY_END_REASONS =
      List.of(
          "Tolerated a supervised challenge",
          "Recorded in error at a previous practice",
          "Outgrown, confirmed by allergy clinic");

  /** A medicine the generator can prescribe, with how it is usually written up. */
  record MedicineKind(
      CodedConcept concept,
      String dosageText,
      int quantity,
      String quantityUnit,
      PrescriptionType usualType) {}

  // dm+d VMP concept ids and names (https://dmd.nhs.uk).
  static final MedicineKind AMLODIPINE =
      new MedicineKind(
          CodedConcept.dmd("319283006", "Amlodipine 5mg tablets"),
          "One tablet once a day",
          28,
          "tablet",
          PrescriptionType.REPEAT);
  static final MedicineKind AMOXICILLIN_CAPSULES =
      new MedicineKind(
          CodedConcept.dmd("323509004", "Amoxicillin 250mg capsules"),
          "Two capsules three times a day for 5 days",
          30,
          "capsule",
          PrescriptionType.ACUTE);
  static final MedicineKind ASPIRIN_DISPERSIBLE =
      new MedicineKind(
          CodedConcept.dmd("319773006", "Aspirin 75mg dispersible tablets"),
          "One tablet once a day",
          28,
          "tablet",
          PrescriptionType.REPEAT);
  static final MedicineKind WARFARIN =
      new MedicineKind(
          CodedConcept.dmd("319733000", "Warfarin 1mg tablets"),
          "As directed by the anticoagulation clinic",
          112,
          "tablet",
          PrescriptionType.REPEAT);

  static final List<MedicineKind> LONG_TERM_MEDICINES =
      List.of(
          AMLODIPINE,
          new MedicineKind(
              CodedConcept.dmd("325278007", "Metformin 500mg tablets"),
              "One tablet twice a day with food",
              56,
              "tablet",
              PrescriptionType.REPEAT_DISPENSING),
          new MedicineKind(
              CodedConcept.dmd("39733011000001106", "Atorvastatin 20mg tablets"),
              "One tablet at night",
              28,
              "tablet",
              PrescriptionType.REPEAT),
          new MedicineKind(
              CodedConcept.dmd(
                  "39113611000001102", "Salbutamol 100micrograms/dose inhaler CFC free"),
              "Two puffs up to four times a day when required",
              200,
              "dose",
              PrescriptionType.REPEAT),
          ASPIRIN_DISPERSIBLE,
          WARFARIN);

  /**
   * For the dose-change scenario: the dose a hospital discharge changes a long-term medicine to, by
   * dm+d code, each a plausible change on admission. Medicines without one (warfarin "as directed",
   * a reliever inhaler, low-dose aspirin) are never dose-changed.
   */
  static final Map<String, String> DISCHARGE_DOSES =
      Map.of(
          // Metformin reduced: renal function fell during the admission.
          "325278007", "One tablet once a day with food",
          // Amlodipine 5mg to 10mg: blood pressure uncontrolled on the ward.
          "319283006", "Two tablets once a day",
          // Atorvastatin 20mg to 40mg after a cardiac event.
          "39733011000001106", "Two tablets at night");

  static final List<String> STOP_REASONS =
      List.of(
          "Side effects: ankle swelling",
          "Changed to an alternative medicine",
          "No longer clinically indicated",
          "Patient request");

  static final List<String> FAMILY_NAMES =
      List.of(
          "SMITH",
          "JONES",
          "TAYLOR",
          "BROWN",
          "WILLIAMS",
          "WILSON",
          "JOHNSON",
          "DAVIES",
          "PATEL",
          "WRIGHT",
          "ROBINSON",
          "THOMPSON",
          "EVANS",
          "WALKER",
          "WHITE",
          "ROBERTS",
          "GREEN",
          "HALL",
          "WOOD",
          "JACKSON",
          "CLARKE",
          "KHAN",
          "HUGHES",
          "EDWARDS",
          "AHMED",
          "OKAFOR",
          "MURPHY",
          "NOWAK",
          "SINGH",
          "TURNER");

  static final List<String> FEMALE_GIVEN =
      List.of(
          "Olivia",
          "Amelia",
          "Isla",
          "Ava",
          "Emily",
          "Sophie",
          "Grace",
          "Ruby",
          "Jessica",
          "Aisha",
          "Priya",
          "Hannah",
          "Eleanor",
          "Joan",
          "Patricia",
          "Susan",
          "Zofia",
          "Niamh");

  static final List<String> MALE_GIVEN =
      List.of(
          "Oliver",
          "George",
          "Harry",
          "Jack",
          "Noah",
          "Leo",
          "Arthur",
          "Mohammed",
          "Thomas",
          "James",
          "William",
          "David",
          "Peter",
          "Raj",
          "Kwame",
          "Callum",
          "Tomasz",
          "Sean");

  static final List<String> STREETS =
      List.of(
          "Acacia Avenue",
          "Victoria Road",
          "Church Lane",
          "Mill Street",
          "Park View",
          "Station Road",
          "Kirkstall Lane",
          "Headingley Mount",
          "Chapel Street",
          "Woodhouse Lane");

  /** A town with the postcode district prefix its addresses use. */
  record Town(String name, String postcodeDistrict) {}

  static final List<Town> TOWNS =
      List.of(
          new Town("Leeds", "LS6"),
          new Town("Leeds", "LS4"),
          new Town("Leeds", "LS12"),
          new Town("Pudsey", "LS28"),
          new Town("Horsforth", "LS18"));

  static final List<String> POSTCODE_UNIT_LETTERS =
      List.of("AB", "BD", "DE", "HJ", "LN", "PQ", "RT", "UW", "XY", "NZ");
}
