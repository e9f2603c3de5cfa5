package org.carelens.gateway.merge;

import org.carelens.sdk.model.Section;

/** The words a clinician reads for a section's items: "1 allergy", "2 care team members". */
public final class SectionNouns {

  private SectionNouns() {}

  /** The item noun for {@code count} items of the section. */
  public static String of(Section section, int count) {
    String singular =
        switch (section) {
          case ALERTS -> "alert";
          case ALLERGIES -> "allergy";
          case MEDICATIONS -> "medication";
          case PROBLEMS -> "problem";
          case ENCOUNTERS -> "encounter";
          case RESULTS -> "result";
          case IMMUNISATIONS -> "immunisation";
          case DOCUMENTS -> "document";
          case REFERRALS -> "referral";
          case CARE_TEAM -> "care team member";
          case SOCIAL_CARE -> "social care package";
        };
    if (count == 1) {
      return singular;
    }
    return section == Section.ALLERGIES ? "allergies" : singular + "s";
  }

  /** The section as a phrase, e.g. "allergies", "care team". */
  public static String title(Section section) {
    return switch (section) {
      case CARE_TEAM -> "care team";
      case SOCIAL_CARE -> "social care";
      default -> section.key();
    };
  }
}
