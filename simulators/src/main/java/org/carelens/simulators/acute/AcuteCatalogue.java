package org.carelens.simulators.acute;

import java.util.List;
import org.carelens.sdk.model.CodedConcept;

/**
 * The coded content the acute trust's records draw from: real SNOMED CT, LOINC and dm+d concepts,
 * with the units and adult reference ranges a UK hospital laboratory reports.
 */
final class AcuteCatalogue {

  private AcuteCatalogue() {}

  static final CodedConcept ED_VISIT =
      CodedConcept.snomed("4525004", "Emergency department patient visit");
  static final CodedConcept HOSPITAL_ADMISSION =
      CodedConcept.snomed("32485007", "Hospital admission");
  static final CodedConcept CONSULTATION = CodedConcept.snomed("11429006", "Consultation");
  static final CodedConcept FOLLOW_UP = CodedConcept.snomed("390906007", "Follow-up encounter");
  static final CodedConcept DISCHARGE_SUMMARY =
      CodedConcept.snomed("373942005", "Discharge summary");
  static final CodedConcept CLINIC_LETTER =
      CodedConcept.snomed("371531000", "Report of clinical encounter");
  static final CodedConcept NO_KNOWN_ALLERGY = CodedConcept.snomed("716186003", "No known allergy");
  static final CodedConcept PENICILLIN_ALLERGY =
      CodedConcept.snomed("91936005", "Allergy to penicillin");
  static final CodedConcept URTICARIA = CodedConcept.snomed("126485001", "Urticaria");

  /**
   * An emergency department attendance: what the patient came with and what it turned out to be.
   */
  record Attendance(CodedConcept complaint, CodedConcept diagnosis) {}

  static final List<Attendance> ATTENDANCES =
      List.of(
          new Attendance(
              CodedConcept.snomed("29857009", "Chest pain"),
              CodedConcept.snomed("274668005", "Non-cardiac chest pain")),
          new Attendance(
              CodedConcept.snomed("1912002", "Fall"),
              CodedConcept.snomed("44465007", "Sprain of ankle")),
          new Attendance(
              CodedConcept.snomed("21522001", "Abdominal pain"),
              CodedConcept.snomed("25374005", "Gastroenteritis")),
          new Attendance(
              CodedConcept.snomed("271594007", "Syncope"),
              CodedConcept.snomed("398665005", "Vasovagal syncope")));

  /** An emergency admission, the clinic that follows it up, and what is started on the ward. */
  record Admission(
      CodedConcept reason,
      CodedConcept diagnosis,
      String ward,
      String followUpClinic,
      CodedConcept started,
      String startedDose,
      boolean startedIsPenicillin) {}

  static final List<Admission> ADMISSIONS =
      List.of(
          new Admission(
              CodedConcept.snomed("267036007", "Dyspnoea"),
              CodedConcept.snomed("385093006", "Community acquired pneumonia"),
              "Ward 12 (Respiratory)",
              "Respiratory medicine clinic",
              CodedConcept.dmd("323539009", "Co-amoxiclav 500mg/125mg tablets"),
              "One tablet three times a day for 5 days",
              true),
          new Admission(
              CodedConcept.snomed("267036007", "Dyspnoea"),
              CodedConcept.snomed("84114007", "Heart failure"),
              "Ward 7 (Cardiology)",
              "Heart failure clinic",
              CodedConcept.dmd("317972000", "Furosemide 40mg tablets"),
              "One tablet each morning",
              false),
          new Admission(
              CodedConcept.snomed("1912002", "Fall"),
              CodedConcept.snomed("5913000", "Fracture of neck of femur"),
              "Ward 22 (Orthogeriatrics)",
              "Fracture clinic",
              CodedConcept.dmd("322236009", "Paracetamol 500mg tablets"),
              "Two tablets up to four times a day when required",
              false));

  /** A past outpatient clinic, which writes to the GP afterwards. */
  record Clinic(String specialty, CodedConcept reason) {}

