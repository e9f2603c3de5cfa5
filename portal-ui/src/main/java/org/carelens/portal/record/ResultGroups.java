package org.carelens.portal.record;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.carelens.portal.gateway.ResultEntry;
import org.jspecify.annotations.Nullable;

/**
 * Renal and liver function results, which a pharmacist checks doses against, and the order results
 * are listed in.
 */
public final class ResultGroups {

  // LOINC codes for U&E and LFT tests: creatinine, eGFR (two equations), urea, sodium, potassium,
  // ALT, AST, alkaline phosphatase, bilirubin, albumin, GGT.
  private static final Set<String> RENAL_OR_HEPATIC_LOINC =
      Set.of(
          "2160-0", "14682-9", "33914-3", "62238-1", "98979-8", "3094-0", "22664-7", "2951-2",
          "2823-3", "1742-6", "1920-8", "6768-6", "1975-2", "14631-6", "1751-7", "2324-2");

  private static final List<String> WORDS =
      List.of(
          "renal",
          "kidney",
          "liver",
          "hepatic",
          "creatinine",
          "egfr",
          "urea",
          "sodium",
          "potassium",
          "alt",
          "ast",
          "alkaline phosphatase",
          "bilirubin",
          "albumin",
          "ggt",
          "gamma");

  /** Newest first, then by test name, so the latest value of each test reads first. */
  public static final Comparator<ResultEntry> NEWEST_FIRST =
      Comparator.comparing(
              (ResultEntry r) -> r.effectiveDate() == null ? LocalDate.MIN : r.effectiveDate(),
              Comparator.reverseOrder())
          .thenComparing(r -> r.concept().display().toLowerCase(Locale.UK))
          .thenComparing(ResultEntry::id);

  private ResultGroups() {}

  /** True for a renal or liver function test, by LOINC code, test name or report name. */
  public static boolean renalOrHepatic(ResultEntry result) {
    if ("http://loinc.org".equals(result.concept().system())
        && result.concept().code() != null
        && RENAL_OR_HEPATIC_LOINC.contains(result.concept().code())) {
      return true;
    }
    return mentions(result.concept().display()) || mentions(result.report());
  }

  /** The display order for a role: pharmacists see renal and liver function first. */
  public static List<ResultEntry> ordered(List<ResultEntry> results, String role) {
    Comparator<ResultEntry> order = NEWEST_FIRST;
    if ("pharmacist".equals(role)) {
      order =
          Comparator.comparing((ResultEntry r) -> renalOrHepatic(r) ? 0 : 1).thenComparing(order);
    }
    return results.stream().sorted(order).toList();
  }

  private static boolean mentions(@Nullable String text) {
    if (text == null) {
      return false;
    }
    String lower = " " + text.toLowerCase(Locale.UK).replaceAll("[^a-z0-9 ]", " ") + " ";
    // Whole words only: "ast" must not match "asthma".
    return WORDS.stream().anyMatch(w -> lower.contains(" " + w + " "));
  }
}
