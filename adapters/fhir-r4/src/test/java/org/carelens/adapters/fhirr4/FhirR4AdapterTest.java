package org.carelens.adapters.fhirr4;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.DocumentItem;
import org.carelens.sdk.model.EmptyReason;
import org.carelens.sdk.model.EncounterItem;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.ResultItem;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.Sensitivity;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.DocumentOutcome;
import org.carelens.sdk.spi.DocumentRequest;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.carelens.sdk.spi.SourceRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FhirR4AdapterTest {

  private static final String BASE = "/fhir/R4";
  private static final NhsNumber PATIENT = new NhsNumber("9990000018");
  private static final RequestContext CONTEXT =
      new RequestContext(
          "5f3c7d2e-9a41-4b8e-8c1d-2b6f0e7a9c13",
          "555123456789",
          "Dr Anna Clarke",
          "S0030:G0100:R0260",
          "RY448",
          "Urgent Care Centre Leeds");

  /** Search path below the base, and the payload each answers with in a full record. */
  private static final Map<String, String> FULL_RECORD =
      Map.of(
          "/Patient", "patient.json",
          "/Encounter", "encounters.json",
          "/Condition", "conditions.json",
          "/AllergyIntolerance", "allergies.json",
          "/MedicationStatement", "medications.json",
          "/DiagnosticReport", "reports.json",
          "/DocumentReference", "documents.json");

  private static final AtomicReference<CountDownLatch> MATCHED =
      new AtomicReference<>(new CountDownLatch(1));

  private static WireMockServer trust;
  private FhirR4Adapter adapter;

  @BeforeAll
  static void startTrust() {
    trust =
        new WireMockServer(
            WireMockConfiguration.options()
                .dynamicPort()
                .extensions(
                    new ServeEventListener() {
                      @Override
                      public void afterMatch(ServeEvent serveEvent, Parameters parameters) {
                        MATCHED.get().countDown();
                      }

                      @Override
                      public String getName() {
                        return "matched-latch";
                      }
                    }));
    trust.start();
  }

  @AfterAll
  static void stopTrust() {
    trust.stop();
  }

  @BeforeEach
  void newAdapter() {
    trust.resetAll();
    MATCHED.set(new CountDownLatch(1));
    adapter = new FhirR4Adapter(config());
  }

  @AfterEach
  void closeAdapter() {
    adapter.close();
  }

  @Test
  void searches_each_section_by_nhs_number_with_the_identifier_modifier() throws Exception {
    answerAll();

    adapter.fetch(request(Section.ENCOUNTERS, Section.RESULTS));

    String token = "https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9990000018";
    trust.verify(getRequestedFor(urlEqualTo(BASE + "/Patient?identifier=" + token)));
    trust.verify(
        getRequestedFor(urlEqualTo(BASE + "/Encounter?patient:identifier=" + token))
            .withHeader("Accept", equalTo("application/fhir+json"))
            .withHeader("X-Correlation-ID", equalTo(CONTEXT.correlationId())));
    trust.verify(
        getRequestedFor(
            urlEqualTo(
                BASE
                    + "/DiagnosticReport?patient:identifier="
                    + token
                    + "&_include=DiagnosticReport:result")));
    trust.verify(0, getRequestedFor(urlPathEqualTo(BASE + "/Condition")));
  }

  @Test
  void full_record_is_loaded_with_identity_provenance_and_codes() throws Exception {
    answerAll();

    SourceRecord record = loaded(adapter.fetch(request(Section.values())));

    assertThat(record.patient().orElseThrow().name().family()).isEqualTo("Jones");
    assertThat(record.patient().orElseThrow().registeredPracticeOds()).contains("A81001");
    AllergyItem allergy =
        (AllergyItem) record.section(Section.ALLERGIES).orElseThrow().items().getFirst();
    assertThat(allergy.concept().code()).isEqualTo("91936005");
    assertThat(allergy.reactions()).containsExactly("Urticaria");
    assertThat(allergy.provenance().sourceId()).isEqualTo("acute");
    assertThat(allergy.provenance().sourceItemId()).isEqualTo("AllergyIntolerance/a1");
    assertThat(allergy.provenance().recordingOrganisationOds()).contains("RXX");
    MedicationItem medication =
        (MedicationItem) record.section(Section.MEDICATIONS).orElseThrow().items().getFirst();
    assertThat(medication.concept().system()).isEqualTo("https://dmd.nhs.uk");
    assertThat(medication.dosageText()).contains("One tablet once a day");
    assertThat(record.section(Section.PROBLEMS).orElseThrow().items()).hasSize(2);
    assertThat(record.sections().keySet())
        .containsExactlyInAnyOrder(
            Section.ALLERGIES,
            Section.MEDICATIONS,
            Section.PROBLEMS,
            Section.ENCOUNTERS,
            Section.RESULTS,
            Section.DOCUMENTS);
  }

  @Test
  void admission_carries_discharge_diagnosis_method_destination_and_follow_up() throws Exception {
    answerAll();

    SourceRecord record = loaded(adapter.fetch(request(Section.ENCOUNTERS, Section.PROBLEMS)));

    EncounterItem admission =
        record.section(Section.ENCOUNTERS).orElseThrow().items().stream()
            .map(EncounterItem.class::cast)
            .filter(e -> e.kind() == EncounterItem.Kind.ADMISSION)
            .findFirst()
            .orElseThrow();
    assertThat(admission.start()).contains(LocalDate.of(2026, 9, 1));
    assertThat(admission.end()).contains(LocalDate.of(2026, 9, 5));
    // The trust recorded the days only: no time is made up.
    assertThat(admission.startTime()).isEmpty();
    assertThat(admission.endTime()).isEmpty();
    assertThat(admission.location()).contains("Ward 12 (Respiratory)");
    assertThat(admission.clinician()).contains("Dr Amira Khan");
    assertThat(admission.dischargeDetails().orElseThrow())
        .contains("Discharge diagnosis: Community acquired pneumonia")
        .contains("Destination: Usual place of residence")
        .contains("Follow-up: Respiratory clinic follow-up on 20-Oct-2026");
  }

  @Test
  void results_keep_value_unit_range_flag_report_and_sensitivity() throws Exception {
    answerAll();

    SourceRecord record = loaded(adapter.fetch(request(Section.RESULTS)));

    var results =
        record.section(Section.RESULTS).orElseThrow().items().stream()
            .map(ResultItem.class::cast)
            .toList();
    assertThat(results).hasSize(3);
    ResultItem potassium = results.getFirst();
    assertThat(potassium.concept().code()).isEqualTo("2823-3");
    assertThat(potassium.value()).contains("5.9");
    assertThat(potassium.unit()).contains("mmol/L");
    assertThat(potassium.referenceRange()).contains("3.5-5.3");
    assertThat(potassium.flag()).isEqualTo(ResultItem.Flag.HIGH);
    assertThat(potassium.report()).contains("Renal function panel");
    ResultItem hiv = results.get(2);
    assertThat(hiv.value()).contains("Not detected");
    assertThat(hiv.sensitivity()).containsExactly(Sensitivity.HIV);
  }

  @Test
  void documents_point_at_their_content_on_the_trusts_server() throws Exception {
    answerAll();

    SourceRecord record = loaded(adapter.fetch(request(Section.DOCUMENTS)));

    DocumentItem summary =
        (DocumentItem) record.section(Section.DOCUMENTS).orElseThrow().items().getFirst();
    assertThat(summary.title()).isEqualTo("Discharge summary - pneumonia");
    assertThat(summary.contentType()).contains("text/html");
    assertThat(summary.contentReference()).contains(trust.baseUrl() + BASE + "/Binary/b1");
    assertThat(summary.provenance().sourceItemId()).isEqualTo("DocumentReference/d1");
  }

  @Test
  void document_content_is_fetched_on_demand_for_the_patient_it_belongs_to() throws Exception {
    answer("/DocumentReference", 200, text("documents.json"));
    trust.stubFor(
        get(urlPathEqualTo(BASE + "/Binary/b1"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html;charset=utf-8")
                    .withBody("<html>Discharge summary</html>")));

    DocumentOutcome outcome =
        adapter.fetchDocument(new DocumentRequest(PATIENT, "DocumentReference/d1", CONTEXT));

    assertThat(outcome).isInstanceOf(DocumentOutcome.Content.class);
    var content = (DocumentOutcome.Content) outcome;
    assertThat(content.contentType()).startsWith("text/html");
    assertThat(new String(content.bytes(), StandardCharsets.UTF_8)).contains("Discharge summary");
  }

  @Test
  void a_document_the_search_does_not_return_for_this_patient_is_not_found() throws Exception {
    answer("/DocumentReference", 200, text("empty.json"));

    DocumentOutcome outcome =
        adapter.fetchDocument(new DocumentRequest(PATIENT, "DocumentReference/d1", CONTEXT));

    assertThat(outcome).isInstanceOf(DocumentOutcome.NotFound.class);
    trust.verify(0, getRequestedFor(urlPathEqualTo(BASE + "/Binary/b1")));
  }

  @Test
  void no_known_allergies_is_the_allergy_sections_empty_reason() throws Exception {
    answerAll();
    answer("/AllergyIntolerance", 200, text("no-known-allergies.json"));

    SourceRecord record = loaded(adapter.fetch(request(Section.ALLERGIES)));

    var allergies = record.section(Section.ALLERGIES).orElseThrow();
    assertThat(allergies.items()).isEmpty();
    assertThat(allergies.emptyReason()).contains(EmptyReason.NIL_KNOWN);
  }

  @Test
  void every_search_empty_is_no_record() throws Exception {
    trust.stubFor(any(anyUrl()).willReturn(fhir(200, text("empty.json"))));

    SourceOutcome outcome = adapter.fetch(request(Section.values()));

    assertThat(outcome).isInstanceOf(SourceOutcome.NoRecord.class);
    assertThat(((SourceOutcome.NoRecord) outcome).detail()).doesNotContain("9990000018");
  }

  @Test
  void server_error_on_every_search_is_a_source_error_without_the_diagnostics() throws Exception {
    trust.stubFor(any(anyUrl()).willReturn(fhir(500, text("operation-outcome.json"))));

    SourceOutcome outcome = adapter.fetch(request(Section.ALLERGIES));

    assertThat(outcome)
        .isEqualTo(
            new SourceOutcome.Failed(
                Kind.SOURCE_ERROR,
                "HTTP 500 from the Patient search (OperationOutcome: exception): the source failed"));
  }

  @Test
  void a_failed_search_costs_only_its_own_section() throws Exception {
    answerAll();
    answer("/MedicationStatement", 503, "<html>Service Unavailable</html>");

    SourceRecord record = loaded(adapter.fetch(request(Section.ALLERGIES, Section.MEDICATIONS)));

    assertThat(record.section(Section.ALLERGIES).orElseThrow().items()).hasSize(1);
    assertThat(record.section(Section.ALLERGIES).orElseThrow().completeness())
        .isEqualTo(Completeness.complete());
    var medications = record.section(Section.MEDICATIONS).orElseThrow();
    assertThat(medications.items()).isEmpty();
    assertThat(medications.emptyReason()).contains(EmptyReason.UNAVAILABLE);
    assertThat(medications.completeness())
        .isEqualTo(
            Completeness.unavailable(
                "HTTP 503 from the MedicationStatement search: the source failed"));
  }

  @Test
  void a_search_whose_connection_is_reset_makes_its_section_unavailable_naming_the_search()
      throws Exception {
    answerAll();
    trust.stubFor(
        get(urlPathEqualTo(BASE + "/Condition"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    SourceRecord record = loaded(adapter.fetch(request(Section.ALLERGIES, Section.PROBLEMS)));

    assertThat(record.section(Section.PROBLEMS).orElseThrow().completeness())
        .isInstanceOfSatisfying(
            Completeness.Unavailable.class,
            u ->
                assertThat(u.reason())
                    .startsWith("the Condition search failed: ")
                    .doesNotContain(PATIENT.value()));
    assertThat(record.section(Section.ALLERGIES).orElseThrow().items()).hasSize(1);
  }

  @Test
  void an_allergy_without_a_code_costs_only_itself_and_makes_allergies_partial() throws Exception {
    answerAll();
    answer("/AllergyIntolerance", 200, withEntry(text("allergies.json"), UNCODED_ALLERGY));

    SourceRecord record = loaded(adapter.fetch(request(Section.ALLERGIES)));

    var allergies = record.section(Section.ALLERGIES).orElseThrow();
    assertThat(allergies.items()).extracting(i -> i.concept().code()).containsExactly("91936005");
    assertThat(allergies.completeness())
        .isEqualTo(Completeness.partial(1, "1 AllergyIntolerance without a code"));
    assertThat(allergies.emptyReason()).isEmpty();
  }

  @Test
  void a_report_result_missing_from_the_answer_is_counted_and_the_other_results_are_shown()
      throws Exception {
    answerAll();
    answer(
        "/DiagnosticReport",
        200,
        text("reports.json")
            .replace(
                "{\"reference\": \"Observation/o2\"}", "{\"reference\": \"Observation/gone\"}"));

    SourceRecord record = loaded(adapter.fetch(request(Section.RESULTS)));

    var results = record.section(Section.RESULTS).orElseThrow();
    assertThat(results.items())
        .extracting(i -> i.concept().display())
        .containsExactly("Potassium", "Renal function panel", "HIV screen");
    assertThat(((ResultItem) results.items().get(1)).value().orElseThrow())
        .contains("1 of 2 results not included in the source's answer");
    assertThat(results.completeness())
        .isEqualTo(Completeness.partial(1, "1 DiagnosticReport result not in the answer"));
  }

  @Test
  void a_resource_a_search_matched_that_belongs_to_another_section_is_counted_not_shown()
      throws Exception {
    answerAll();
    String medicationAsMatch =
        """
        {"search": {"mode": "match"}, "resource": {"resourceType": "MedicationStatement",
          "id": "m9", "status": "active", "subject": {"reference": "Patient/p1"},
          "medicationCodeableConcept": {"coding": [{"system": "https://dmd.nhs.uk",
            "code": "319283006", "display": "Amlodipine 5mg tablets"}]}}}
        """;
    answer("/AllergyIntolerance", 200, withEntry(text("allergies.json"), medicationAsMatch));

    SourceRecord record = loaded(adapter.fetch(request(Section.ALLERGIES)));

    var allergies = record.section(Section.ALLERGIES).orElseThrow();
    assertThat(allergies.items()).hasSize(1);
    assertThat(allergies.completeness())
        .isEqualTo(
            Completeness.partial(
                1, "1 MedicationStatement matched by the AllergyIntolerance search"));
  }

  @Test
  void garbage_is_a_malformed_payload_that_does_not_quote_it() throws Exception {
    trust.stubFor(
        any(anyUrl())
            .willReturn(fhir(200, "{\"resourceType\": \"Bundle\", \"entry\": [ Jones 9990000018")));

    SourceOutcome outcome = adapter.fetch(request(Section.ALLERGIES));

    var failed = (SourceOutcome.Failed) outcome;
    assertThat(failed.kind()).isEqualTo(Kind.MALFORMED_PAYLOAD);
    assertThat(failed.detail())
        .contains("not FHIR R4 JSON")
        .doesNotContain("Jones")
        .doesNotContain("9990000018");
  }

  @Test
  void operation_outcome_with_status_200_is_a_malformed_payload() throws Exception {
    trust.stubFor(any(anyUrl()).willReturn(fhir(200, text("operation-outcome.json"))));

    SourceOutcome outcome = adapter.fetch(request(Section.ALLERGIES));

    assertThat(outcome)
        .isEqualTo(
            new SourceOutcome.Failed(
                Kind.MALFORMED_PAYLOAD,
                "the Patient search answered with a OperationOutcome, where a searchset Bundle was"
                    + " expected"));
  }

  @Test
  void a_patient_with_another_nhs_number_discards_the_whole_answer() throws Exception {
    answerAll();

    SourceOutcome outcome =
        adapter.fetch(
            new SourceRequest(new NhsNumber("9990000026"), Set.of(Section.ALLERGIES), CONTEXT));

    assertThat(outcome).isInstanceOf(SourceOutcome.Failed.class);
    assertThat(((SourceOutcome.Failed) outcome).kind()).isEqualTo(Kind.MALFORMED_PAYLOAD);
    assertThat(((SourceOutcome.Failed) outcome).detail())
        .contains("does not carry the requested NHS number");
  }

  @Test
  void a_resource_filed_under_another_patient_is_never_shown_and_is_counted() throws Exception {
    answerAll();
    String foreign =
        """
        {"search": {"mode": "match"}, "resource": {"resourceType": "AllergyIntolerance",
          "id": "a9", "patient": {"reference": "Patient/someone-else"},
          "code": {"coding": [{"system": "http://snomed.info/sct", "code": "91935009",
            "display": "Allergy to peanuts"}]}}}
        """;
    answer("/AllergyIntolerance", 200, withEntry(text("allergies.json"), foreign));

    SourceRecord record = loaded(adapter.fetch(request(Section.ALLERGIES)));

    var allergies = record.section(Section.ALLERGIES).orElseThrow();
    assertThat(allergies.items()).extracting(i -> i.concept().code()).containsExactly("91936005");
    assertThat(allergies.completeness())
        .isEqualTo(
            Completeness.partial(
                1,
                "1 AllergyIntolerance referring to a Patient the Patient search did not return"));
  }

  @Test
  void a_search_answered_only_by_another_patients_resources_shows_none_of_them() throws Exception {
    answerAll();
    answer(
        "/AllergyIntolerance",
        200,
        text("allergies.json").replace("Patient/p1", "Patient/someone-else"));

    SourceRecord record = loaded(adapter.fetch(request(Section.ALLERGIES)));

    var allergies = record.section(Section.ALLERGIES).orElseThrow();
    assertThat(allergies.items()).isEmpty();
    assertThat(allergies.completeness())
        .isInstanceOfSatisfying(
            Completeness.Partial.class, p -> assertThat(p.unreadableItems()).isEqualTo(1));
  }

  @Test
  void oversized_answer_is_refused_without_reading_it() throws Exception {
    adapter.close();
    adapter = new FhirR4Adapter(config().withLimits(1_000, 5));
    answerAll();

    SourceOutcome outcome = adapter.fetch(request(Section.ENCOUNTERS));

    assertThat(loaded(outcome).section(Section.ENCOUNTERS).orElseThrow().emptyReason())
        .contains(EmptyReason.UNAVAILABLE);
  }

  @Test
  void next_pages_are_followed_on_the_same_server() throws Exception {
    answerAll();
    String firstPage =
        text("medications.json")
            .replace(
                "\"total\": 1,",
                "\"total\": 2, \"link\": [{\"relation\": \"next\", \"url\": \""
                    + trust.baseUrl()
                    + BASE
                    + "/MedicationStatement?page=2\"}],");
    answer("/MedicationStatement", 200, firstPage);
    trust.stubFor(
        get(urlEqualTo(BASE + "/MedicationStatement?page=2"))
            .atPriority(1)
            .willReturn(fhir(200, text("medications.json").replace("\"m1\"", "\"m2\""))));

    SourceRecord record = loaded(adapter.fetch(request(Section.MEDICATIONS)));

    assertThat(record.section(Section.MEDICATIONS).orElseThrow().items()).hasSize(2);
  }

  @Test
  void a_next_link_to_another_server_is_not_followed() throws Exception {
    answerAll();
    answer(
        "/MedicationStatement",
        200,
        text("medications.json")
            .replace(
                "\"total\": 1,",
                "\"total\": 2, \"link\": [{\"relation\": \"next\", \"url\":"
                    + " \"https://elsewhere.example/MedicationStatement?page=2\"}],"));

    SourceRecord record = loaded(adapter.fetch(request(Section.MEDICATIONS)));

    assertThat(record.section(Section.MEDICATIONS).orElseThrow().emptyReason())
        .contains(EmptyReason.UNAVAILABLE);
  }

  @Test
  void closed_port_is_unreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    adapter.close();
    adapter =
        new FhirR4Adapter(
            FhirR4Config.withDefaults(
                "acute",
                "Acute trust",
                URI.create("http://localhost:" + closedPort + BASE),
                "RXX"));

    SourceOutcome outcome = adapter.fetch(request(Section.ALLERGIES));

    assertThat(((SourceOutcome.Failed) outcome).kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(((SourceOutcome.Failed) outcome).detail())
        .startsWith("could not connect to localhost:" + closedPort);
  }

  @Test
  void connection_reset_is_reported_as_a_source_error() throws Exception {
    trust.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    SourceOutcome outcome = adapter.fetch(request(Section.ALLERGIES));

    assertThat(outcome).isInstanceOf(SourceOutcome.Failed.class);
  }

  @Test
  void trust_slower_than_the_request_timeout_fails_instead_of_hanging() throws Exception {
    adapter.close();
    adapter =
        new FhirR4Adapter(config().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));
    trust.stubFor(any(anyUrl()).willReturn(fhir(200, text("empty.json")).withFixedDelay(3_000)));

    long started = System.nanoTime();
    SourceOutcome outcome = adapter.fetch(request(Section.values()));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(((SourceOutcome.Failed) outcome).kind()).isEqualTo(Kind.SOURCE_ERROR);
    assertThat(((SourceOutcome.Failed) outcome).detail()).startsWith("timed out");
    assertThat(took).isLessThan(Duration.ofMillis(2_500));
  }

  @Test
  void interruption_while_waiting_for_the_trust_propagates() throws Exception {
    trust.stubFor(any(anyUrl()).willReturn(fhir(200, text("empty.json")).withFixedDelay(4_000)));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<SourceOutcome> returned = new AtomicReference<>();
    Thread caller =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    returned.set(adapter.fetch(request(Section.values())));
                  } catch (Throwable t) {
                    thrown.set(t);
                  }
                });
    assertThat(MATCHED.get().await(5, TimeUnit.SECONDS)).isTrue();

    caller.interrupt();

    assertThat(caller.join(Duration.ofSeconds(2))).isTrue();
    assertThat(returned.get()).isNull();
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
  }

  @Test
  void an_already_interrupted_caller_gets_interrupted_exception_not_an_outcome() {
    answerAll();
    Thread.currentThread().interrupt();

    try {
      assertThatThrownBy(() -> adapter.fetch(request(Section.ALLERGIES)))
          .isInstanceOf(InterruptedException.class);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void descriptor_names_the_trust_and_the_sections_it_searches() {
    assertThat(adapter.descriptor().id()).isEqualTo("acute");
    assertThat(adapter.descriptor().organisationOds()).isEqualTo("RXX");
    assertThat(adapter.descriptor().sections())
        .containsExactlyInAnyOrder(
            Section.ALLERGIES,
            Section.MEDICATIONS,
            Section.PROBLEMS,
            Section.ENCOUNTERS,
            Section.RESULTS,
            Section.DOCUMENTS);
  }

  private static FhirR4Config config() {
    return new FhirR4Config(
        "acute",
        "Riverside University Hospitals (FHIR R4)",
        URI.create(trust.baseUrl() + BASE),
        "RXX",
        Optional.of("Riverside University Hospitals NHS Trust"),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        FhirR4Config.DEFAULT_MAX_RESPONSE_BYTES,
        FhirR4Config.DEFAULT_MAX_PAGES);
  }

  private static SourceRequest request(Section... sections) {
    return new SourceRequest(PATIENT, Set.of(sections), CONTEXT);
  }

  private static SourceRecord loaded(SourceOutcome outcome) {
    assertThat(outcome).isInstanceOf(SourceOutcome.Loaded.class);
    return ((SourceOutcome.Loaded) outcome).record();
  }

  /** An allergy without the code UK Core requires. */
  private static final String UNCODED_ALLERGY =
      """
      {"search": {"mode": "match"}, "resource": {"resourceType": "AllergyIntolerance",
        "id": "a2", "patient": {"reference": "Patient/p1"}, "recordedDate": "2025-03-01"}}
      """;

  /** The searchset with one more entry at its end. */
  private static String withEntry(String searchset, String entry) {
    return searchset.replaceFirst("\\]\\}\\s*$", "," + entry + "]}");
  }

  private static void answerAll() {
    FULL_RECORD.forEach((path, file) -> answer(path, 200, text(file)));
  }

  private static void answer(String path, int status, String body) {
    trust.stubFor(get(urlPathEqualTo(BASE + path)).willReturn(fhir(status, body)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fhir(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/fhir+json;charset=utf-8")
        .withBody(body);
  }

  static String text(String name) {
    try (InputStream in = FhirR4AdapterTest.class.getResourceAsStream("/fhirr4/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture named " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
