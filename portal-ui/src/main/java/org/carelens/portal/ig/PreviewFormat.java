package org.carelens.portal.ig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.carelens.portal.gateway.PolicyPreview;
import org.carelens.portal.record.CuiFormat;

/**
 * Words for a policy preview (issue 13): which sections of a source a viewer would get, and for
 * those withheld, why and under which rule, grouped so one reason is said once.
 */
public final class PreviewFormat {

  private PreviewFormat() {}

  /** "Shown" or "Not asked: reason (rule share-out)". */
  public static String decision(PolicyPreview.Outcome outcome) {
    return outcome.shown() ? "Shown (rule " + outcome.rule() + ")" : withheld(outcome);
  }

  /** The sections shown, in the gateway's order, or "None". */
  public static String shownSections(PolicyPreview.SourcePreview source) {
    List<String> shown =
        source.sections().stream()
            .filter(s -> s.outcome().shown())
            .map(PolicyPreview.SectionPreview::section)
            .toList();
    return shown.isEmpty() ? "None" : String.join(", ", shown);
  }

  /**
   * Each distinct reason with the sections it withholds: "alerts, documents — Not shared with
   * pharmacists (rule share-out)"; empty when every section is shown.
   */
  public static List<String> withheldSections(PolicyPreview.SourcePreview source) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    source.sections().stream()
        .filter(s -> !s.outcome().shown())
        .forEach(
            s ->
                byReason
                    .computeIfAbsent(withheld(s.outcome()), k -> new java.util.ArrayList<>())
                    .add(s.section()));
    return byReason.entrySet().stream()
        .map(e -> String.join(", ", e.getValue()) + " — " + e.getKey())
        .toList();
  }

  /** The sensitive labels that would get through, and those that would not, in one line each. */
  public static String sensitive(PolicyPreview.SourcePreview source) {
    String shown =
        source.sensitive().stream()
            .filter(l -> l.outcome().shown())
            .map(PolicyPreview.LabelPreview::label)
            .collect(Collectors.joining(", "));
    String hidden =
        source.sensitive().stream()
            .filter(l -> !l.outcome().shown())
            .map(PolicyPreview.LabelPreview::label)
            .collect(Collectors.joining(", "));
    return (shown.isEmpty() ? "" : "Shown: " + shown + ". ")
        + (hidden.isEmpty() ? "" : "Withheld: " + hidden + ".");
  }

  /** "Agreement riverside-shared-care version 3, effective 01-Apr-2026". */
  public static String agreement(PolicyPreview.AgreementView agreement) {
    return "Agreement "
        + agreement.id()
        + " version "
        + agreement.version()
        + (agreement.effective() == null
            ? ""
            : ", effective " + CuiFormat.date(agreement.effective()));
  }

  private static String withheld(PolicyPreview.Outcome outcome) {
    String reason =
        outcome.reason() != null && !outcome.reason().isBlank()
            ? outcome.reason().strip()
            : outcome.reasonCode() == null ? "Withheld" : outcome.reasonCode();
    return "Withheld: " + reason + " (rule " + outcome.rule() + ")";
  }
}
