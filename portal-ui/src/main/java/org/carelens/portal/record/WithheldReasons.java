package org.carelens.portal.record;

import java.util.Optional;

/**
 * Why a source was withheld, in words. The reason codes come from the sources (GP Connect's {@code
 * NO_PATIENT_CONSENT}, the mental health trust's {@code SHARING_REFUSED}) and from Carelens' own
 * consent policy. They say which rule applied to the whole source, never what it held.
 */
public final class WithheldReasons {

  private WithheldReasons() {}

  /** The words for a reason code; an unknown code is shown as it came, not hidden. */
  public static String words(String reasonCode) {
    return switch (reasonCode) {
      // GP Connect 1.6: NO_PATIENT_CONSENT means the patient dissented at the practice.
      case "NO_PATIENT_CONSENT" -> "The patient has not consented to sharing from this source";
      case "SHARING_REFUSED" -> "The source refused to share this record";
      case "PATIENT_DISSENT" -> "The patient has opted out of sharing this source's information";
      case "PERMISSION_TO_VIEW_REQUIRED" ->
          "The patient's permission to view is needed before this source can be shown";
      case "NOT_IN_AGREEMENT" -> "This source is not covered by the sharing agreement";
      case "NOT_SHARED_WITH_ORGANISATION_TYPE" ->
          "This source does not share with your type of organisation";
      case "BREAK_GLASS_EXPIRED" -> "Emergency (break-glass) access has ended";
      case "ROLE_NOT_PERMITTED" -> "Your role may not see this source's information";
      default -> "Withheld (" + reasonCode + ")";
    };
  }

  /** The words for an optional reason; a withheld source without one still says it is withheld. */
  public static String words(Optional<String> reasonCode) {
    return reasonCode.map(WithheldReasons::words).orElse("Withheld by the source or by policy");
  }
}
