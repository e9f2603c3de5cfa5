package org.carelens.adapters.gpconnect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GpConnectAdapterTest {

  private static final String FHIR_BASE = "/A81001/STU3/1/gpconnect/structured/fhir";
  private static final String OPERATION = FHIR_BASE + "/Patient/$gpc.getstructuredrecord";
  private static final Instant NOW = Instant.parse("2024-03-12T10:15:30Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Counted down when WireMock has matched a request, before any configured delay. */
  private static final AtomicReference<CountDownLatch> MATCHED =
      new AtomicReference<>(new CountDownLatch(1));

  private static WireMockServer provider;
  private GpConnectAdapter adapter;

  @BeforeAll
  static void startProvider() {
    provider =
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
    provider.start();
  }

  @AfterAll
  static void stopProvider() {
    provider.stop();
  }

  @BeforeEach
  void newAdapter() {
    provider.resetAll();
    MATCHED.set(new CountDownLatch(1));
    adapter = new GpConnectAdapter(config(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void closeAdapter() {
    adapter.close();
  }

  @Test
  void posts_the_structured_record_operation_with_spine_headers() throws Exception {
    answer(200, Fixtures.text("structured-record-full.json"));

    adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES, Section.MEDICATIONS));

    provider.verify(
        postRequestedFor(urlEqualTo(OPERATION))
            .withHeader("Content-Type", equalTo("application/fhir+json;charset=utf-8"))
            .withHeader("Accept", equalTo("application/fhir+json"))
            .withHeader("Ssp-TraceID", equalTo(Fixtures.CONTEXT.correlationId()))
            .withHeader("Ssp-From", equalTo("200000000359"))
            .withHeader("Ssp-To", equalTo("A81001"))
            .withHeader(
                "Ssp-InteractionID",
                equalTo(
                    "urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1"))
            .withHeader("Authorization", matching("Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.")));
  }

  @Test
  void body_asks_for_the_patient_with_resolved_allergies_and_all_medication() throws Exception {
    answer(200, Fixtures.text("structured-record-full.json"));

    adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES, Section.MEDICATIONS));

    provider.verify(
        postRequestedFor(urlEqualTo(OPERATION))
            .withRequestBody(
                equalToJson(
                    """
                    {"resourceType": "Parameters", "parameter": [
                      {"name": "patientNHSNumber",
                       "valueIdentifier": {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9990000018"}},
                      {"name": "includeAllergies",
                       "part": [{"name": "includeResolvedAllergies", "valueBoolean": true}]},
                      {"name": "includeMedication"}
                    ]}
                    """)));
  }

  @Test
  void body_asks_only_for_the_sections_requested() throws Exception {
    answer(200, Fixtures.text("structured-record-full.json"));

    adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.MEDICATIONS));

    provider.verify(
        postRequestedFor(urlEqualTo(OPERATION))
            .withRequestBody(
                equalToJson(
                    """
                    {"resourceType": "Parameters", "parameter": [
                      {"name": "patientNHSNumber",
                       "valueIdentifier": {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9990000018"}},
                      {"name": "includeMedication"}
                    ]}
                    """)));
  }

  @Test
  void consumer_token_is_an_unsigned_gp_connect_jwt_describing_the_requester() throws Exception {
    answer(200, Fixtures.text("structured-record-full.json"));

    adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));

    String[] parts = bearerToken().split("\\.", -1);
    assertThat(parts).hasSize(3);
    assertThat(parts[2]).isEmpty();
    assertThat(decode(parts[0])).isEqualTo(JSON.readTree("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
    JsonNode claims = decode(parts[1]);
    assertThat(claims.get("iss").asText()).isEqualTo("https://carelens.example.nhs.uk");
    assertThat(claims.get("sub").asText()).isEqualTo("555123456789");
    assertThat(claims.get("aud").asText()).isEqualTo(provider.baseUrl() + FHIR_BASE);
    assertThat(claims.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
    assertThat(claims.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 300);
    assertThat(claims.get("reason_for_request").asText()).isEqualTo("directcare");
    assertThat(claims.get("requested_scope").asText()).isEqualTo("patient/*.read");
    assertThat(claims.at("/requesting_device/resourceType").asText()).isEqualTo("Device");
    assertThat(claims.at("/requesting_device/identifier/0/value").asText())
        .isEqualTo("200000000359");
    assertThat(claims.at("/requesting_organization/resourceType").asText())
        .isEqualTo("Organization");
    assertThat(claims.at("/requesting_organization/identifier/0/system").asText())
        .isEqualTo("https://fhir.nhs.uk/Id/ods-organization-code");
    assertThat(claims.at("/requesting_organization/identifier/0/value").asText())
        .isEqualTo("RY448");
    assertThat(claims.at("/requesting_organization/name").asText())
        .isEqualTo("Urgent Care Centre Leeds");
    JsonNode practitioner = claims.get("requesting_practitioner");
    assertThat(practitioner.get("resourceType").asText()).isEqualTo("Practitioner");
    assertThat(practitioner.get("id").asText()).isEqualTo(claims.get("sub").asText());
    assertThat(practitioner.at("/identifier/0/system").asText())
        .isEqualTo("https://fhir.nhs.uk/Id/sds-user-id");
    assertThat(practitioner.at("/identifier/0/value").asText()).isEqualTo("555123456789");
    assertThat(practitioner.at("/identifier/1/system").asText())
        .isEqualTo("https://fhir.nhs.uk/Id/sds-role-profile-id");
    assertThat(practitioner.at("/identifier/1/value").asText()).isEqualTo("S0030:G0100:R0260");
    assertThat(practitioner.at("/name/0/family").asText()).isEqualTo("Clarke");
  }

  @Test
  void bundle_for_the_patient_is_loaded_in_the_canonical_model() throws Exception {
    answer(200, Fixtures.text("structured-record-full.json"));

    SourceOutcome outcome =
        adapter.fetch(
            Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES, Section.MEDICATIONS));

    assertThat(outcome).isInstanceOf(SourceOutcome.Loaded.class);
    var record = ((SourceOutcome.Loaded) outcome).record();
    assertThat(record.patient().orElseThrow().name().family()).isEqualTo("Smith");
    assertThat(record.section(Section.ALLERGIES).orElseThrow().items()).hasSize(2);
    assertThat(record.section(Section.MEDICATIONS).orElseThrow().items()).hasSize(3);
  }

  @Test
  void descriptor_names_the_source_and_offers_every_structured_area() {
    assertThat(adapter.descriptor().id()).isEqualTo("gp");
    assertThat(adapter.descriptor().name()).isEqualTo("GP practice (GP Connect)");
    assertThat(adapter.descriptor().organisationOds()).isEqualTo("A81001");
    assertThat(adapter.descriptor().sections())
        .containsExactlyInAnyOrder(
            Section.ALLERGIES,
            Section.MEDICATIONS,
            Section.PROBLEMS,
            Section.ENCOUNTERS,
            Section.IMMUNISATIONS,
            Section.REFERRALS,
            Section.RESULTS);
  }

  @Test
  void patient_not_found_is_no_record() throws Exception {
    answer(404, Fixtures.text("patient-not-found.json"));

    SourceOutcome outcome =
        adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));

    assertThat(outcome).isInstanceOf(SourceOutcome.NoRecord.class);
    assertThat(((SourceOutcome.NoRecord) outcome).detail())
        .contains("PATIENT_NOT_FOUND")
        .doesNotContain("9990000042");
  }

  @Test
  void dissent_at_the_practice_withholds_the_record() throws Exception {
    answer(403, Fixtures.text("no-patient-consent.json"));

    SourceOutcome outcome =
        adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));

    assertThat(outcome).isInstanceOf(SourceOutcome.WithheldBySource.class);
    var withheld = (SourceOutcome.WithheldBySource) outcome;
    assertThat(withheld.reasonCode()).isEqualTo("NO_PATIENT_CONSENT");
    assertThat(withheld.detail()).doesNotContain("9990000050");
  }

  @Test
  void server_error_is_a_source_error_naming_the_spine_code_but_no_patient_data() throws Exception {
    answer(500, Fixtures.text("internal-server-error.json"));

    SourceOutcome outcome =
        adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));

    assertThat(outcome)
        .isEqualTo(
            new SourceOutcome.Failed(
                Kind.SOURCE_ERROR,
                "HTTP 500 from the GP Connect provider (INTERNAL_SERVER_ERROR): the source failed"));
  }

  @Test
  void not_found_without_an_operation_outcome_is_an_error_not_a_missing_record() throws Exception {
    provider.stubFor(
        post(urlEqualTo(OPERATION))
            .willReturn(aResponse().withStatus(404).withBody("<html>Not Found</html>")));

    SourceOutcome outcome =
        adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));

    assertThat(outcome)
        .isEqualTo(
            new SourceOutcome.Failed(
                Kind.SOURCE_ERROR, "HTTP 404 from the GP Connect provider: not found"));
  }

  @Test
  void garbage_body_is_a_malformed_payload_that_does_not_quote_it() throws Exception {
    answer(200, "{\"resourceType\": \"Bundle\", \"entry\": [ Jane Smith 9990000018");

    SourceOutcome outcome =
        adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));

    assertThat(outcome).isInstanceOf(SourceOutcome.Failed.class);
    var failed = (SourceOutcome.Failed) outcome;
    assertThat(failed.kind()).isEqualTo(Kind.MALFORMED_PAYLOAD);
    assertThat(failed.detail())
        .startsWith("response body is not FHIR STU3 JSON")
        .doesNotContain("Jane")
        .doesNotContain("9990000018");
  }

  @Test
  void operation_outcome_with_status_200_is_a_malformed_payload() throws Exception {
    answer(200, Fixtures.text("internal-server-error.json"));

    SourceOutcome outcome =
        adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));

    assertThat(outcome)
        .isEqualTo(
            new SourceOutcome.Failed(
                Kind.MALFORMED_PAYLOAD,
                "response body is a OperationOutcome, where a Bundle was expected"));
  }

  @Test
  void bundle_for_another_patient_is_a_malformed_payload() throws Exception {
    answer(200, Fixtures.text("structured-record-full.json"));

    SourceOutcome outcome =
        adapter.fetch(Fixtures.request(Fixtures.NIL_KNOWN_PATIENT, Section.ALLERGIES));

    assertThat(outcome).isInstanceOf(SourceOutcome.Failed.class);
    assertThat(((SourceOutcome.Failed) outcome).kind()).isEqualTo(Kind.MALFORMED_PAYLOAD);
    assertThat(((SourceOutcome.Failed) outcome).detail())
        .contains("does not carry the requested NHS number");
  }

  @Test
  void oversized_response_is_refused_without_reading_it() throws Exception {
    adapter.close();
    adapter = new GpConnectAdapter(config().withMaxResponseBytes(1_000));
    answer(200, Fixtures.text("structured-record-full.json"));

    SourceOutcome outcome =
        adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));

    assertThat(outcome)
        .isEqualTo(
            new SourceOutcome.Failed(
                Kind.MALFORMED_PAYLOAD,
                "the GP Connect provider answered more than 1000 bytes (HTTP 200); it was not read"));
  }

  @Test
  void closed_port_is_unreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    adapter.close();
    adapter =
        new GpConnectAdapter(
            GpConnectConfig.withDefaults(
                "gp",
                "GP practice (GP Connect)",
                URI.create("http://localhost:" + closedPort + FHIR_BASE),
                "A81001",
                "200000000359"));

    SourceOutcome outcome =
        adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));

    assertThat(outcome).isInstanceOf(SourceOutcome.Failed.class);
    assertThat(((SourceOutcome.Failed) outcome).kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(((SourceOutcome.Failed) outcome).detail())
        .startsWith("could not connect to localhost:" + closedPort);
  }

  @Test
  void provider_slower_than_the_request_timeout_fails_instead_of_hanging() throws Exception {
    adapter.close();
    adapter =
        new GpConnectAdapter(config().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));
    provider.stubFor(
        post(urlEqualTo(OPERATION))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(Fixtures.text("structured-record-full.json"))
                    .withFixedDelay(3_000)));

    long started = System.nanoTime();
    SourceOutcome outcome =
        adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(outcome).isInstanceOf(SourceOutcome.Failed.class);
    assertThat(((SourceOutcome.Failed) outcome).kind()).isEqualTo(Kind.SOURCE_ERROR);
    assertThat(((SourceOutcome.Failed) outcome).detail()).startsWith("timed out");
    assertThat(took).isLessThan(Duration.ofMillis(2_500));
  }

  @Test
  void interruption_while_waiting_for_the_provider_propagates() throws Exception {
    provider.stubFor(
        post(urlEqualTo(OPERATION))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(Fixtures.text("structured-record-full.json"))
                    .withFixedDelay(4_000)));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<SourceOutcome> returned = new AtomicReference<>();
    Thread caller =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    returned.set(
                        adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES)));
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
    answer(200, Fixtures.text("structured-record-full.json"));
    Thread.currentThread().interrupt();

    try {
      assertThatThrownBy(
              () -> adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES)))
          .isInstanceOf(InterruptedException.class);
    } finally {
      Thread.interrupted();
    }
  }

  private static GpConnectConfig config() {
    return new GpConnectConfig(
        "gp",
        "GP practice (GP Connect)",
        URI.create(provider.baseUrl() + FHIR_BASE),
        "A81001",
        "200000000359",
        URI.create("https://carelens.example.nhs.uk"),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        GpConnectConfig.DEFAULT_MAX_RESPONSE_BYTES);
  }

  private static void answer(int status, String body) {
    provider.stubFor(
        post(urlEqualTo(OPERATION))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/fhir+json;charset=utf-8")
                    .withBody(body)));
  }

  private static String bearerToken() {
    LoggedRequest request = provider.findAll(postRequestedFor(urlEqualTo(OPERATION))).getFirst();
    return request.getHeader("Authorization").substring("Bearer ".length());
  }

  private static JsonNode decode(String part) throws IOException {
    return JSON.readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
  }
}
