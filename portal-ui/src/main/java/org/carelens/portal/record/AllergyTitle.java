package org.carelens.portal.record;

import java.util.Optional;
import org.carelens.portal.gateway.AllergySection;

/**
 * The allergy title the CUI patient banner shows. Only the gateway's explicit {@code
 * NO_KNOWN_ALLERGIES} may say "No known allergies": a missing, withheld or unreadable section is
 * "Allergies unavailable", never reassurance.
 */
public enum AllergyTitle {
  KNOWN("Known allergies"),
  NO_KNOWN_ALLERGIES("No known allergies"),
  NOT_RECORDED("Allergies not recorded"),
  UNAVAILABLE("Allergies unavailable");

  private final String text;

  AllergyTitle(String text) {
    this.text = text;
  }

  /** The words shown in the banner and as the empty-state of the allergies grid. */
  public String text() {
    return text;
  }

  /** The title for an allergies section, or for its absence. */
  public static AllergyTitle of(Optional<AllergySection> section) {
    if (section.isEmpty() || section.get().withheld()) {
      return UNAVAILABLE;
    }
    String state = section.get().state();
    if (state == null) {
      return UNAVAILABLE;
    }
    return switch (state) {
      case "KNOWN" -> KNOWN;
      case "NO_KNOWN_ALLERGIES" -> NO_KNOWN_ALLERGIES;
      case "NOT_RECORDED" -> NOT_RECORDED;
      default -> UNAVAILABLE;
    };
  }
}
