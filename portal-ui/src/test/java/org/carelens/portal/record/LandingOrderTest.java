package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LandingOrderTest {

  @Test
  void
      an_out_of_hours_clinician_sees_alerts_allergies_medication_problems_encounters_and_care_team_first() {
    assertThat(LandingOrder.forRole("clinician"))
        .startsWith(
            SectionKind.ALERTS,
            SectionKind.ALLERGIES,
            SectionKind.MEDICATIONS,
            SectionKind.PROBLEMS,
            SectionKind.ENCOUNTERS,
            SectionKind.CARE_TEAM);
  }

  @Test
  void a_pharmacist_sees_medication_then_allergies_then_results_first() {
    assertThat(LandingOrder.forRole("pharmacist"))
        .startsWith(SectionKind.MEDICATIONS, SectionKind.ALLERGIES, SectionKind.RESULTS);
  }

  @Test
  void a_social_worker_sees_care_team_social_care_encounters_and_alerts_first() {
    assertThat(LandingOrder.forRole("social-worker"))
        .startsWith(
            SectionKind.CARE_TEAM,
            SectionKind.SOCIAL_CARE,
            SectionKind.ENCOUNTERS,
            SectionKind.ALERTS);
  }

  @Test
  void every_role_gets_every_section_exactly_once() {
    for (String role : new String[] {"clinician", "pharmacist", "social-worker", "unknown"}) {
      assertThat(LandingOrder.forRole(role))
          .as(role)
          .containsExactlyInAnyOrder(SectionKind.values());
    }
  }
}
