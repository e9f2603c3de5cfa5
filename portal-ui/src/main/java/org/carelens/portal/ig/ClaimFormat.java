package org.carelens.portal.ig;

import java.util.Map;
import org.carelens.portal.gateway.RelationshipClaimReviewItem;

/** Words for what only a self-claimed relationship has: its coded reason and where it began. */
public final class ClaimFormat {

  private ClaimFormat() {}

  /**
   * The coded reason in the agreement's words ({@code covering-colleague} → "Covering for a
   * colleague's patient"): the words the user chose from, as recorded with the claim; for claims
   * recorded before the words were, those of the agreement in force, and a code it no longer lists
   * (or any code while its words could not be read) is shown as recorded rather than hidden.
   *
   * @param words the agreement's reason codes to their words, empty when unknown
   */
  public static String reason(RelationshipClaimReviewItem item, Map<String, String> words) {
    if (item.reasonCode() == null) {
      return "No coded reason recorded";
    }
    if (item.reasonText() != null && !item.reasonText().isBlank()) {
      return item.reasonText();
    }
    return words.getOrDefault(item.reasonCode(), item.reasonCode());
  }

  /**
   * The patient the claiming session was launched for, {@code 999 000 0018}: a claim is always for
   * someone else, and who the user was seeing at the time helps judge it.
   */
  public static String launchedFor(RelationshipClaimReviewItem item) {
    return item.launchedPatient() == null
        ? ReviewFormat.NOT_RECORDED
        : ReviewFormat.nhsNumber(item.launchedPatient());
  }
}
