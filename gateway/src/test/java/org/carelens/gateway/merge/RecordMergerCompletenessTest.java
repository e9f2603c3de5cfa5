package org.carelens.gateway.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelens.gateway.fanout.SourceResult;
import org.carelens.gateway.fanout.SourceStatus;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.EmptyReason;
import org.carelens.sdk.model.Provenance;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.SourceDescriptor;
import org.junit.jupiter.api.Test;

/** Issue 9: a source's partial or unreadable section never looks complete after the merge. */
class RecordMergerCompletenessTest {

  static final CodedConcept PENICILLIN = CodedConcept.snomed("91936005", "Allergy to penicillin");
  static final CodedConcept PEANUT = CodedConcept.snomed("91935009", "Allergy to peanuts");

  final RecordMerger merger = new RecordMerger();

  @Test
  void a_partial_gp_allergy_list_beside_a_hospital_allergy_is_known_and_names_the_gap() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded(
                    "gp",
                    "Riverside Medical Practice",
                    allergies(
                        Completeness.partial(1, "1 listed item is not in the Bundle"),
                        allergy("gp", "a1", PEANUT))),
                loaded(
                    "acute",
                    "Riverside Hospital",
                    allergies(Completeness.complete(), allergy("acute", "x1", PENICILLIN)))));

    assertThat(merged.allergyState()).isEqualTo(AllergyState.KNOWN);
    assertThat(merged.allergies()).hasSize(2);
    assertThat(merged.gaps(Section.ALLERGIES))
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.sourceId()).isEqualTo("gp");
              assertThat(g.state()).isEqualTo("PARTIAL");
              assertThat(g.unreadableItems()).contains(1);
              assertThat(g.message())
                  .isEqualTo("Riverside Medical Practice: 1 listed allergy could not be read");
            });
    assertThat(merged.warnings())
        .containsExactly(
            new MergedRecord.DataWarning(
                "SECTION_INCOMPLETE",
                "Riverside Medical Practice: 1 listed allergy could not be read"));
  }

  @Test
  void an_unavailable_allergy_section_is_never_reported_as_no_known_allergies() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("gp", "GP", unavailableAllergies()),
                loaded("acute", "Hospital", nilKnownAllergies(Completeness.complete()))));

    assertThat(merged.allergyState()).isEqualTo(AllergyState.UNAVAILABLE);
    assertThat(merged.warnings())
        .extracting(MergedRecord.DataWarning::message)
        .containsExactly("GP: allergies could not be read");
  }

  @Test
  void a_partial_list_of_only_ended_allergies_is_unavailable_not_not_recorded() {
    AllergyItem ended =
        new AllergyItem(
            Provenance.of("gp", "e1"),
            PENICILLIN,
            AllergyItem.Status.RESOLVED,
            Optional.empty(),
            Optional.of(LocalDate.of(2001, 1, 1)),
            List.of(),
            Optional.empty(),
            Set.of());

    MergedRecord merged =
        merger.merge(
            List.of(loaded("gp", "GP", allergies(Completeness.partial(2, "malformed"), ended))));

    assertThat(merged.allergyState()).isEqualTo(AllergyState.UNAVAILABLE);
    assertThat(merged.warnings())
        .extracting(MergedRecord.DataWarning::message)
        .containsExactly("GP: 2 listed allergies could not be read");
  }

  @Test
  void complete_sections_add_no_gap_and_no_warning() {
    MergedRecord merged =
        merger.merge(List.of(loaded("gp", "GP", nilKnownAllergies(Completeness.complete()))));

    assertThat(merged.gaps()).isEmpty();
    assertThat(merged.warnings()).isEmpty();
    assertThat(merged.allergyState()).isEqualTo(AllergyState.NO_KNOWN_ALLERGIES);
  }

  @Test
  void a_gap_is_reported_for_every_section_and_source_that_has_one() {
    SourceRecord gp =
        new SourceRecord(
            Optional.empty(),
            Map.of(
                Section.MEDICATIONS,
                SectionContent.unavailable(Section.MEDICATIONS, "no medications List"),
                Section.CARE_TEAM,
                SectionContent.unavailable(Section.CARE_TEAM, "no care team")));

    MergedRecord merged =
        merger.merge(
            List.of(loaded("gp", "GP", gp), loaded("acute", "Hospital", unavailableAllergies())));

    assertThat(merged.gaps())
        .extracting(g -> g.sourceId() + "/" + g.section().key())
        .containsExactly("gp/medications", "gp/careTeam", "acute/allergies");
  }

  private static SourceRecord allergies(Completeness completeness, AllergyItem... items) {
    return new SourceRecord(
        Optional.empty(),
        Map.of(
            Section.ALLERGIES,
            SectionContent.of(Section.ALLERGIES, List.of(items)).withCompleteness(completeness)));
  }

  private static SourceRecord unavailableAllergies() {
    return new SourceRecord(
        Optional.empty(),
        Map.of(
            Section.ALLERGIES,
            SectionContent.unavailable(Section.ALLERGIES, "the bundle has no allergies List")));
  }

  private static SourceRecord nilKnownAllergies(Completeness completeness) {
    return new SourceRecord(
        Optional.empty(),
        Map.of(
            Section.ALLERGIES,
            new SectionContent<>(
                Section.ALLERGIES,
                List.<AllergyItem>of(),
                Optional.of(EmptyReason.NIL_KNOWN),
                false,
                completeness)));
  }

  private static AllergyItem allergy(String source, String id, CodedConcept concept) {
    return new AllergyItem(
        Provenance.of(source, id),
        concept,
        AllergyItem.Status.ACTIVE,
        Optional.empty(),
        Optional.of(LocalDate.of(2010, 5, 1)),
        List.of("Urticaria"),
        Optional.empty(),
        Set.of());
  }

  private static SourceResult loaded(String id, String name, SourceRecord record) {
    return new SourceResult(
        new SourceDescriptor(id, name, "X1", Set.of()),
        SourceStatus.OK,
        Optional.of(record),
        Optional.empty(),
        Optional.empty(),
        Duration.ofMillis(5),
        false,
        Optional.empty());
  }
}
