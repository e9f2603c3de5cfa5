package org.carelens.portal.ig;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.carelens.portal.gateway.PolicyPreview;
import org.junit.jupiter.api.Test;

class PreviewFormatTest {

  private static PolicyPreview.Outcome shown() {
    return new PolicyPreview.Outcome(true, "role-matrix", null, null, List.of());
  }

  private static PolicyPreview.Outcome notShared() {
    return new PolicyPreview.Outcome(
        false, "share-out", "SECTION_NOT_SHARED", "Not shared with pharmacists", List.of());
  }

  @Test
  void a_source_lists_the_sections_shown_and_each_reason_once_with_its_rule() {
    PolicyPreview.SourcePreview gp =
        new PolicyPreview.SourcePreview(
            "gp",
            "implied",
            shown(),
            List.of(
                new PolicyPreview.SectionPreview("medications", shown()),
                new PolicyPreview.SectionPreview("documents", notShared()),
                new PolicyPreview.SectionPreview("socialCare", notShared())),
            List.of(
                new PolicyPreview.LabelPreview("hiv", notShared()),
                new PolicyPreview.LabelPreview("safeguarding", shown())));

    assertThat(PreviewFormat.shownSections(gp)).isEqualTo("medications");
    assertThat(PreviewFormat.withheldSections(gp))
        .containsExactly(
            "documents, socialCare — Withheld: Not shared with pharmacists (rule share-out)");
    assertThat(PreviewFormat.sensitive(gp)).isEqualTo("Shown: safeguarding. Withheld: hiv.");
    assertThat(PreviewFormat.decision(gp.source())).isEqualTo("Shown (rule role-matrix)");
  }

  @Test
  void the_agreement_is_named_with_its_version_and_cui_date() {
    assertThat(
            PreviewFormat.agreement(
                new PolicyPreview.AgreementView(
                    "riverside-shared-care", 3, LocalDate.of(2026, 4, 1), List.of())))
        .isEqualTo("Agreement riverside-shared-care version 3, effective 01-Apr-2026");
  }
}
