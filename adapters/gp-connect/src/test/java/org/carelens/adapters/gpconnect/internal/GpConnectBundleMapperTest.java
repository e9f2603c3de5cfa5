package org.carelens.adapters.gpconnect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.carelens.adapters.gpconnect.Fixtures;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.EmptyReason;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.carelens.sdk.model.Provenance;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.SourceRecord;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.Test;

class GpConnectBundleMapperTest {

  private static final Set<Section> BOTH = Set.of(Section.ALLERGIES, Section.MEDICATIONS);

  private final GpConnectBundleMapper mapper = new GpConnectBundleMapper("gp");

  @Test
  void patient_identity_is_taken_from_the_official_name_home_address_and_registered_practice()
      throws Exception {
    SourceRecord record = map("structured-record-full.json", Fixtures.FULL_PATIENT, BOTH);

    PatientIdentity patient = record.patient().orElseThrow();
    assertThat(patient.nhsNumber()).isEqualTo(Fixtures.FULL_PATIENT);
    assertThat(patient.name().family()).isEqualTo("Smith");
    assertThat(patient.name().given()).containsExactly("Jane", "Ann");
    assertThat(patient.name().title()).contains("Mrs");
    assertThat(patient.birthDate()).isEqualTo(LocalDate.of(1952, 5, 31));
    assertThat(patient.gender()).isEqualTo(Gender.FEMALE);
    assertThat(patient.address())
        .contains("12 Acacia Avenue, Hightown, Leeds, West Yorkshire, LS1 4AP");
    assertThat(patient.telephone()).contains("0113 496 0000");
    assertThat(patient.registeredPracticeOds()).contains("A81001");
    assertThat(patient.deceasedDate()).isEmpty();
    assertThat(patient.restricted()).isFalse();
  }

  @Test
  void practice_referenced_from_general_practitioner_gives_the_registered_practice()
      throws Exception {
    SourceRecord record = map("structured-record-nil-known.json", Fixtures.NIL_KNOWN_PATIENT, BOTH);

    PatientIdentity patient = record.patient().orElseThrow();
    assertThat(patient.registeredPracticeOds()).contains("B86007");
    assertThat(patient.address()).contains("Flat 4, 20 Mill Lane, Bradford, BD1 1AA");
    assertThat(patient.telephone()).isEmpty();
    assertThat(patient.name().title()).isEmpty();
    assertThat(patient.deceasedDate()).contains(LocalDate.of(2024, 2, 1));
  }

  @Test
  void current_allergy_carries_code_dates_reactions_severity_and_provenance() throws Exception {
    SourceRecord record = map("structured-record-full.json", Fixtures.FULL_PATIENT, BOTH);

    AllergyItem penicillin = allergies(record).items().getFirst();
    assertThat(penicillin.concept())
        .isEqualTo(CodedConcept.snomed("91936005", "Allergy to penicillin"));
    assertThat(penicillin.status()).isEqualTo(AllergyItem.Status.ACTIVE);
    assertThat(penicillin.onsetDate()).contains(LocalDate.of(2016, 5, 17));
    assertThat(penicillin.recordedDate()).contains(LocalDate.of(2016, 5, 18));
    assertThat(penicillin.reactions()).containsExactly("Urticaria", "Eruption of skin");
    assertThat(penicillin.severity()).contains("moderate");
    assertThat(penicillin.provenance())
        .isEqualTo(
            new Provenance(
                "gp", "11", Optional.of("A81001"), Optional.of("Springfield Medical Practice")));
  }

  @Test
  void ended_allergy_is_resolved_and_a_year_only_onset_is_not_given_a_day() throws Exception {
    SourceRecord record = map("structured-record-full.json", Fixtures.FULL_PATIENT, BOTH);

    SectionContent<AllergyItem> allergies = allergies(record);
    assertThat(allergies.items()).hasSize(2);
    AllergyItem peanuts = allergies.items().get(1);
    assertThat(peanuts.concept()).isEqualTo(CodedConcept.snomed("91935009", "Allergy to peanuts"));
    assertThat(peanuts.status()).isEqualTo(AllergyItem.Status.RESOLVED);
    assertThat(peanuts.onsetDate()).isEmpty();
    assertThat(peanuts.recordedDate()).contains(LocalDate.of(2009, 6, 20));
    assertThat(peanuts.reactions()).isEmpty();
    assertThat(peanuts.severity()).isEmpty();
    assertThat(allergies.emptyReason()).isEmpty();
    assertThat(allergies.excludedAtSource()).isFalse();
  }

