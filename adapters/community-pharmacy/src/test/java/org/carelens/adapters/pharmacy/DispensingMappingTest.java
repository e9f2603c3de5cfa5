package org.carelens.adapters.pharmacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.LocalDate;
import java.util.Set;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DispensingMappingTest {

  private static final NhsNumber PATIENT = new NhsNumber("9990000018");
  private static WireMockServer pharmacy;

  @BeforeAll
  static void start() {
    pharmacy = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    pharmacy.start();
    pharmacy.stubFor(
        get(urlPathEqualTo("/api/v1/patients/9990000018/dispensing"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(new PharmacyTckProvider().validPayload(PATIENT))));
  }

  @AfterAll
  static void stop() {
    pharmacy.stop();
  }

  @Test
  void each_medicine_is_one_item_with_its_latest_dispensing_as_last_issued() throws Exception {
    var items = medications();

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
    MedicationItem amoxicillin = medications().get(1);

    assertThat(amoxicillin.status()).isEqualTo(MedicationItem.Status.COMPLETED);
    assertThat(amoxicillin.prescriptionType()).isEqualTo(MedicationItem.PrescriptionType.ACUTE);
  }

  private static java.util.List<MedicationItem> medications() throws Exception {
    try (PharmacyAdapter adapter =
        new PharmacyAdapter(
            PharmacyConfig.withDefaults(
                "pharmacy", "Pharmacy", URI.create(pharmacy.baseUrl()), "FA123"),
            PharmacyTckProvider.CLOCK)) {
      SourceOutcome outcome =
          adapter.fetch(
              new SourceRequest(
                  PATIENT,
                  Set.of(Section.MEDICATIONS),
                  new RequestContext("c", "u", "n", "r", "RY448", "UCC")));
      assertThat(outcome).isInstanceOf(SourceOutcome.Loaded.class);
      return ((SourceOutcome.Loaded) outcome)
          .record().section(Section.MEDICATIONS).orElseThrow().items().stream()
              .map(MedicationItem.class::cast)
              .toList();
    }
  }
}
