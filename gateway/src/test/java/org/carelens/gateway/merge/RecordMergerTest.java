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
import org.carelens.sdk.model.EmptyReason;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.HumanName;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.carelens.sdk.model.ProblemItem;
import org.carelens.sdk.model.Provenance;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.SourceDescriptor;
import org.junit.jupiter.api.Test;

class RecordMergerTest {

  static final CodedConcept PENICILLIN = CodedConcept.snomed("91936005", "Allergy to penicillin");
  static final CodedConcept AMLODIPINE = CodedConcept.dmd("319283006", "Amlodipine 5mg tablets");
  static final CodedConcept METFORMIN = CodedConcept.dmd("325278007", "Metformin 500mg tablets");
  static final CodedConcept ASTHMA = CodedConcept.snomed("195967001", "Asthma");

  final RecordMerger merger = new RecordMerger();

  @Test
  void the_same_allergy_from_two_sources_appears_once_listing_both() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("gp", allergies(allergy("gp", "a1", PENICILLIN))),
                loaded("acute", allergies(allergy("acute", "x9", PENICILLIN)))));

    assertThat(merged.allergies())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.occurrences())
                  .extracting(a -> a.provenance().sourceId())
                  .containsExactly("gp", "acute");
              assertThat(m.conflict()).isFalse();
            });
    assertThat(merged.allergyState()).isEqualTo(AllergyState.KNOWN);
  }

  @Test
  void an_allergy_and_no_known_allergies_are_both_kept_and_flagged() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("gp", nilKnownAllergies()),
                loaded("acute", allergies(allergy("acute", "x9", PENICILLIN)))));

    assertThat(merged.allergyState()).isEqualTo(AllergyState.KNOWN);
    assertThat(merged.allergies())
        .singleElement()
        .satisfies(m -> assertThat(m.conflict()).isTrue());
    assertThat(merged.warnings())
        .extracting(MergedRecord.DataWarning::code)
        .contains("ALLERGY_CONFLICT");
  }

  @Test
  void a_medication_active_at_one_source_and_stopped_at_another_is_shown_twice_with_a_conflict() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("gp", medications(medication("gp", "m1", MedicationItem.Status.ACTIVE))),
                loaded(
                    "acute",
                    medications(medication("acute", "m7", MedicationItem.Status.DISCONTINUED)))));

    assertThat(merged.medications()).hasSize(2).allSatisfy(m -> assertThat(m.conflict()).isTrue());
    assertThat(merged.medications().get(0).item().status()).isEqualTo(MedicationItem.Status.ACTIVE);
    assertThat(merged.medications())
        .allSatisfy(
            m ->
                assertThat(m.difference("status"))
                    .hasValueSatisfying(
                        d ->
                            assertThat(d.values())
                                .containsExactlyInAnyOrder(
                                    value("gp", "ACTIVE"), value("acute", "DISCONTINUED"))));
    assertThat(merged.warnings())
        .extracting(MergedRecord.DataWarning::code)
        .containsExactly("MEDICATION_CONFLICT");
  }

  @Test
  void a_dose_changed_at_discharge_is_one_line_keeping_both_doses_with_their_sources() {
    MedicationItem gpRepeat =
        metformin("gp", "m1", "1 tablet twice a day", LocalDate.of(2026, 9, 1), Optional.empty());
    MedicationItem discharge =
        metformin(
            "acute", "d4", "1 tablet once a day", null, Optional.of(LocalDate.of(2026, 10, 15)));

    MergedRecord merged =
        merger.merge(
            List.of(loaded("gp", medications(gpRepeat)), loaded("acute", medications(discharge))));

    assertThat(merged.medications())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.conflict()).isTrue();
              assertThat(m.difference("dosageText"))
                  .hasValueSatisfying(
                      d ->
                          assertThat(d.values())
                              .containsExactly(
                                  value("acute", "1 tablet once a day"),
                                  value("gp", "1 tablet twice a day")));
              // The discharge is more recent than the last issue at the practice: its dose is
              // the one shown, and it is listed first.
              assertThat(m.item()).isSameAs(discharge);
              assertThat(m.occurrences())
                  .extracting(o -> o.provenance().sourceId())
                  .containsExactly("acute", "gp");
            });
    assertThat(merged.warnings())
        .extracting(MergedRecord.DataWarning::code)
        .containsExactly("MEDICATION_DIFFERENCE");
  }

  @Test
  void a_source_that_does_not_record_a_field_does_not_disagree_with_the_shown_one_that_does() {
    MedicationItem gp =
        metformin("gp", "m1", "1 tablet twice a day", LocalDate.of(2026, 11, 1), Optional.empty());
    MedicationItem pharmacyWithoutQuantity =
        new MedicationItem(
            Provenance.of("pharmacy", "p1"),
            METFORMIN,
            MedicationItem.Status.ACTIVE,
            MedicationItem.PrescriptionType.REPEAT,
            Optional.of("1 tablet twice a day"),
            Optional.empty(),
            Optional.of(LocalDate.of(2019, 6, 1)),
            Optional.empty(),
            Optional.of(LocalDate.of(2026, 10, 1)),
            Optional.empty(),
            Set.of());

    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("gp", medications(gp)),
                loaded("pharmacy", medications(pharmacyWithoutQuantity))));

    assertThat(merged.medications())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.differences()).isEmpty();
              assertThat(m.conflict()).isFalse();
            });
  }

  @Test
  void a_value_missing_from_the_shown_source_is_a_difference_so_the_other_is_not_hidden() {
    MedicationItem gp =
        metformin("gp", "m1", "1 tablet twice a day", LocalDate.of(2026, 9, 1), Optional.empty());
    MedicationItem newerWithoutQuantity =
        new MedicationItem(
            Provenance.of("pharmacy", "p1"),
            METFORMIN,
            MedicationItem.Status.ACTIVE,
            MedicationItem.PrescriptionType.REPEAT,
            Optional.of("1 tablet twice a day"),
            Optional.empty(),
            Optional.of(LocalDate.of(2019, 6, 1)),
            Optional.empty(),
            Optional.of(LocalDate.of(2026, 11, 1)),
            Optional.empty(),
            Set.of());

    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("gp", medications(gp)),
                loaded("pharmacy", medications(newerWithoutQuantity))));

    assertThat(merged.medications().getFirst().difference("quantityText"))
        .hasValueSatisfying(
            d ->
                assertThat(d.values())
                    .containsExactly(
                        new Merged.SourceValue("pharmacy", Optional.empty()),
                        value("gp", "56 tablet")));
  }

  @Test
  void the_values_shown_are_the_most_recent_sources_whatever_the_source_order() {
    MedicationItem gpRepeat =
        metformin("gp", "m1", "1 tablet twice a day", LocalDate.of(2026, 11, 1), Optional.empty());
    MedicationItem discharge =
        metformin(
            "acute", "d4", "1 tablet once a day", null, Optional.of(LocalDate.of(2026, 10, 15)));

    MergedRecord acuteFirst =
        merger.merge(
            List.of(loaded("acute", medications(discharge)), loaded("gp", medications(gpRepeat))));

    Merged<MedicationItem> line = acuteFirst.medications().getFirst();
    assertThat(line.item()).isSameAs(gpRepeat);
    assertThat(line.difference("dosageText").orElseThrow().values().getFirst())
        .isEqualTo(value("gp", "1 tablet twice a day"));
  }

  @Test
  void on_the_same_date_the_first_source_in_order_is_shown_and_the_other_value_still_listed() {
    LocalDate sameDay = LocalDate.of(2026, 10, 15);
    MedicationItem gpRepeat =
        metformin("gp", "m1", "1 tablet twice a day", sameDay, Optional.empty());
    MedicationItem discharge =
        metformin("acute", "d4", "1 tablet once a day", sameDay, Optional.empty());

    MergedRecord merged =
        merger.merge(
            List.of(loaded("gp", medications(gpRepeat)), loaded("acute", medications(discharge))));

    Merged<MedicationItem> line = merged.medications().getFirst();
    assertThat(line.item()).isSameAs(gpRepeat);
    assertThat(line.difference("dosageText").orElseThrow().values())
        .containsExactly(
            value("gp", "1 tablet twice a day"), value("acute", "1 tablet once a day"));
  }

  @Test
  void the_same_medication_recorded_alike_at_two_sources_has_no_differences() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("gp", medications(medication("gp", "m1", MedicationItem.Status.ACTIVE))),
                loaded(
                    "acute",
                    medications(medication("acute", "m7", MedicationItem.Status.ACTIVE)))));

    assertThat(merged.medications())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.differences()).isEmpty();
              assertThat(m.conflict()).isFalse();
              assertThat(m.occurrences()).hasSize(2);
            });
    assertThat(merged.warnings()).isEmpty();
  }

  @Test
  void an_allergy_with_a_different_severity_and_reaction_keeps_both_with_their_sources() {
    AllergyItem gp = allergy("gp", "a1", PENICILLIN);
    AllergyItem acute =
        new AllergyItem(
            Provenance.of("acute", "x9"),
            PENICILLIN,
            AllergyItem.Status.ACTIVE,
            Optional.empty(),
            Optional.of(LocalDate.of(2024, 2, 2)),
            List.of("Anaphylaxis", "Wheeze"),
            Optional.of("severe"),
            Set.of());

    MergedRecord merged =
        merger.merge(List.of(loaded("gp", allergies(gp)), loaded("acute", allergies(acute))));

    Merged<AllergyItem> allergy = merged.allergies().getFirst();
    assertThat(merged.allergies()).hasSize(1);
    assertThat(allergy.conflict()).isTrue();
    assertThat(allergy.item()).isSameAs(acute);
    assertThat(allergy.differences())
        .extracting(Merged.Difference::field)
        .containsExactly("severity", "reactions");
    assertThat(allergy.difference("severity").orElseThrow().values())
        .containsExactly(value("acute", "severe"), value("gp", "moderate"));
    assertThat(allergy.difference("reactions").orElseThrow().values())
        .containsExactly(value("acute", "Anaphylaxis, Wheeze"), value("gp", "Urticaria"));
  }

  @Test
  void a_problem_active_at_one_source_and_resolved_at_another_names_each_status() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded("gp", problems(problem("gp", "p1", ProblemItem.Status.ACTIVE))),
                loaded("acute", problems(problem("acute", "c3", ProblemItem.Status.RESOLVED)))));

    List<Merged<ProblemItem>> problems = merged.items(Section.PROBLEMS, ProblemItem.class);

    assertThat(problems)
        .hasSize(2)
        .allSatisfy(
            p -> {
              assertThat(p.conflict()).isTrue();
              assertThat(p.differences())
                  .singleElement()
                  .satisfies(
                      d -> {
                        assertThat(d.field()).isEqualTo("status");
                        assertThat(d.values())
                            .containsExactlyInAnyOrder(
                                value("gp", "ACTIVE"), value("acute", "RESOLVED"));
                      });
            });
  }

  @Test
  void two_courses_of_the_same_drug_at_one_source_stay_two_items() {
    MergedRecord merged =
        merger.merge(
            List.of(
                loaded(
                    "gp",
                    medications(
                        medication("gp", "m1", MedicationItem.Status.COMPLETED),
                        medication("gp", "m2", MedicationItem.Status.COMPLETED)))));

    assertThat(merged.medications()).hasSize(2).noneMatch(Merged::conflict);
  }

  @Test
  void no_known_allergies_is_not_claimed_while_a_source_did_not_answer() {
    MergedRecord merged = merger.merge(List.of(loaded("gp", nilKnownAllergies()), failed("acute")));

    assertThat(merged.allergyState()).isEqualTo(AllergyState.UNAVAILABLE);
  }

  @Test
  void no_known_allergies_when_every_source_answered_and_one_says_so() {
    MergedRecord merged = merger.merge(List.of(loaded("gp", nilKnownAllergies())));

    assertThat(merged.allergyState()).isEqualTo(AllergyState.NO_KNOWN_ALLERGIES);
  }

  @Test
  void an_empty_allergy_list_without_a_reason_is_not_recorded() {
    MergedRecord merged = merger.merge(List.of(loaded("gp", allergies())));

    assertThat(merged.allergyState()).isEqualTo(AllergyState.NOT_RECORDED);
  }

  @Test
  void demographic_differences_between_sources_become_warnings() {
    SourceRecord gp = new SourceRecord(Optional.of(identity("JONES", false)), Map.of());
    SourceRecord acute = new SourceRecord(Optional.of(identity("SMITH", false)), Map.of());

    MergedRecord merged = merger.merge(List.of(result("gp", gp), result("acute", acute)));

    assertThat(merged.warnings())
        .extracting(MergedRecord.DataWarning::message)
        .containsExactly("Sources disagree about the patient's name: acute differs from gp");
  }

  @Test
  void the_demographics_spine_is_the_reference_and_an_old_address_at_the_gp_is_flagged() {
    SourceRecord gp =
        new SourceRecord(Optional.of(identity("JONES", false, "1 Old Road")), Map.of());
    SourceRecord pds =
        new SourceRecord(Optional.of(identity("JONES", false, "9 New Street")), Map.of());
    SourceRecord acute =
        new SourceRecord(Optional.of(identity("JONES", false, "9, NEW  street")), Map.of());

    MergedRecord merged =
        merger.merge(List.of(result("acute", acute), result("gp", gp), result("pds", pds)));

    assertThat(merged.patient().orElseThrow().address()).contains("9 New Street");
    assertThat(merged.warnings())
        .extracting(MergedRecord.DataWarning::message)
        .containsExactly("Sources disagree about the patient's address: gp differs from pds");
  }

  @Test
  void a_source_without_an_address_does_not_disagree_but_a_missing_date_of_death_does() {
    PatientIdentity noAddress = identity("JONES", false, "1 Old Road");
    noAddress =
        new PatientIdentity(
            noAddress.nhsNumber(),
            noAddress.name(),
            noAddress.birthDate(),
            noAddress.gender(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(java.time.LocalDate.of(2026, 10, 1)),
            false);
    SourceRecord pds = new SourceRecord(Optional.of(noAddress), Map.of());
    SourceRecord gp =
        new SourceRecord(Optional.of(identity("JONES", false, "1 Old Road")), Map.of());

    MergedRecord merged = merger.merge(List.of(result("gp", gp), result("pds", pds)));

    assertThat(merged.warnings())
        .extracting(MergedRecord.DataWarning::message)
        .containsExactly("Sources disagree about the patient's date of death: gp differs from pds");
  }

  @Test
  void address_differences_are_not_reported_for_a_restricted_patient() {
    SourceRecord gp =
        new SourceRecord(Optional.of(identity("JONES", false, "1 Old Road")), Map.of());
    SourceRecord pds =
        new SourceRecord(Optional.of(identity("JONES", true, "9 New Street")), Map.of());

    MergedRecord merged = merger.merge(List.of(result("gp", gp), result("pds", pds)));

    assertThat(merged.warnings()).isEmpty();
  }

  @Test
  void a_restricted_patient_has_address_telephone_practice_and_contacts_hidden() {
    SourceRecord pds =
        new SourceRecord(Optional.of(withContact(identity("JONES", false))), Map.of());
    SourceRecord gp = new SourceRecord(Optional.of(identity("JONES", true)), Map.of());

    // The S-flag from any source hides the spine's contact too.
    PatientIdentity patient =
        merger.merge(List.of(result("gp", gp), result("pds", pds))).patient().orElseThrow();

    assertThat(patient.address()).isEmpty();
    assertThat(patient.telephone()).isEmpty();
    assertThat(patient.registeredPracticeOds()).isEmpty();
    assertThat(patient.contacts()).isEmpty();
    assertThat(patient.restricted()).isTrue();
  }

  @Test
  void the_spines_contacts_are_the_patients_whatever_the_source_order() {
    SourceRecord pds =
        new SourceRecord(Optional.of(withContact(identity("JONES", false))), Map.of());
    SourceRecord gp = new SourceRecord(Optional.of(identity("JONES", false)), Map.of());

    PatientIdentity patient =
        merger.merge(List.of(result("gp", gp), result("pds", pds))).patient().orElseThrow();

    assertThat(patient.contacts()).containsExactly(EMERGENCY_CONTACT);
  }

  @Test
  void active_allergies_come_before_resolved_and_newest_first() {
    AllergyItem old =
        allergy(
            "gp",
            "a1",
            CodedConcept.snomed("300916003", "Latex allergy"),
            LocalDate.of(2001, 1, 1),
            AllergyItem.Status.ACTIVE);
    AllergyItem recent =
        allergy("gp", "a2", PENICILLIN, LocalDate.of(2020, 1, 1), AllergyItem.Status.ACTIVE);
    AllergyItem resolved =
        allergy(
            "gp",
            "a3",
            CodedConcept.snomed("91935009", "Allergy to peanuts"),
            LocalDate.of(2024, 1, 1),
            AllergyItem.Status.RESOLVED);

    MergedRecord merged = merger.merge(List.of(loaded("gp", allergies(resolved, old, recent))));

    assertThat(merged.allergies())
        .extracting(m -> m.item().provenance().sourceItemId())
        .containsExactly("a2", "a1", "a3");
  }

  private static SourceRecord allergies(AllergyItem... items) {
    return new SourceRecord(
        Optional.empty(),
        Map.of(Section.ALLERGIES, SectionContent.of(Section.ALLERGIES, List.of(items))));
  }

  private static SourceRecord nilKnownAllergies() {
    return new SourceRecord(
        Optional.empty(),
        Map.of(
            Section.ALLERGIES,
            new SectionContent<>(
                Section.ALLERGIES,
                List.<AllergyItem>of(),
                Optional.of(EmptyReason.NIL_KNOWN),
                false)));
  }

  private static SourceRecord medications(MedicationItem... items) {
    return new SourceRecord(
        Optional.empty(),
        Map.of(Section.MEDICATIONS, SectionContent.of(Section.MEDICATIONS, List.of(items))));
  }

  private static SourceRecord problems(ProblemItem... items) {
    return new SourceRecord(
        Optional.empty(),
        Map.of(Section.PROBLEMS, SectionContent.of(Section.PROBLEMS, List.of(items))));
  }

  private static ProblemItem problem(String source, String id, ProblemItem.Status status) {
    return new ProblemItem(
        Provenance.of(source, id),
        ASTHMA,
        status,
        ProblemItem.Significance.MINOR,
        Optional.of(LocalDate.of(2015, 4, 1)),
        Optional.empty(),
        Optional.empty(),
        Set.of());
  }

  private static Merged.SourceValue value(String source, String value) {
    return new Merged.SourceValue(source, Optional.of(value));
  }

  /** Metformin as a GP repeat (issued on {@code lastIssued}) or a discharge (started then). */
  private static MedicationItem metformin(
      String source,
      String id,
      String dose,
      @org.jspecify.annotations.Nullable LocalDate lastIssued,
      Optional<LocalDate> started) {
    return new MedicationItem(
        Provenance.of(source, id),
        METFORMIN,
        MedicationItem.Status.ACTIVE,
        MedicationItem.PrescriptionType.REPEAT,
        Optional.of(dose),
        Optional.of("56 tablet"),
        started.or(() -> Optional.of(LocalDate.of(2019, 6, 1))),
        Optional.empty(),
        Optional.ofNullable(lastIssued),
        Optional.empty(),
        Set.of());
  }

  private static AllergyItem allergy(String source, String id, CodedConcept concept) {
    return allergy(source, id, concept, LocalDate.of(2010, 5, 1), AllergyItem.Status.ACTIVE);
  }

  private static AllergyItem allergy(
      String source,
      String id,
      CodedConcept concept,
      LocalDate recorded,
      AllergyItem.Status status) {
    return new AllergyItem(
        Provenance.of(source, id),
        concept,
        status,
        Optional.empty(),
        Optional.of(recorded),
        List.of("Urticaria"),
        Optional.of("moderate"),
        Set.of());
  }

  private static MedicationItem medication(String source, String id, MedicationItem.Status status) {
    return new MedicationItem(
        Provenance.of(source, id),
        AMLODIPINE,
        status,
        MedicationItem.PrescriptionType.REPEAT,
        Optional.of("One tablet once a day"),
        Optional.of("28 tablet"),
        Optional.of(LocalDate.of(2022, 1, 1)),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Set.of());
  }

  private static final PatientIdentity.Contact EMERGENCY_CONTACT =
      new PatientIdentity.Contact(
          Optional.of("Emergency Contact"),
          Optional.empty(),
          Optional.of("0113 496 0921"),
          Optional.empty(),
          Optional.empty());

  private static PatientIdentity withContact(PatientIdentity p) {
    return new PatientIdentity(
        p.nhsNumber(),
        p.name(),
        p.birthDate(),
        p.gender(),
        p.address(),
        p.telephone(),
        p.registeredPracticeOds(),
        p.deceasedDate(),
        p.restricted(),
        List.of(EMERGENCY_CONTACT));
  }

  private static PatientIdentity identity(String family, boolean restricted) {
    return identity(family, restricted, "1 High Street");
  }

  private static PatientIdentity identity(String family, boolean restricted, String address) {
    return new PatientIdentity(
        new NhsNumber("9990000018"),
        new HumanName(family, List.of("Margaret"), Optional.of("Mrs")),
        LocalDate.of(1950, 3, 12),
        Gender.FEMALE,
        Optional.of(address),
        Optional.of("01632 960000"),
        Optional.of("A81001"),
        Optional.empty(),
        restricted);
  }

  private static SourceResult loaded(String id, SourceRecord record) {
    return result(id, record);
  }

  private static SourceResult result(String id, SourceRecord record) {
    return new SourceResult(
        new SourceDescriptor(id, id, "X1", Set.of()),
        SourceStatus.OK,
        Optional.of(record),
        Optional.empty(),
        Optional.empty(),
        Duration.ofMillis(5),
        false,
        Optional.empty());
  }

  private static SourceResult failed(String id) {
    return new SourceResult(
        new SourceDescriptor(id, id, "X1", Set.of()),
        SourceStatus.ERROR,
        Optional.empty(),
        Optional.of("refused"),
        Optional.empty(),
        Duration.ofMillis(5),
        false,
        Optional.empty());
  }
}
