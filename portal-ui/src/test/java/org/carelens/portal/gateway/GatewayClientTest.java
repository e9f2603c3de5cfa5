package org.carelens.portal.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.carelens.portal.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayClientTest {

  private static final String RECORD_PATH = "/api/v1/patients/9990000018/record";

  private static WireMockServer gatewayStub;
  private static ApplicationContext context;
  private static GatewayClient client;

  @BeforeAll
  static void start() {
    gatewayStub = new WireMockServer(options().dynamicPort());
    gatewayStub.start();
    context = ApplicationContext.run(Map.of(GatewayClient.URL_PROPERTY, gatewayStub.baseUrl()));
    client = context.getBean(GatewayClient.class);
  }

  @AfterAll
  static void stop() {
    context.close();
    gatewayStub.stop();
  }

  @BeforeEach
  void reset() {
    gatewayStub.resetAll();
  }

  @Test
  void launch_token_is_exchanged_for_a_session_bound_to_the_patient() {
    gatewayStub.stubFor(
        post(urlEqualTo("/api/v1/sessions"))
            .withHeader("Authorization", equalTo("Bearer launch.jwt.value"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("session-khan.json"))));

    SessionGrant grant = client.exchangeLaunchToken("launch.jwt.value");

    assertThat(grant.accessToken()).isEqualTo("gw-access-123");
    assertThat(grant.nhsNumber()).isEqualTo("9990000018");
    assertThat(grant.expiresAt()).isEqualTo(Instant.parse("2026-11-22T04:10:00Z"));
    assertThat(grant.user().name()).isEqualTo("Dr Amira Khan");
    assertThat(grant.user().organisation().ods()).isEqualTo("Y03012");
    assertThat(grant.toString()).doesNotContain("gw-access-123");
  }

  @Test
  void the_configured_sources_are_listed_with_the_access_token() {
    gatewayStub.stubFor(
        get(urlEqualTo("/api/v1/sources"))
            .withHeader("Authorization", equalTo("Bearer gw-access-123"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "[{\"id\":\"gp\",\"name\":\"GP practice\"},"
                            + "{\"id\":\"acute\",\"name\":\"Riverside hospital\"}]")));

    List<ConfiguredSource> sources = client.configuredSources("gw-access-123");

    assertThat(sources)
        .containsExactly(
            new ConfiguredSource("gp", "GP practice"),
            new ConfiguredSource("acute", "Riverside hospital"));
  }

  @Test
  void refused_launch_token_becomes_an_exception_with_the_gateways_status_code_and_detail() {
    gatewayStub.stubFor(
        post(urlEqualTo("/api/v1/sessions"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(Fixtures.read("problem-invalid-token.json"))));

    assertThatThrownBy(() -> client.exchangeLaunchToken("forged.jwt.value"))
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.code()).isEqualTo("INVALID_TOKEN");
              assertThat(e.detail())
                  .isEqualTo("The launch token's signature does not match any trusted issuer key");
            });
  }

  @Test
  void record_is_read_with_the_access_token_and_decoded_in_full() {
    gatewayStub.stubFor(
        get(urlEqualTo(RECORD_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Cache-Control", "no-store")
                    .withBody(Fixtures.read("record-jones.json"))));

    RecordView record = client.record("gw-access-123", "9990000018");

    gatewayStub.verify(
        getRequestedFor(urlEqualTo(RECORD_PATH))
            .withHeader("Authorization", equalTo("Bearer gw-access-123")));
    assertThat(record.patient().name().family()).isEqualTo("Jones");
    assertThat(record.patient().birthDate()).isEqualTo(LocalDate.of(1950, 3, 12));
    assertThat(record.patient().deceasedDate()).isNull();
    assertThat(record.sources())
        .extracting(SourceView::id, SourceView::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("gp", "OK"),
            org.assertj.core.groups.Tuple.tuple("acute", "TIMEOUT"),
            org.assertj.core.groups.Tuple.tuple("mh", "WITHHELD"));
    AllergyEntry penicillin = record.sections().allergies().items().getFirst();
    assertThat(penicillin.concept().display()).isEqualTo("Allergy to penicillin");
    assertThat(penicillin.onsetDate()).isEqualTo(LocalDate.of(2001, 5, 4));
    assertThat(penicillin.conflict()).isTrue();
    assertThat(penicillin.differences())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.field()).isEqualTo("severity");
              assertThat(d.values())
                  .containsExactly(
                      new ItemDifference.SourceValue("gp", "moderate"),
                      new ItemDifference.SourceValue("acute", null));
            });
    // An item the gateway sent without differences (an older gateway) reads as none.
    assertThat(record.sections().medications().items())
        .allSatisfy(m -> assertThat(m.differences()).isEmpty());
    assertThat(record.sections().medications().items()).hasSize(2);
    assertThat(record.warnings())
        .extracting(Warning::code)
        .containsExactly("DEMOGRAPHIC_DISCREPANCY");
  }

  @Test
  void a_record_without_identity_or_visible_sections_still_decodes() {
    gatewayStub.stubFor(
        get(urlEqualTo("/api/v1/patients/9990000026/record"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("record-withheld.json"))));

    RecordView record = client.record("gw-access-123", "9990000026");

    assertThat(record.patient().nameIfKnown()).isEmpty();
    assertThat(record.patient().gender()).isNull();
    assertThat(record.sections().allergies().withheld()).isTrue();
    assertThat(record.sections().allergies().noticeIfAny())
        .contains("Items excluded due to confidentiality and/or patient preferences");
  }

  @Test
  void patient_outside_the_session_is_refused_with_the_gateways_reason() {
    gatewayStub.stubFor(
        get(urlEqualTo(RECORD_PATH))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        """
                        {"type":"https://carelens.org/problems/patient-not-in-session",
                         "title":"Forbidden","status":403,
                         "detail":"This session was launched for a different patient",
                         "code":"PATIENT_NOT_IN_SESSION"}""")));

    assertThatThrownBy(() -> client.record("gw-access-123", "9990000018"))
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.code()).isEqualTo("PATIENT_NOT_IN_SESSION");
              assertThat(e.detail()).isEqualTo("This session was launched for a different patient");
            });
  }

  @Test
  void an_error_without_a_problem_document_still_reports_its_status() {
    gatewayStub.stubFor(
        get(urlEqualTo(RECORD_PATH))
            .willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));

    assertThatThrownBy(() -> client.record("gw-access-123", "9990000018"))
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.code()).isEqualTo("HTTP_502");
              assertThat(e.detail()).isEqualTo("HTTP status 502");
            });
  }

  @Test
  void a_success_the_portal_cannot_read_is_reported_not_shown_as_empty() {
    gatewayStub.stubFor(
        get(urlEqualTo(RECORD_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"patient\":{}}")));

    assertThatThrownBy(() -> client.record("gw-access-123", "9990000018"))
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> assertThat(e.code()).isEqualTo(GatewayException.UNREADABLE));
  }

  @Test
  void a_gateway_that_is_not_running_is_reported_as_unreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (ApplicationContext other =
        ApplicationContext.run(
            Map.of(GatewayClient.URL_PROPERTY, "http://localhost:" + closedPort))) {
      GatewayClient unreachable = other.getBean(GatewayClient.class);

      assertThatThrownBy(() -> unreachable.record("gw-access-123", "9990000018"))
          .isInstanceOfSatisfying(
              GatewayException.class,
              e -> {
                assertThat(e.code()).isEqualTo(GatewayException.UNREACHABLE);
                assertThat(e.detail()).contains("http://localhost:" + closedPort);
              });
    }
  }

  @Test
  void a_base_url_with_a_path_keeps_that_path_on_every_request() {
    gatewayStub.stubFor(
        get(urlEqualTo("/carelens" + RECORD_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("record-jones.json"))));
    try (ApplicationContext other =
        ApplicationContext.run(
            Map.of(GatewayClient.URL_PROPERTY, gatewayStub.baseUrl() + "/carelens/"))) {

      RecordView record = other.getBean(GatewayClient.class).record("t", "9990000018");

      assertThat(record.patient().nhsNumber()).isEqualTo("9990000018");
    }
  }

  @Test
  void an_nhs_number_that_is_not_ten_digits_never_reaches_the_request_path() {
    assertThatThrownBy(() -> client.record("gw-access-123", "999/../admin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NHS number must be 10 digits, was '999/../admin'");
  }

  @Test
  void every_section_of_a_real_gateway_answer_is_decoded() {
    gatewayStub.stubFor(
        get(urlEqualTo(RECORD_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("record-full-jones.json"))));

    RecordView record = client.record("gw-access-123", "9990000018");

    Sections s = record.sections();
    assertThat(s.alerts().items()).extracting(AlertEntry::kind).contains("SAFEGUARDING");
    assertThat(s.problems().items()).isNotEmpty();
    assertThat(s.encounters().items()).extracting(EncounterEntry::kind).contains("ADMISSION");
    assertThat(s.results().items())
        .anySatisfy(
            r -> {
              assertThat(r.concept().display()).isEqualTo("Creatinine");
              assertThat(r.flag()).isEqualTo("LOW");
              assertThat(r.referenceRange()).isEqualTo("59-104");
            });
    assertThat(s.documents().items())
        .allSatisfy(d -> assertThat(d.contentUrl()).startsWith("/api/v1/patients/9990000018/"));
    assertThat(s.careTeam().items()).extracting(CareTeamEntry::memberName).isNotEmpty();
    assertThat(s.socialCare().items()).extracting(SocialCareEntry::status).contains("ACTIVE");
    assertThat(s.immunisations().items()).isEmpty();
    assertThat(record.breakGlass().active()).isFalse();
    assertThat(record.obligations()).isEmpty();
  }

  @Test
  void a_document_is_fetched_from_its_content_url_with_its_content_type() {
    gatewayStub.stubFor(
        get(urlEqualTo("/api/v1/patients/9990000018/documents/acute/DocumentReference%2Fd1"))
            .withHeader("Authorization", equalTo("Bearer gw-access-123"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html;charset=utf-8")
                    .withBody("<h1>Discharge summary</h1>")));

    DocumentContent content =
        client.document(
            "gw-access-123",
            "9990000018",
            "/api/v1/patients/9990000018/documents/acute/DocumentReference%2Fd1");

    assertThat(content.contentType()).startsWith("text/html");
    assertThat(new String(content.bytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("<h1>Discharge summary</h1>");
  }

  @Test
  void a_document_url_outside_the_patients_documents_is_never_requested() {
    assertThatThrownBy(
            () ->
                client.document(
                    "gw-access-123", "9990000018", "/api/v1/patients/9990000026/documents/a/b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                client.document(
                    "gw-access-123",
                    "9990000018",
                    "/api/v1/patients/9990000018/documents/a/../../x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(gatewayStub.getAllServeEvents()).isEmpty();
  }

  @Test
  void audit_search_sends_the_criteria_and_reads_entries_newest_first() {
    gatewayStub.stubFor(
        get(urlEqualTo("/api/v1/audit?patient=9990000018&event=RECORD_VIEW&limit=1000"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        [{"sequence":8,"time":"2026-11-22T04:22:37Z","event":"RECORD_VIEW",
                          "outcome":"SUCCESS","reasonCode":null,"userId":"555010000101",
                          "userName":"Dr Amira Khan","role":"clinician","organisation":"Y03012",
                          "patient":"9990000018","device":"ooh","correlationId":"c1",
                          "details":{"sectionsReturned":["alerts"]},"previousHash":"a","hash":"b"}]""")));

    List<AuditEntry> entries =
        client.auditSearch(
            "gw-access-123",
            new AuditCriteria(
                java.util.Optional.of("9990000018"),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.of("RECORD_VIEW"),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                1000));

    assertThat(entries)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.sequence()).isEqualTo(8);
              assertThat(e.userName()).isEqualTo("Dr Amira Khan");
              assertThat(e.details()).containsKey("sectionsReturned");
            });
  }

  @Test
  void a_non_ig_session_asking_for_the_chain_gets_the_gateways_refusal() {
    gatewayStub.stubFor(
        get(urlEqualTo("/api/v1/audit/verify"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        """
                        {"status":403,"code":"ROLE_NOT_PERMITTED",
                         "detail":"Only an IG officer may use audit verification"}""")));

    assertThatThrownBy(() -> client.verifyAuditChain("gw-access-123"))
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.code()).isEqualTo("ROLE_NOT_PERMITTED");
            });
  }
}
