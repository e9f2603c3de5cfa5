package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.carelens.portal.gateway.AllergySection;
import org.junit.jupiter.api.Test;

class AllergyTitleTest {

  private static Optional<AllergySection> section(boolean withheld, String state) {
    return Optional.of(new AllergySection(withheld, null, state, List.of()));
  }

  @Test
  void each_explicit_state_has_its_cui_title() {
    assertThat(AllergyTitle.of(section(false, "KNOWN")).text()).isEqualTo("Known allergies");
    assertThat(AllergyTitle.of(section(false, "NO_KNOWN_ALLERGIES")).text())
        .isEqualTo("No known allergies");
    assertThat(AllergyTitle.of(section(false, "NOT_RECORDED")).text())
        .isEqualTo("Allergies not recorded");
    assertThat(AllergyTitle.of(section(false, "UNAVAILABLE")).text())
        .isEqualTo("Allergies unavailable");
  }

  @Test
  void a_withheld_section_is_unavailable_even_if_its_state_says_no_known_allergies() {
    AllergyTitle title = AllergyTitle.of(section(true, "NO_KNOWN_ALLERGIES"));

    assertThat(title).isEqualTo(AllergyTitle.UNAVAILABLE);
  }

  @Test
  void a_missing_section_or_state_is_unavailable_never_reassurance() {
    assertThat(AllergyTitle.of(Optional.empty())).isEqualTo(AllergyTitle.UNAVAILABLE);
    assertThat(AllergyTitle.of(section(false, null))).isEqualTo(AllergyTitle.UNAVAILABLE);
    assertThat(AllergyTitle.of(section(false, "SOMETHING_NEW")))
        .isEqualTo(AllergyTitle.UNAVAILABLE);
  }
}
