package org.carelens.portal.record;

/**
 * The record's sections, with the gateway's key (also the stem of each section's element ids:
 * {@code <key>}, {@code <key>-grid}, {@code <key>-notice}) and the heading clinicians read.
 */
public enum SectionKind {
  ALERTS("alerts", "Alerts"),
  ALLERGIES("allergies", "Allergies"),
  MEDICATIONS("medications", "Medications"),
  PROBLEMS("problems", "Problems"),
  ENCOUNTERS("encounters", "Encounters"),
  RESULTS("results", "Results"),
  IMMUNISATIONS("immunisations", "Immunisations"),
  DOCUMENTS("documents", "Documents"),
  REFERRALS("referrals", "Referrals and appointments"),
  CARE_TEAM("careTeam", "Care team and involved services"),
  SOCIAL_CARE("socialCare", "Social care packages");

  private final String key;
  private final String heading;

  SectionKind(String key, String heading) {
    this.key = key;
    this.heading = heading;
  }

  /** The gateway's JSON key, e.g. {@code careTeam}. */
  public String key() {
    return key;
  }

  public String heading() {
    return heading;
  }

  /** One item of the section, as in "1 listed allergy could not be read". */
  public String singular() {
    return switch (this) {
      case ALLERGIES -> "allergy";
      case CARE_TEAM -> "care team member";
      case SOCIAL_CARE -> "social care package";
      case REFERRALS -> "referral";
      default -> key.substring(0, key.length() - 1);
    };
  }

  /** Several items of the section, as in "2 listed allergies could not be read". */
  public String plural() {
    return switch (this) {
      case CARE_TEAM -> "care team members";
      case SOCIAL_CARE -> "social care packages";
      default -> key;
    };
  }

  /** What an empty grid says when the section could not be shown: "Medications unavailable". */
  public String unavailable() {
    return switch (this) {
      case REFERRALS -> "Referrals unavailable";
      case CARE_TEAM -> "Care team unavailable";
      case SOCIAL_CARE -> "Social care packages unavailable";
      default -> heading + " unavailable";
    };
  }
}