  @Test
  void repeat_medication_carries_dmd_code_dose_quantity_dates_and_last_issue() throws Exception {
    SourceRecord record = map("structured-record-full.json", Fixtures.FULL_PATIENT, BOTH);

    MedicationItem amlodipine = medications(record).items().getFirst();
    assertThat(amlodipine.concept())
        .isEqualTo(CodedConcept.dmd("319283006", "Amlodipine 5mg tablets"));
    assertThat(amlodipine.status()).isEqualTo(MedicationItem.Status.ACTIVE);
    assertThat(amlodipine.prescriptionType()).isEqualTo(MedicationItem.PrescriptionType.REPEAT);
    assertThat(amlodipine.dosageText()).contains("One tablet once a day");
    assertThat(amlodipine.quantityText()).contains("28 tablet");
    assertThat(amlodipine.startDate()).contains(LocalDate.of(2021, 11, 3));
    assertThat(amlodipine.endDate()).isEmpty();
    assertThat(amlodipine.lastIssued()).contains(LocalDate.of(2024, 2, 26));
    assertThat(amlodipine.discontinuationReason()).isEmpty();
    assertThat(amlodipine.provenance().sourceItemId()).isEqualTo("21");
    assertThat(amlodipine.provenance().recordingOrganisationOds()).contains("A81001");
  }

  @Test
  void stopped_medication_is_discontinued_with_the_reason_from_its_authorisation()
      throws Exception {
    SourceRecord record = map("structured-record-full.json", Fixtures.FULL_PATIENT, BOTH);

    MedicationItem simvastatin = medications(record).items().get(1);
    assertThat(simvastatin.concept())
        .isEqualTo(CodedConcept.snomed("320000009", "Simvastatin 40mg tablets"));
    assertThat(simvastatin.status()).isEqualTo(MedicationItem.Status.DISCONTINUED);
    assertThat(simvastatin.prescriptionType())
        .isEqualTo(MedicationItem.PrescriptionType.REPEAT_DISPENSING);
    assertThat(simvastatin.discontinuationReason())
        .contains("Muscle aches - changed to atorvastatin");
    assertThat(simvastatin.startDate()).contains(LocalDate.of(2019, 1, 10));
    assertThat(simvastatin.endDate()).contains(LocalDate.of(2023, 6, 14));
    assertThat(simvastatin.lastIssued()).contains(LocalDate.of(2023, 5, 30));
    assertThat(simvastatin.quantityText()).contains("56 tablet");
  }

  @Test
  void completed_acute_course_is_completed_and_acute() throws Exception {
    SourceRecord record = map("structured-record-full.json", Fixtures.FULL_PATIENT, BOTH);

    MedicationItem amoxicillin = medications(record).items().get(2);
    assertThat(amoxicillin.status()).isEqualTo(MedicationItem.Status.COMPLETED);
    assertThat(amoxicillin.prescriptionType()).isEqualTo(MedicationItem.PrescriptionType.ACUTE);
    assertThat(amoxicillin.quantityText()).contains("21 capsule");
  }

  @Test
  void nil_known_allergies_and_unrecorded_medication_are_told_apart() throws Exception {
    SourceRecord record = map("structured-record-nil-known.json", Fixtures.NIL_KNOWN_PATIENT, BOTH);

    assertThat(allergies(record).items()).isEmpty();
    assertThat(allergies(record).emptyReason()).contains(EmptyReason.NIL_KNOWN);
    assertThat(medications(record).items()).isEmpty();
    assertThat(medications(record).emptyReason()).contains(EmptyReason.NOT_RECORDED);
  }

  @Test
  void confidential_items_warning_marks_sections_excluded_at_source() throws Exception {
    SourceRecord record =
        map("structured-record-confidential.json", Fixtures.CONFIDENTIAL_PATIENT, BOTH);

    assertThat(allergies(record).excludedAtSource()).isTrue();
    assertThat(allergies(record).items())
        .extracting(AllergyItem::concept)
        .containsExactly(CodedConcept.snomed("293586001", "Allergy to aspirin"));
    assertThat(medications(record).excludedAtSource()).isTrue();
    assertThat(medications(record).emptyReason()).contains(EmptyReason.NOT_RECORDED);
  }

  @Test
  void sections_not_requested_are_left_out() throws Exception {
    SourceRecord record =
        map("structured-record-full.json", Fixtures.FULL_PATIENT, Set.of(Section.MEDICATIONS));

    assertThat(record.sections()).containsOnlyKeys(Section.MEDICATIONS);
  }

