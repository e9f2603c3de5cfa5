package org.carelens.simulators.socialcare;

import java.util.List;

/**
 * Content the council's records are drawn from. Key worker roles are SNOMED CT occupations where
 * one exists; service, package and safeguarding categories are the council's own codes (councils
 * use local service catalogues; the Care Act 2014 statutory guidance §14.17 lists the abuse
 * categories used here). Telephone numbers are in Ofcom's drama range.
 */
final class SocialCareCatalogue {

  private SocialCareCatalogue() {}

  static final String SNOMED = "http://snomed.info/sct";
  static final String SERVICE_SYSTEM = "https://riverside.gov.uk/adult-social-care/service";
  static final String ROLE_SYSTEM = "https://riverside.gov.uk/adult-social-care/role";
  static final String PACKAGE_SYSTEM = "https://riverside.gov.uk/adult-social-care/package-type";
  static final String SAFEGUARDING_SYSTEM =
      "https://riverside.gov.uk/adult-social-care/safeguarding-category";

  /** Service code and name; role system, code and display. */
  static final List<String[]> SERVICES =
      List.of(
          new String[] {
            "LOC-N", "Adult Social Care North Locality Team", SNOMED, "106328005", "Social worker"
          },
          new String[] {
            "OT",
            "Community Occupational Therapy Service",
            SNOMED,
            "80546007",
            "Occupational therapist"
          },
          new String[] {
            "REABLE",
            "Reablement Service",
            ROLE_SYSTEM,
            "REABLEMENT_WORKER",
            "Reablement support worker"
          },
          new String[] {
            "CARERS",
            "Carers' Support Service",
            ROLE_SYSTEM,
            "CARER_SUPPORT_WORKER",
            "Carer support worker"
          },
          new String[] {
            "SENSORY",
            "Sensory Impairment Team",
            ROLE_SYSTEM,
            "REHAB_OFFICER",
            "Rehabilitation officer (visual impairment)"
          });

  static final List<String> WORKERS =
      List.of(
          "Joanne Fletcher",
          "Imran Hussain",
          "Claire Sutcliffe",
          "Marek Nowak",
          "Bethany Lowe",
          "Samuel Adeyemi");

  /** Package code, display, description template, provider. */
  static final List<String[]> PACKAGES =
      List.of(
          new String[] {
            "HOME_CARE", "Home care", "Home care, %d visits daily", "Bluebell Home Care Ltd"
          },
          new String[] {
            "DAY_CARE", "Day care", "Day centre, %d days a week", "Kirkgate Day Centre"
          },
          new String[] {
            "RESPITE", "Residential respite", "Residential respite, %d weeks", "Larchfield House"
          },
          new String[] {
            "EQUIPMENT",
            "Equipment",
            "Equipment: hospital bed, hoist and %d grab rails",
            "Riverside Community Equipment Service"
          },
          new String[] {
            "TELECARE",
            "Telecare",
            "Telecare: pendant alarm and %d falls detectors",
            "Riverside Careline"
          });

  /** Safeguarding category code, display and detail text ({@code %s} is the first name). */
  static final List<String[]> SAFEGUARDING =
      List.of(
          new String[] {
            "FINANCIAL",
            "Financial or material abuse",
            "Concern raised by bank that %s's nephew has made large withdrawals. Section 42"
                + " enquiry opened; police informed."
          },
          new String[] {
            "NEGLECT",
            "Neglect and acts of omission",
            "Paid carer missed visits on three consecutive days; %s found without food or"
                + " medication. Provider under review."
          },
          new String[] {
            "SELF_NEGLECT",
            "Self-neglect",
            "%s declining personal care; property cluttered with fire risk. Multi-agency meeting"
                + " held; fire service home safety visit arranged."
          },
          new String[] {
            "DOMESTIC",
            "Domestic abuse",
            "%s disclosed controlling behaviour by partner. MARAC referral made; safe contact"
                + " times agreed."
          });
}
