package org.carelens.simulators.mentalhealth;

import java.util.List;

/**
 * Coded content the trust's records are drawn from. Diagnoses carry ICD-10 (which mental health
 * trusts report to the Mental Health Services Data Set) and the matching SNOMED CT concept;
 * telephone numbers are in Ofcom's range reserved for drama (0113 496 0000 to 0999).
 */
final class MentalHealthCatalogue {

  private MentalHealthCatalogue() {}

  static final String OLDER_PEOPLE_TEAM = "Older People's Community Mental Health Team (Leeds)";

  static final List<String> WORKING_AGE_TEAMS =
      List.of(
          "North Leeds Community Mental Health Team",
          "South Leeds Community Mental Health Team",
          "Early Intervention in Psychosis Team",
          "Crisis Resolution and Home Treatment Team");

  static final String WARD = "Aire Ward, Riverside Mental Health Unit";

  /** Name and profession. */
  static final List<String[]> STAFF =
      List.of(
          new String[] {"Daniel Okafor", "Community mental health nurse"},
          new String[] {"Rachel Whitfield", "Approved mental health professional (social worker)"},
          new String[] {"Priya Raman", "Occupational therapist"},
          new String[] {"Tom Hargreaves", "Community mental health nurse"},
          new String[] {"Dr Helen Marsh", "Consultant psychiatrist"},
          new String[] {"Aisha Begum", "Clinical psychologist"});

  /** ICD-10 code and display, SNOMED CT code and display. */
  static final List<String[]> DIAGNOSES =
      List.of(
          new String[] {
            "F33.1",
            "Recurrent depressive disorder, current episode moderate",
            "370143000",
            "Major depressive disorder"
          },
          new String[] {"F20.9", "Schizophrenia, unspecified", "58214004", "Schizophrenia"},
          new String[] {
            "F31.9", "Bipolar affective disorder, unspecified", "13746004", "Bipolar disorder"
          },
          new String[] {
            "F41.1", "Generalized anxiety disorder", "21897009", "Generalized anxiety disorder"
          },
          new String[] {
            "F43.1", "Post-traumatic stress disorder", "47505003", "Posttraumatic stress disorder"
          },
          new String[] {
            "F60.3",
            "Emotionally unstable personality disorder",
            "20010003",
            "Borderline personality disorder"
          },
          new String[] {
            "F10.2",
            "Mental and behavioural disorders due to use of alcohol: dependence syndrome",
            "66590003",
            "Alcohol dependence"
          });

  static final List<String[]> OLDER_DIAGNOSES =
      List.of(
          DIAGNOSES.get(0),
          DIAGNOSES.get(3),
          new String[] {"F03", "Unspecified dementia", "52448006", "Dementia"});

  /** Category, SNOMED CT code and display. */
  static final List<String[]> RISKS =
      List.of(
          new String[] {"SUICIDE", "225444004", "At risk for suicide"},
          new String[] {"SELF_HARM", "248062006", "Self-injurious behaviour"},
          new String[] {"HARM_TO_OTHERS", "61372001", "Aggressive behaviour"});

  /** Setting, SNOMED CT code, display and usual location. */
  static final List<String[]> CONTACTS =
      List.of(
          new String[] {"COMMUNITY", "439708006", "Home visit", "Client's home"},
          new String[] {
            "OUTPATIENT", "11429006", "Consultation", "Riverside House outpatient clinic"
          },
          new String[] {"TELEPHONE", "185317003", "Telephone encounter", "Telephone"},
          new String[] {"CRISIS", "439708006", "Home visit", "Client's home"},
          new String[] {"INPATIENT", "32485007", "Hospital admission", WARD});

  static final List<String> OUTCOMES =
      List.of(
          "Seen; care plan reviewed",
          "Seen; medication reviewed, no change",
          "Seen; follow-up in two weeks",
          "Did not attend; rebooked",
          "Discharged to community team follow-up");

  /** Title and text ({@code %s} is the client's first name). */
  static final List<String[]> NOTES =
      List.of(
          new String[] {
            "Progress note",
            "%s reports low mood and poor sleep over the past fortnight. No current plans to act on"
                + " thoughts of self-harm. Safety plan reviewed with daughter present."
          },
          new String[] {
            "Risk assessment",
            "%s disclosed intrusive thoughts. Protective factors discussed. Crisis line number"
                + " given; risk formulation updated."
          },
          new String[] {
            "Medication review",
            "%s tolerating current medication; some sedation in the mornings. Adherence discussed"
                + " with support worker."
          },
          new String[] {
            "Care plan review",
            "%s attended CPA review with family. Goals: structured daytime activity, reconnect with"
                + " peer support group."
          });
}
