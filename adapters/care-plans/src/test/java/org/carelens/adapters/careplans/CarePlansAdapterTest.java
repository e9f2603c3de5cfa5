package org.carelens.adapters.careplans;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.AlertItem;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.DocumentItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.spi.DocumentOutcome;
import org.carelens.sdk.spi.DocumentRequest;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CarePlansAdapterTest {

  private static final NhsNumber PATIENT = new NhsNumber("9990000018");
  private static final NhsNumber OTHER = new NhsNumber("9990000026");
  private static final RequestContext CONTEXT =
      new RequestContext(
          "5f3c7d2e-9a41-4b8e-8c1d-2b6f0e7a9c13",
          "555123456789",
          "Dr Anna Clarke",
          "S0030:G0100:R0260",
          "RY448",
          "Urgent Care Centre Leeds");

  private static WireMockServer service;
  private CarePlansAdapter adapter;

  @BeforeAll
  static void startService() {
    service = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    service.start();
  }

  @AfterAll
  static void stopService() {
    service.stop();
  }

  @BeforeEach
  void createAdapter() {
    service.resetAll();
    adapter =
        new CarePlansAdapter(
            CarePlansConfig.withDefaults(
                "care-plans",
                "Care plans (National Record Locator)",
                URI.create(service.baseUrl()),
                "X26"));
  }

  @AfterEach
  void closeAdapter() {
    adapter.close();
  }

  private void answer(List<String> pointers) {
    service.stubFor(
        get(urlPathEqualTo("/DocumentReference"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody(Pointers.searchset(pointers))));
  }

  private SourceOutcome fetch(Set<Section> sections) throws InterruptedException {
    return adapter.fetch(new SourceRequest(PATIENT, sections, CONTEXT));
  }

  @SuppressWarnings("unchecked")
  private static <T extends org.carelens.sdk.model.ClinicalItem> SectionContent<T> section(
      SourceOutcome outcome, Section section) {
    assertThat(outcome).isInstanceOf(SourceOutcome.Loaded.class);
    return (SectionContent<T>)
        ((SourceOutcome.Loaded) outcome).record().section(section).orElseThrow();
  }

  @Test
  void each_current_plan_is_an_alert_of_its_kind_with_its_date_and_author() throws Exception {
    answer(
        List.of(
            Pointers.respect(PATIENT),
            Pointers.dnacpr(PATIENT),
            Pointers.pointer(
                "eol-1", PATIENT, "736373009", "End of life care plan", "current", "2026-01-05"),
            Pointers.pointer(
                "eolcs-1",
                PATIENT,
                "861421000000109",
                "End of life care coordination summary",
                "current",
                "2026-01-06"),
            Pointers.pointer(
                "crisis-1",
                PATIENT,
                "736253002",
                "Mental health crisis plan",
                "current",
                "2025-12-01"),
            Pointers.pointer(
                "ehcp-1",
                PATIENT,
                "887701000000100",
                "Emergency health care plan",
                "current",
                "2025-11-30")));

    SectionContent<AlertItem> alerts = section(fetch(EnumSet.allOf(Section.class)), Section.ALERTS);

    assertThat(alerts.items())
        .extracting(AlertItem::kind)
        .containsExactly(
            AlertItem.Kind.RESPECT,
            AlertItem.Kind.DNACPR,
            AlertItem.Kind.END_OF_LIFE,
            AlertItem.Kind.END_OF_LIFE,
            AlertItem.Kind.CRISIS_PLAN,
            AlertItem.Kind.OTHER);
    AlertItem respect = alerts.items().get(0);
    assertThat(respect.status()).isEqualTo(AlertItem.Status.ACTIVE);
    assertThat(respect.recordedDate()).contains(LocalDate.of(2026, 3, 12));
    assertThat(respect.concept().code()).isEqualTo("1382601000000107");
    assertThat(respect.note())
        .contains("Recorded by Riverside Medical Practice (ODS A81001) on 2026-03-12");
    assertThat(respect.provenance().recordingOrganisationOds()).contains("A81001");
    assertThat(respect.provenance().sourceItemId())
        .isEqualTo("DocumentReference/respect-" + PATIENT.value());
    assertThat(alerts.completeness()).isEqualTo(Completeness.complete());
  }

  @Test
  void a_superseded_plan_is_a_document_marked_superseded_and_never_an_alert() throws Exception {
    String old =
        Pointers.pointer(
            "respect-old", PATIENT, "1382601000000107", "ReSPECT form", "superseded", "2024-05-01");
    String replacedButStillCurrent =
        Pointers.pointer("dnacpr-old", PATIENT, "450476008", "DNACPR", "current", "2024-05-01");
    String replacing =
        Pointers.dnacpr(PATIENT)
            .replace(
                "\"status\":\"current\",",
                "\"status\":\"current\",\"relatesTo\":[{\"code\":\"replaces\","
                    + "\"target\":{\"reference\":\"DocumentReference/dnacpr-old\"}}],");
    answer(List.of(Pointers.respect(PATIENT), old, replacedButStillCurrent, replacing));

    SourceOutcome outcome = fetch(EnumSet.allOf(Section.class));

    SectionContent<AlertItem> alerts = section(outcome, Section.ALERTS);
    SectionContent<DocumentItem> documents = section(outcome, Section.DOCUMENTS);
    assertThat(alerts.items())
        .extracting(a -> a.provenance().sourceItemId())
        .containsExactly(
            "DocumentReference/respect-" + PATIENT.value(),
            "DocumentReference/dnacpr-" + PATIENT.value());
    assertThat(documents.items())
        .extracting(DocumentItem::title)
        .containsExactly(
            "ReSPECT form",
            "ReSPECT form (superseded)",
            "DNACPR (superseded)",
            "Not for attempted cardiopulmonary resuscitation");
    assertThat(documents.items().get(0).contentReference())
        .contains("DocumentReference/respect-" + PATIENT.value());
    assertThat(documents.items().get(0).author()).contains("Riverside Medical Practice");
  }

  @Test
  void a_plan_document_keeps_the_time_of_its_pointer_in_uk_time() throws Exception {
    // DocumentReference.date is an instant. 23:30 UTC on 1 July is 00:30 BST on the 2nd: the day
    // and the time are both UK time, so they agree.
    answer(
        List.of(
            Pointers.pointer(
                    "respect-summer",
                    PATIENT,
                    "1382601000000107",
                    "ReSPECT form",
                    "current",
                    "2026-07-01")
                .replace("2026-07-01T10:15:00+00:00", "2026-07-01T23:30:00+00:00"),
            Pointers.pointer(
                "dnacpr-winter", PATIENT, "450476008", "DNACPR", "current", "2026-01-05")));

    SectionContent<DocumentItem> documents =
        section(fetch(EnumSet.allOf(Section.class)), Section.DOCUMENTS);

    assertThat(documents.items())
        .extracting(DocumentItem::date, DocumentItem::time)
        .containsExactlyInAnyOrder(
            tuple(
                Optional.of(LocalDate.of(2026, 7, 2)),
                Optional.of(OffsetDateTime.parse("2026-07-02T00:30:00+01:00"))),
            tuple(
                Optional.of(LocalDate.of(2026, 1, 5)),
                Optional.of(OffsetDateTime.parse("2026-01-05T10:15:00Z"))));
  }

  @Test
  void a_pointer_for_another_patient_discards_the_whole_answer() throws Exception {
    answer(List.of(Pointers.respect(PATIENT), Pointers.dnacpr(OTHER)));

    SourceOutcome outcome = fetch(EnumSet.allOf(Section.class));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SourceOutcome.Failed.class,
            failed -> {
              assertThat(failed.kind()).isEqualTo(SourceOutcome.Failed.Kind.MALFORMED_PAYLOAD);
              assertThat(failed.detail()).contains("another patient").doesNotContain(OTHER.value());
            });
  }

  @Test
  void a_withdrawn_pointer_is_neither_shown_nor_counted_as_unreadable() throws Exception {
    String withdrawn =
        Pointers.pointer(
            "dnacpr-wrong", PATIENT, "450476008", "DNACPR", "entered-in-error", "2026-01-01");
    answer(List.of(Pointers.respect(PATIENT), withdrawn));

    SourceOutcome outcome = fetch(EnumSet.allOf(Section.class));

    assertThat(section(outcome, Section.ALERTS).items()).hasSize(1);
    assertThat(section(outcome, Section.DOCUMENTS).items()).hasSize(1);
    assertThat(section(outcome, Section.ALERTS).completeness()).isEqualTo(Completeness.complete());
  }

  @Test
  void an_unreadable_pointer_makes_both_sections_partial_since_it_may_be_any_plan()
      throws Exception {
    String untyped =
        Pointers.dnacpr(PATIENT).replaceFirst("\"type\":\\{\"coding\":\\[[^\\]]*\\]\\},", "");
    answer(List.of(Pointers.respect(PATIENT), untyped));

    SourceOutcome outcome = fetch(EnumSet.allOf(Section.class));

    for (Section section : List.of(Section.ALERTS, Section.DOCUMENTS)) {
      assertThat(section(outcome, section).completeness())
          .isInstanceOfSatisfying(
              Completeness.Partial.class,
              partial -> {
                assertThat(partial.unreadableItems()).isEqualTo(1);
                assertThat(partial.reason())
                    .isEqualTo("1 care plan pointer could not be read (no coded type: 1)");
              });
    }
  }

  @Test
  void a_view_that_asks_for_alerts_alone_asks_only_for_current_plans() throws Exception {
    answer(List.of(Pointers.respect(PATIENT)));

    SourceOutcome outcome = fetch(EnumSet.of(Section.ALERTS, Section.SOCIAL_CARE));

    assertThat(((SourceOutcome.Loaded) outcome).record().sections().keySet())
        .containsExactly(Section.ALERTS);
    service.verify(
        1,
        getRequestedFor(urlPathEqualTo("/DocumentReference"))
            .withQueryParam("status", equalTo("current"))
            .withQueryParam(
                "subject:identifier",
                equalTo("https://fhir.nhs.uk/Id/nhs-number|" + PATIENT.value()))
            .withHeader("X-Correlation-ID", equalTo(CONTEXT.correlationId())));
    service.verify(
        0,
        getRequestedFor(urlPathEqualTo("/DocumentReference")).withQueryParam("status", absent()));
  }

  @Test
  void every_plan_type_is_asked_for_by_its_snomed_code() throws Exception {
    answer(List.of(Pointers.respect(PATIENT)));

    fetch(EnumSet.of(Section.DOCUMENTS));

    String type =
        service.getAllServeEvents().get(0).getRequest().queryParameter("type").firstValue();
    assertThat(type.split(","))
        .containsExactlyInAnyOrder(
            "http://snomed.info/sct|736373009",
            "http://snomed.info/sct|861421000000109",
            "http://snomed.info/sct|1382601000000107",
            "http://snomed.info/sct|450476008",
            "http://snomed.info/sct|736253002",
            "http://snomed.info/sct|887701000000100");
  }

  @Test
  void a_failed_search_costs_only_its_own_section() throws Exception {
    answer(List.of(Pointers.respect(PATIENT)));
    service.stubFor(
        get(urlPathEqualTo("/DocumentReference"))
            .withQueryParam("status", absent())
            .atPriority(1)
            .willReturn(aResponse().withStatus(503)));

    SourceOutcome outcome = fetch(EnumSet.allOf(Section.class));

    assertThat(section(outcome, Section.ALERTS).items()).hasSize(1);
    assertThat(section(outcome, Section.DOCUMENTS).completeness())
        .isEqualTo(
            Completeness.unavailable("HTTP 503 from the care plan search: the source failed"));
  }

  @Test
  void a_plans_content_is_read_on_demand_from_the_pointer_service() throws Exception {
    service.stubFor(
        get(urlPathEqualTo("/DocumentReference"))
            .withQueryParam("_id", equalTo("respect-" + PATIENT.value()))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody(Pointers.searchset(List.of(Pointers.respect(PATIENT))))));
    service.stubFor(
        get(urlPathEqualTo("/Binary/respect-" + PATIENT.value()))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html;charset=utf-8")
                    .withBody("<h1>ReSPECT</h1>")));

    DocumentOutcome outcome =
        adapter.fetchDocument(
            new DocumentRequest(PATIENT, "DocumentReference/respect-" + PATIENT.value(), CONTEXT));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            DocumentOutcome.Content.class,
            content -> {
              assertThat(content.contentType()).startsWith("text/html");
              assertThat(new String(content.bytes(), StandardCharsets.UTF_8))
                  .isEqualTo("<h1>ReSPECT</h1>");
            });
  }

  @Test
  void another_patients_plan_is_never_served_as_this_patients_document() throws Exception {
    service.stubFor(
        get(urlPathEqualTo("/DocumentReference"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody(Pointers.searchset(List.of(Pointers.respect(OTHER))))));

    DocumentOutcome outcome =
        adapter.fetchDocument(
            new DocumentRequest(PATIENT, "DocumentReference/respect-" + OTHER.value(), CONTEXT));

    assertThat(outcome).isInstanceOf(DocumentOutcome.NotFound.class);
    service.verify(0, getRequestedFor(urlPathEqualTo("/Binary/respect-" + OTHER.value())));
  }

  @Test
  void no_pointer_at_all_is_no_record() throws Exception {
    answer(List.of());

    SourceOutcome outcome = fetch(EnumSet.allOf(Section.class));

    assertThat(outcome).isInstanceOf(SourceOutcome.NoRecord.class);
  }
}
