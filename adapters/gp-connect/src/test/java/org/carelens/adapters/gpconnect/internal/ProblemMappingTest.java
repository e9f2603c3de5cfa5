package org.carelens.adapters.gpconnect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.carelens.adapters.gpconnect.Fixtures;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.ProblemItem;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.Sensitivity;
import org.hl7.fhir.dstu3.model.Bundle;
import org.junit.jupiter.api.Test;

/** Payloads recorded from the GP practice simulator (seed 42). */
class ProblemMappingTest {

  private final GpConnectBundleMapper mapper = new GpConnectBundleMapper("gp");

  @Test
  void problems_are_mapped_with_status_significance_dates_and_provenance() throws Exception {
    SectionContent<?> problems =
        problems("structured-record-problems-confidential.json", "9990350272");

    assertThat(problems.items()).hasSize(3);
    ProblemItem osteoarthritis = (ProblemItem) problems.items().getFirst();
    assertThat(osteoarthritis.concept())
        .isEqualTo(CodedConcept.snomed("239873007", "Osteoarthritis of knee"));
    assertThat(osteoarthritis.status()).isEqualTo(ProblemItem.Status.INACTIVE);
    assertThat(osteoarthritis.significance()).isEqualTo(ProblemItem.Significance.MINOR);
    assertThat(osteoarthritis.onsetDate()).contains(LocalDate.of(2010, 6, 28));
    assertThat(osteoarthritis.endDate()).contains(LocalDate.of(2011, 5, 20));
    assertThat(osteoarthritis.provenance().sourceItemId()).isEqualTo("9990350272-problem-1");
    assertThat(osteoarthritis.provenance().recordingOrganisationOds()).isPresent();
  }

  @Test
  void a_confidential_items_warning_marks_the_section_as_excluded_at_source() throws Exception {
    SectionContent<?> problems =
        problems("structured-record-problems-confidential.json", "9990350272");

    assertThat(problems.excludedAtSource()).isTrue();
    assertThat(problems.items())
        .extracting(item -> item.concept().code())
        .doesNotContain("105629000");
  }

  @Test
  void a_shared_sexual_health_problem_is_labelled_sensitive() throws Exception {
    SectionContent<?> problems = problems("structured-record-problems-labelled.json", "9997259084");

    assertThat(problems.excludedAtSource()).isFalse();
    assertThat(problems.items())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.concept().code()).isEqualTo("105629000");
              assertThat(item.sensitivity()).containsExactly(Sensitivity.SEXUAL_HEALTH);
            });
  }

  @Test
  void a_bundle_without_a_problems_list_makes_the_section_unavailable() throws Exception {
    Bundle bundle =
        Gpc.jsonParser().parseResource(Bundle.class, Fixtures.text("structured-record-full.json"));

    SectionContent<?> problems =
        mapper
            .map(bundle, Fixtures.FULL_PATIENT, Set.of(Section.PROBLEMS))
            .section(Section.PROBLEMS)
            .orElseThrow();

    assertThat(problems.items()).isEmpty();
    assertThat(problems.emptyReason())
        .isEqualTo(Optional.of(org.carelens.sdk.model.EmptyReason.UNAVAILABLE));
  }

  private SectionContent<?> problems(String fixture, String nhsNumber) throws Exception {
    Bundle bundle = Gpc.jsonParser().parseResource(Bundle.class, Fixtures.text(fixture));
    return mapper
        .map(bundle, new NhsNumber(nhsNumber), Set.of(Section.PROBLEMS))
        .section(Section.PROBLEMS)
        .orElseThrow();
  }
}