  @Test
  void bundle_for_another_patient_is_rejected() {
    Bundle bundle = bundle(Fixtures.text("structured-record-full.json"));

    assertThatThrownBy(() -> mapper.map(bundle, new NhsNumber("9990000042"), BOTH))
        .isInstanceOf(MalformedBundleException.class)
        .hasMessageContaining("does not carry the requested NHS number")
        .hasMessageNotContaining("9990000018")
        .hasMessageNotContaining("9990000042");
  }

  @Test
  void bundle_without_a_patient_is_rejected() {
    Bundle bundle = bundle(Fixtures.text("structured-record-full.json"));
    bundle.getEntry().removeIf(entry -> entry.getResource() instanceof Patient);

    assertThatThrownBy(() -> mapper.map(bundle, Fixtures.FULL_PATIENT, BOTH))
        .isInstanceOf(MalformedBundleException.class)
        .hasMessage("a structured record bundle must hold exactly one Patient, this one holds 0");
  }

  @Test
  void a_listed_allergy_missing_from_the_bundle_costs_only_itself_and_makes_allergies_partial()
      throws Exception {
    // The issue's case: the allergies List names four allergies, the bundle holds three of them.
    SourceRecord record =
        map("structured-record-dangling-allergy.json", Fixtures.FULL_PATIENT, BOTH);

    SectionContent<AllergyItem> allergies = allergies(record);
    assertThat(allergies.items())
        .extracting(a -> a.concept().display())
        .containsExactly("Allergy to penicillin", "Allergy to peanuts", "Allergy to aspirin");
    assertThat(allergies.items()).allMatch(a -> a.status() == AllergyItem.Status.ACTIVE);
    assertThat(allergies.completeness())
        .isEqualTo(Completeness.partial(1, "1 listed AllergyIntolerance not in the bundle"));
    assertThat(allergies.emptyReason()).isEmpty();
    assertThat(medications(record).completeness()).isEqualTo(Completeness.complete());
  }

  @Test
  void a_dangling_allergy_reference_costs_only_that_allergy() throws Exception {
    String json =
        Fixtures.text("structured-record-full.json")
            .replace("\"AllergyIntolerance/11\"", "\"AllergyIntolerance/999\"");

    SourceRecord record = mapper.map(bundle(json), Fixtures.FULL_PATIENT, BOTH);

    assertThat(allergies(record).items())
        .extracting(AllergyItem::concept)
        .containsExactly(CodedConcept.snomed("91935009", "Allergy to peanuts"));
    assertThat(allergies(record).completeness())
        .isInstanceOfSatisfying(
            Completeness.Partial.class,
            partial -> {
              assertThat(partial.unreadableItems()).isEqualTo(1);
              assertThat(partial.reason()).doesNotContain("999").doesNotContain("9990000018");
            });
    assertThat(medications(record).items()).hasSize(3);
    assertThat(record.patient()).isPresent();
  }

  @Test
  void an_uncoded_medication_costs_only_that_medication() throws Exception {
    String json =
        Fixtures.text("structured-record-full.json").replace("\"code\": \"319283006\",", "");

    SourceRecord record = mapper.map(bundle(json), Fixtures.FULL_PATIENT, BOTH);

    assertThat(medications(record).items())
        .extracting(m -> m.concept().display())
        .containsExactly("Simvastatin 40mg tablets", "Amoxicillin 500mg capsules");
    assertThat(medications(record).completeness())
        .isEqualTo(Completeness.partial(1, "1 Medication without a coded concept"));
    assertThat(medications(record).emptyReason()).isEmpty();
    assertThat(allergies(record).items()).hasSize(2);
  }

  @Test
  void a_listed_entry_of_an_unexpected_type_costs_only_itself() throws Exception {
    Bundle bundle = bundle(Fixtures.text("structured-record-full.json"));
    list(bundle, Gpc.LIST_ALLERGIES).addEntry().getItem().setReference("MedicationStatement/21");

    SourceRecord record = mapper.map(bundle, Fixtures.FULL_PATIENT, BOTH);

    assertThat(allergies(record).items()).hasSize(2);
    assertThat(allergies(record).completeness())
        .isEqualTo(
            Completeness.partial(
                1, "1 listed MedicationStatement where an AllergyIntolerance was expected"));
    assertThat(medications(record).items()).hasSize(3);
  }

