package org.carelens.portal.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The order of sections on the record page for each role: what that user needs in their first 30
 * seconds comes first (PRODUCT.md, "what they need first"); every other section follows in the
 * record's usual order, so nothing is ever left off the page.
 */
public final class LandingOrder {

  private LandingOrder() {}

  /**
   * The sections in display order for a role code ({@code clinician}, {@code pharmacist}, {@code
   * social-worker}, ...). Unknown roles get the clinician's order.
   */
  public static List<SectionKind> forRole(String role) {
    List<SectionKind> first =
        switch (role) {
          // Medicines reconciliation: every medication, then allergies, then renal and liver
          // function to check doses against.
          case "pharmacist" ->
              List.of(SectionKind.MEDICATIONS, SectionKind.ALLERGIES, SectionKind.RESULTS);
          // A social care summary: who is involved, what care is in place, recent admissions and
          // discharges, safeguarding flags.
          case "social-worker" ->
              List.of(
                  SectionKind.CARE_TEAM,
                  SectionKind.SOCIAL_CARE,
                  SectionKind.ENCOUNTERS,
                  SectionKind.ALERTS);
          // Out-of-hours and urgent care: alerts (safeguarding, DNACPR), allergies, current
          // medication, active problems, last encounters and who else is involved.
          default ->
              List.of(
                  SectionKind.ALERTS,
                  SectionKind.ALLERGIES,
                  SectionKind.MEDICATIONS,
                  SectionKind.PROBLEMS,
                  SectionKind.ENCOUNTERS,
                  SectionKind.CARE_TEAM);
        };
    List<SectionKind> order = new ArrayList<>(first);
    Arrays.stream(SectionKind.values()).filter(s -> !order.contains(s)).forEach(order::add);
    return List.copyOf(order);
  }
}
