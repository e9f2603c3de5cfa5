package org.carelens.adapters.pharmacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.EmptyReason;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DispensingMappingTest {

  private static final NhsNumber PATIENT = new NhsNumber("9990000018");
  private static final String VALID = new PharmacyTckProvider().validPayload(PATIENT);
  private static WireMockServer pharmacy;

  @BeforeAll
  static void start() {
    pharmacy = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    pharmacy.start();
  }

  @AfterAll
  static void stop() {
    pharmacy.stop();
  }

  @BeforeEach
  void answerWithTheValidRecord() {
    pharmacy.resetAll();
    answer(VALID);
  }

  @Test
  void each_medicine_is_one_item_with_its_latest_dispensing_as_last_issued() throws Exception {
    var items = medications().items();

    assertThat(items).hasSize(2);
    MedicationItem amlodipine = items.getFirst();
    assertThat(amlodipine.concept().code()).isEqualTo("319283006");
    assertThat(amlodipine.lastIssued()).contains(LocalDate.of(2026, 11, 8));
    assertThat(amlodipine.startDate()).contains(LocalDate.of(2026, 10, 11));
    assertThat(amlodipine.status()).isEqualTo(MedicationItem.Status.ACTIVE);
    assertThat(amlodipine.prescriptionType()).isEqualTo(MedicationItem.PrescriptionType.REPEAT);
    assertThat(amlodipine.provenance().sourceItemId()).isEqualTo("9990000018-d-3");
    assertThat(amlodipine.provenance().recordingOrganisationOds()).contains("FA123");
  }

  @Test
  void a_medicine_not_dispensed_for_ninety_days_is_completed_not_discontinued() throws Exception {
    MedicationItem amoxicillin = medications().items().get(1);

    assertThat(amoxicillin.status()).isEqualTo(MedicationItem.Status.COMPLETED);
    assertThat(amoxicillin.prescriptionType()).isEqualTo(MedicationItem.PrescriptionType.ACUTE);
  }

  @Test
  void a_complete_record_is_complete() throws Exception {
    SectionContent<MedicationItem> medications = medications();

    assertThat(medications.completeness()).isEqualTo(Completeness.complete());
  }

  @Test
  void an_entry_without_a_dmd_code_costs_only_itself_and_makes_the_medications_partial()
      throws Exception {
    answer(VALID.replace("\"dmd\": \"323509004\", ", ""));

    SectionContent<MedicationItem> medications = medications();

    assertThat(medications.items())
        .extracting(m -> m.concept().code())
        .containsExactly("319283006");
    assertThat(medications.completeness())
        .isEqualTo(
            Completeness.partial(
                1,
                "1 of 3 dispensing entries could not be read (a dispensing entry has no dm+d"
                    + " code)"));
    assertThat(medications.emptyReason()).isEmpty();
  }

  @Test
  void a_bad_date_on_one_dispensing_keeps_the_medicine_from_its_other_dispensings()
      throws Exception {
    answer(VALID.replace("\"2026-11-08\"", "\"8th November\""));

    SectionContent<MedicationItem> medications = medications();

    MedicationItem amlodipine = medications.items().getFirst();
    assertThat(amlodipine.lastIssued()).contains(LocalDate.of(2026, 10, 11));
    assertThat(amlodipine.provenance().sourceItemId()).isEqualTo("9990000018-d-2");
    assertThat(medications.items()).hasSize(2);
    assertThat(medications.completeness())
        .isInstanceOfSatisfying(
            Completeness.Partial.class,
            p -> {
              assertThat(p.unreadableItems()).isEqualTo(1);
              assertThat(p.reason()).contains("not a date").doesNotContain("November");
            });
  }

  @Test
  void entries_that_are_not_objects_or_lack_an_id_are_all_counted() throws Exception {
    answer(
        VALID
            .replace("\"dispensed\": [", "\"dispensed\": [\"Amlodipine x28\", ")
            .replace("\"id\": \"9990000018-d-1\", ", ""));

    SectionContent<MedicationItem> medications = medications();

    assertThat(medications.items()).hasSize(1);
    assertThat(medications.completeness())
        .isEqualTo(
            Completeness.partial(
                2,
                "2 of 4 dispensing entries could not be read (the first: a dispensing entry is not"
                    + " a JSON object)"));
  }

  @Test
  void an_unknown_prescription_type_is_kept_with_the_medicine() throws Exception {
    answer(VALID.replace("\"acute\"", "\"hospital-to-community\""));

    SectionContent<MedicationItem> medications = medications();

    assertThat(medications.items().get(1).prescriptionType())
        .isEqualTo(MedicationItem.PrescriptionType.UNKNOWN);
    assertThat(medications.completeness().isComplete()).isTrue();
  }

  @Test
  void a_record_without_its_dispensed_array_has_unavailable_medications_not_an_empty_list()
      throws Exception {
    answer(
        """
        {"pharmacy": {"odsCode": "FA123"}, "nhsNumber": "9990000018", "dispensed": null}
        """);

    SectionContent<MedicationItem> medications = medications();

    assertThat(medications.items()).isEmpty();
    assertThat(medications.emptyReason()).contains(EmptyReason.UNAVAILABLE);
    assertThat(medications.completeness())
        .isEqualTo(Completeness.unavailable("the dispensing record has no \"dispensed\" array"));
  }

  @Test
  void an_empty_dispensed_array_is_a_complete_answer_of_nothing() throws Exception {
    answer(
        """
        {"pharmacy": {"odsCode": "FA123"}, "nhsNumber": "9990000018", "dispensed": []}
        """);

    SectionContent<MedicationItem> medications = medications();

    assertThat(medications.items()).isEmpty();
    assertThat(medications.emptyReason()).isEmpty();
    assertThat(medications.completeness().isComplete()).isTrue();
  }

  @Test
  void a_record_for_another_patient_is_discarded_whole() throws Exception {
    answer(VALID.replace("\"nhsNumber\": \"9990000018\"", "\"nhsNumber\": \"9990000026\""));

    SourceOutcome outcome = fetch();

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SourceOutcome.Failed.class,
            f -> {
              assertThat(f.kind()).isEqualTo(SourceOutcome.Failed.Kind.MALFORMED_PAYLOAD);
              assertThat(f.detail()).contains("another patient's").doesNotContain("9990000026");
            });
  }

  private static void answer(String body) {
    pharmacy.stubFor(
        get(urlPathEqualTo("/api/v1/patients/9990000018/dispensing"))
            .willReturn(aResponse().withStatus(200).withBody(body)));
  }

  private static SectionContent<MedicationItem> medications() throws Exception {
    SourceOutcome outcome = fetch();
    assertThat(outcome).isInstanceOf(SourceOutcome.Loaded.class);
    SectionContent<?> content =
        ((SourceOutcome.Loaded) outcome).record().section(Section.MEDICATIONS).orElseThrow();
    List<MedicationItem> items = content.items().stream().map(MedicationItem.class::cast).toList();
    return new SectionContent<>(
        Section.MEDICATIONS,
        items,
        content.emptyReason(),
        content.excludedAtSource(),
        content.completeness());
  }

  private static SourceOutcome fetch() throws Exception {
    try (PharmacyAdapter adapter =
        new PharmacyAdapter(
            PharmacyConfig.withDefaults(
                "pharmacy", "Pharmacy", URI.create(pharmacy.baseUrl()), "FA123"),
            PharmacyTckProvider.CLOCK)) {
      return adapter.fetch(
          new SourceRequest(
              PATIENT,
              Set.of(Section.MEDICATIONS),
              new RequestContext("c", "u", "n", "r", "RY448", "UCC")));
    }
  }
}