  @Test
  void unreadable_items_of_different_kinds_are_counted_together() throws Exception {
    Bundle bundle = bundle(Fixtures.text("structured-record-full.json"));
    list(bundle, Gpc.LIST_ALLERGIES).addEntry().getItem().setReference("AllergyIntolerance/98");
    list(bundle, Gpc.LIST_ALLERGIES).addEntry().getItem().setReference("AllergyIntolerance/99");
    resource(bundle, AllergyIntolerance.class, "11").getCode().getCodingFirstRep().setCode(null);

    SourceRecord record = mapper.map(bundle, Fixtures.FULL_PATIENT, BOTH);

    assertThat(allergies(record).items()).hasSize(1);
    assertThat(allergies(record).completeness())
        .isEqualTo(
            Completeness.partial(
                3,
                "1 AllergyIntolerance without a coded concept;"
                    + " 2 listed AllergyIntolerance not in the bundle"));
  }

  @Test
  void an_allergy_coded_in_a_system_this_mapper_does_not_know_keeps_its_text_and_is_shown()
      throws Exception {
    Bundle bundle = bundle(Fixtures.text("structured-record-full.json"));
    resource(bundle, AllergyIntolerance.class, "11")
        .getCode()
        .getCodingFirstRep()
        .setSystem("https://supplier.example/local-codes")
        .setCode("ALL-PEN-01");

    SourceRecord record = mapper.map(bundle, Fixtures.FULL_PATIENT, BOTH);

    assertThat(allergies(record).items().getFirst().concept())
        .isEqualTo(
            new CodedConcept(
                "https://supplier.example/local-codes", "ALL-PEN-01", "Allergy to penicillin"));
    assertThat(allergies(record).completeness()).isEqualTo(Completeness.complete());
  }

  @Test
  void a_list_code_written_under_another_spelling_of_the_snomed_uri_is_still_read()
      throws Exception {
    Bundle bundle = bundle(Fixtures.text("structured-record-full.json"));
    list(bundle, Gpc.LIST_MEDICATIONS)
        .getCode()
        .getCodingFirstRep()
        .setSystem("https://snomed.info/sct");

    SourceRecord record = mapper.map(bundle, Fixtures.FULL_PATIENT, BOTH);

    assertThat(medications(record).items()).hasSize(3);
    assertThat(medications(record).completeness()).isEqualTo(Completeness.complete());
  }

  @Test
  void a_requested_section_the_bundle_does_not_answer_is_unavailable() throws Exception {
    Bundle bundle = bundle(Fixtures.text("structured-record-full.json"));
    ListResource medications = list(bundle, Gpc.LIST_MEDICATIONS);
    bundle.getEntry().removeIf(e -> e.getResource() == medications);

    SourceRecord record = mapper.map(bundle, Fixtures.FULL_PATIENT, BOTH);

    assertThat(medications(record).emptyReason()).contains(EmptyReason.UNAVAILABLE);
    assertThat(medications(record).completeness())
        .isEqualTo(Completeness.unavailable("the bundle has no medications List"));
    assertThat(allergies(record).completeness()).isEqualTo(Completeness.complete());
  }

  @Test
  void items_listed_under_a_list_code_the_adapter_does_not_know_are_shown_not_dropped()
      throws Exception {
    String json =
        Fixtures.text("structured-record-full.json").replace("933361000000108", "999999999");

    SourceRecord record = mapper.map(bundle(json), Fixtures.FULL_PATIENT, BOTH);

    assertThat(medications(record).items()).hasSize(3);
    assertThat(medications(record).completeness()).isEqualTo(Completeness.complete());
  }

  private SourceRecord map(String fixture, NhsNumber nhsNumber, Set<Section> sections)
      throws MalformedBundleException {
    return mapper.map(bundle(Fixtures.text(fixture)), nhsNumber, sections);
  }

  private static Bundle bundle(String json) {
    return Gpc.jsonParser().parseResource(Bundle.class, json);
  }

  private static ListResource list(Bundle bundle, String code) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(ListResource.class::isInstance)
        .map(ListResource.class::cast)
        .filter(l -> code.equals(l.getCode().getCodingFirstRep().getCode()))
        .findFirst()
        .orElseThrow();
  }

  private static <T extends Resource> T resource(Bundle bundle, Class<T> type, String id) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .filter(r -> id.equals(r.getIdElement().getIdPart()))
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static SectionContent<AllergyItem> allergies(SourceRecord record) {
    return (SectionContent<AllergyItem>) record.section(Section.ALLERGIES).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static SectionContent<MedicationItem> medications(SourceRecord record) {
    return (SectionContent<MedicationItem>) record.section(Section.MEDICATIONS).orElseThrow();
  }
}
