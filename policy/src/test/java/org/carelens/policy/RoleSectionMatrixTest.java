package org.carelens.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.carelens.sdk.model.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoleSectionMatrixTest {

  private final RoleSectionMatrix matrix = RoleSectionMatrix.defaults();

  @ParameterizedTest
  @EnumSource(Section.class)
  void a_clinician_sees_every_section(Section section) {
    Decision decision = matrix.decide(Role.CLINICIAN, section);

    assertThat(decision).isEqualTo(new Decision.Permit("role-section-matrix"));
  }

  @ParameterizedTest
  @EnumSource(Section.class)
  void an_administrator_sees_no_clinical_section(Section section) {
    Decision decision = matrix.decide(Role.ADMINISTRATOR, section);

    assertThat(decision)
        .isEqualTo(
            new Decision.Withhold(
                "ROLE_NOT_PERMITTED",
                "The administrator role may not see the " + section.key() + " section",
                "role-section-matrix"));
  }

  @Test
  void a_social_worker_gets_a_summary_without_medication_or_results() {
    var sections = matrix.permittedSections(Role.SOCIAL_WORKER);

    assertThat(sections)
        .contains(Section.ALERTS, Section.CARE_TEAM, Section.SOCIAL_CARE, Section.ENCOUNTERS)
        .doesNotContain(Section.MEDICATIONS, Section.RESULTS, Section.DOCUMENTS);
  }

  @Test
  void a_pharmacist_sees_allergies_and_medications_but_not_social_care() {
    assertThat(matrix.decide(Role.PHARMACIST, Section.MEDICATIONS).permitted()).isTrue();
    assertThat(matrix.decide(Role.PHARMACIST, Section.ALLERGIES).permitted()).isTrue();
    assertThat(matrix.decide(Role.PHARMACIST, Section.SOCIAL_CARE).permitted()).isFalse();
  }

  @Test
  void a_role_missing_from_a_configured_matrix_sees_nothing() {
    var partial = new RoleSectionMatrix(Map.of(Role.CLINICIAN, EnumSet.of(Section.ALLERGIES)));

    Decision decision = partial.decide(Role.PHARMACIST, Section.ALLERGIES);

    assertThat(decision.permitted()).isFalse();
    assertThat(partial.permittedSections(Role.PHARMACIST)).isEmpty();
  }

  @Test
  void role_codes_round_trip_and_unknown_codes_are_refused() {
    for (Role role : Role.values()) {
      assertThat(Role.fromCode(role.code())).contains(role);
    }
    assertThat(Role.fromCode("superuser")).isEmpty();
  }
}