  static final List<Clinic> CLINICS =
      List.of(
          new Clinic("Cardiology", CodedConcept.snomed("48867003", "Bradycardia")),
          new Clinic("Rheumatology", CodedConcept.snomed("57676002", "Joint pain")),
          new Clinic("Gastroenterology", CodedConcept.snomed("16331000", "Heartburn")));

  /**
   * One laboratory test: LOINC code, unit (UCUM, as UK labs report), reference range, and the usual
   * spread of results around the range.
   */
  record Test(CodedConcept code, String unit, double low, double high, int decimals) {}

  record Panel(CodedConcept code, List<Test> tests) {}

  static final Panel RENAL =
      new Panel(
          new CodedConcept(CodedConcept.LOINC, "24362-6", "Renal function panel"),
          List.of(
              new Test(
                  new CodedConcept(CodedConcept.LOINC, "2951-2", "Sodium"), "mmol/L", 133, 146, 0),
              new Test(
                  new CodedConcept(CodedConcept.LOINC, "2823-3", "Potassium"),
                  "mmol/L",
                  3.5,
                  5.3,
                  1),
              new Test(
                  new CodedConcept(CodedConcept.LOINC, "22664-7", "Urea"), "mmol/L", 2.5, 7.8, 1),
              new Test(
                  new CodedConcept(CodedConcept.LOINC, "14682-9", "Creatinine"),
                  "umol/L",
                  59,
                  104,
                  0),
              new Test(
                  new CodedConcept(
                      CodedConcept.LOINC, "62238-1", "eGFR (CKD-EPI creatinine equation)"),
                  "mL/min/{1.73_m2}",
                  90,
                  120,
                  0)));

  static final Panel FBC =
      new Panel(
          new CodedConcept(CodedConcept.LOINC, "58410-2", "Full blood count"),
          List.of(
              new Test(
                  new CodedConcept(CodedConcept.LOINC, "718-7", "Haemoglobin"), "g/L", 115, 165, 0),
              new Test(
                  new CodedConcept(CodedConcept.LOINC, "6690-2", "White cell count"),
                  "10*9/L",
                  4.0,
                  11.0,
                  1),
              new Test(
                  new CodedConcept(CodedConcept.LOINC, "777-3", "Platelet count"),
                  "10*9/L",
                  150,
                  400,
                  0)));

  static final Panel LFT =
      new Panel(
          new CodedConcept(CodedConcept.LOINC, "24325-3", "Liver function tests"),
          List.of(
              new Test(
                  new CodedConcept(CodedConcept.LOINC, "14631-6", "Bilirubin"), "umol/L", 0, 21, 0),
              new Test(new CodedConcept(CodedConcept.LOINC, "1742-6", "ALT"), "U/L", 0, 40, 0),
              new Test(
                  new CodedConcept(CodedConcept.LOINC, "6768-6", "Alkaline phosphatase"),
                  "U/L",
                  30,
                  130,
                  0),
              new Test(
                  new CodedConcept(CodedConcept.LOINC, "1751-7", "Albumin"), "g/L", 35, 50, 0)));

  static final Panel HBA1C =
      new Panel(
          new CodedConcept(CodedConcept.LOINC, "59261-8", "HbA1c (IFCC)"),
          List.of(
              new Test(
                  new CodedConcept(CodedConcept.LOINC, "59261-8", "HbA1c (IFCC)"),
                  "mmol/mol",
                  20,
                  41,
                  0)));

  /** A sexual health screen: the HIV result is labelled, as trusts label GUM results. */
  static final CodedConcept HIV_SCREEN =
      new CodedConcept(
          CodedConcept.LOINC, "56888-1", "HIV 1+2 antibody and HIV-1 p24 antigen screen");

  static final CodedConcept NOT_DETECTED = CodedConcept.snomed("260415000", "Not detected");
}
