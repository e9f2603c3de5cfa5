package org.carelens.gateway.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelens.gateway.fanout.SourceResult;
import org.carelens.gateway.fanout.SourceStatus;
import org.carelens.sdk.model.AlertItem;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.EncounterItem;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.ProblemItem;
import org.carelens.sdk.model.Provenance;
import org.carelens.sdk.model.ResultItem;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.SourceDescriptor;
import org.junit.jupiter.api.Test;

/** Merge rules for the sections beyond allergies and medications. */
class SectionMergeTest {

  static final CodedConcept AE = CodedConcept.snomed("4525004", "Emergency department visit");
  static final CodedConcept SODIUM = new CodedConcept(CodedConcept.LOINC, "2951-2", "Sodium");
  static final CodedConcept ASTHMA = CodedConcept.snomed("195967001", "Asthma");
  static final CodedConcept DIABETES = CodedConcept.snomed("44054006", "Type 2 diabetes");
  static final CodedConcept ECZEMA = CodedConcept.snomed("43116000", "Eczema");
  static final CodedConcept DNACPR = CodedConcept.snomed("304253006", "DNACPR");

  final RecordMerger merger = new RecordMerger();

  @Test
  void the_same_attendance_from_two_sources_is_one_item_and_another_day_is_another() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("gp", encounter("gp", "e1", LocalDate.of(2024, 3, 1))),
                loaded(
                    "acute",
                    encounter("acute", "x1", LocalDate.of(2024, 3, 1)),
                    encounter("acute", "x2", LocalDate.of(2025, 1, 9)))));

    List<Merged<EncounterItem>> encounters = merged.items(Section.ENCOUNTERS, EncounterItem.class);

    assertThat(encounters).hasSize(2);
    assertThat(encounters.get(0).item().start()).contains(LocalDate.of(2025, 1, 9));
    assertThat(encounters.get(1).occurrences())
        .extracting(e -> e.provenance().sourceId())
        .containsExactly("gp", "acute");
  }

  @Test
  void the_same_attendance_timed_differently_by_two_sources_is_one_item_flagged_with_both_times() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("acute", timed("acute", "x1", "2024-03-01T23:50:00Z")),
                loaded("ooh", timed("ooh", "o1", "2024-03-01T22:10:00Z"))));

    Merged<EncounterItem> attendance =
        merged.items(Section.ENCOUNTERS, EncounterItem.class).getFirst();

    assertThat(merged.items(Section.ENCOUNTERS, EncounterItem.class)).hasSize(1);
    assertThat(attendance.conflict()).isTrue();
    assertThat(attendance.difference("startTime").orElseThrow().values())
        .containsExactly(
            new Merged.SourceValue("acute", Optional.of("2024-03-01T23:50:00Z")),
            new Merged.SourceValue("ooh", Optional.of("2024-03-01T22:10:00Z")));
  }

  @Test
  void the_same_moment_written_in_two_offsets_is_not_a_difference() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("acute", timed("acute", "x1", "2024-07-01T14:35:00+01:00")),
                loaded("ooh", timed("ooh", "o1", "2024-07-01T13:35:00Z"))));

    Merged<EncounterItem> attendance =
        merged.items(Section.ENCOUNTERS, EncounterItem.class).getFirst();

    assertThat(attendance.conflict()).isFalse();
    assertThat(attendance.differences()).isEmpty();
  }

  @Test
  void a_time_that_the_shown_source_lacks_is_listed_never_hidden_behind_its_date() {
    // The GP's date-only record is given first, so its line would show the day alone.
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("gp", encounter("gp", "e1", LocalDate.of(2024, 3, 1))),
                loaded("acute", timed("acute", "x1", "2024-03-01T23:50:00Z"))));

    Merged<EncounterItem> attendance =
        merged.items(Section.ENCOUNTERS, EncounterItem.class).getFirst();

    assertThat(attendance.item().provenance().sourceId()).isEqualTo("gp");
    assertThat(attendance.conflict()).isTrue();
    assertThat(attendance.difference("startTime").orElseThrow().values())
        .containsExactly(
            new Merged.SourceValue("gp", Optional.empty()),
            new Merged.SourceValue("acute", Optional.of("2024-03-01T23:50:00Z")));
  }

  @Test
  void a_source_without_the_time_the_shown_source_has_is_not_a_disagreement() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("acute", timed("acute", "x1", "2024-03-01T23:50:00Z")),
                loaded("gp", encounter("gp", "e1", LocalDate.of(2024, 3, 1)))));

    Merged<EncounterItem> attendance =
        merged.items(Section.ENCOUNTERS, EncounterItem.class).getFirst();

    assertThat(attendance.item().startTime())
        .contains(OffsetDateTime.parse("2024-03-01T23:50:00Z"));
    assertThat(attendance.conflict()).isFalse();
  }

  @Test
  void a_result_reported_with_different_values_by_two_sources_is_shown_twice_and_flagged() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("gp", sodium("gp", "r1", "142")),
                loaded("acute", sodium("acute", "r9", "124"))));

    List<Merged<ResultItem>> results = merged.items(Section.RESULTS, ResultItem.class);

    assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r.conflict()).isTrue());
  }

  @Test
  void the_same_result_with_the_same_value_is_one_item_without_a_conflict() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("gp", sodium("gp", "r1", "142")),
                loaded("acute", sodium("acute", "r9", "142"))));

    assertThat(merged.items(Section.RESULTS, ResultItem.class))
        .singleElement()
        .satisfies(r -> assertThat(r.conflict()).isFalse());
  }

  @Test
  void problems_are_active_first_then_newest_onset_first() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded(
                    "gp",
                    problem("gp", "p1", ASTHMA, ProblemItem.Status.RESOLVED, 2020),
                    problem("gp", "p2", DIABETES, ProblemItem.Status.ACTIVE, 2010),
                    problem("gp", "p3", ECZEMA, ProblemItem.Status.ACTIVE, 2018))));

    assertThat(merged.items(Section.PROBLEMS, ProblemItem.class))
        .extracting(m -> m.item().provenance().sourceItemId())
        .containsExactly("p3", "p2", "p1");
  }

  @Test
  void an_alert_active_at_one_source_and_inactive_at_another_is_kept_twice_and_flagged() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("gp", alert("gp", "a1", AlertItem.Status.ACTIVE)),
                loaded("acute", alert("acute", "a7", AlertItem.Status.INACTIVE))));

    List<Merged<AlertItem>> alerts = merged.items(Section.ALERTS, AlertItem.class);

    assertThat(alerts).hasSize(2).allSatisfy(a -> assertThat(a.conflict()).isTrue());
    assertThat(alerts.getFirst().item().status()).isEqualTo(AlertItem.Status.ACTIVE);
  }

  @Test
  void a_medication_conflict_is_also_raised_as_a_warning() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("gp", medication("gp", "m1", MedicationItem.Status.ACTIVE)),
                loaded("acute", medication("acute", "m2", MedicationItem.Status.DISCONTINUED))));

    assertThat(merged.warnings())
        .extracting(MergedRecord.DataWarning::code)
        .contains("MEDICATION_CONFLICT");
  }

  @Test
  void every_section_is_present_even_when_no_source_returned_it() {
    MergedRecord merged = merger.merge(List.of(loaded("gp")));

    assertThat(merged.sections()).containsOnlyKeys(Section.values());
    assertThat(merged.sections().values()).allSatisfy(items -> assertThat(items).isEmpty());
  }

  private static SourceResult loaded(String id, ClinicalItem... items) {
    Map<Section, List<ClinicalItem>> bySection = new java.util.EnumMap<>(Section.class);
    for (ClinicalItem item : items) {
      bySection.computeIfAbsent(item.section(), s -> new java.util.ArrayList<>()).add(item);
    }
    Map<Section, SectionContent<?>> sections = new java.util.EnumMap<>(Section.class);
    bySection.forEach((section, list) -> sections.put(section, SectionContent.of(section, list)));
    return new SourceResult(
        new SourceDescriptor(id, id, "X1", Set.of()),
        SourceStatus.OK,
        Optional.of(new SourceRecord(Optional.empty(), sections)),
        Optional.empty(),
        Optional.empty(),
        Duration.ofMillis(5),
        false,
        Optional.empty());
  }

  private static EncounterItem encounter(String source, String id, LocalDate start) {
    return new EncounterItem(
        Provenance.of(source, id),
        AE,
        EncounterItem.Kind.EMERGENCY_ATTENDANCE,
        Optional.of(start),
        Optional.of(start),
        Optional.of("Riverside ED"),
        Optional.empty(),
        Optional.of("Fall"),
        Optional.empty(),
        Set.of());
  }

  /** An attendance whose source recorded its arrival time (and its day, from the same value). */
  private static EncounterItem timed(String source, String id, String start) {
    OffsetDateTime at = OffsetDateTime.parse(start);
    return new EncounterItem(
        Provenance.of(source, id),
        AE,
        EncounterItem.Kind.EMERGENCY_ATTENDANCE,
        Optional.of(at.toLocalDate()),
        Optional.of(at.toLocalDate()),
        Optional.of(at),
        Optional.empty(),
        Optional.of("Riverside ED"),
        Optional.empty(),
        Optional.of("Fall"),
        Optional.empty(),
        Set.of());
  }

  private static ResultItem sodium(String source, String id, String value) {
    return new ResultItem(
        Provenance.of(source, id),
        SODIUM,
        Optional.of(value),
        Optional.of("mmol/L"),
        Optional.of("133-146"),
        ResultItem.Flag.NOT_GIVEN,
        ResultItem.Status.FINAL,
        Optional.of(LocalDate.of(2025, 6, 1)),
        Optional.of("Urea and electrolytes"),
        Set.of());
  }

  private static ProblemItem problem(
      String source, String id, CodedConcept concept, ProblemItem.Status status, int onsetYear) {
    return new ProblemItem(
        Provenance.of(source, id),
        concept,
        status,
        ProblemItem.Significance.MAJOR,
        Optional.of(LocalDate.of(onsetYear, 1, 1)),
        Optional.empty(),
        Optional.empty(),
        Set.of());
  }

  private static AlertItem alert(String source, String id, AlertItem.Status status) {
    return new AlertItem(
        Provenance.of(source, id),
        DNACPR,
        AlertItem.Kind.DNACPR,
        status,
        Optional.of(LocalDate.of(2024, 1, 1)),
        Optional.empty(),
        Set.of());
  }

  private static MedicationItem medication(String source, String id, MedicationItem.Status status) {
    return new MedicationItem(
        Provenance.of(source, id),
        CodedConcept.dmd("319283006", "Amlodipine 5mg tablets"),
        status,
        MedicationItem.PrescriptionType.REPEAT,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Set.of());
  }
}
