package org.carelens.portal.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IG break-glass review queue and the self-claimed relationship, against a stub gateway. */
class ReviewAndRelationshipClientTest {

  private static final String OPEN_ITEM =
      """
      {"sequence":42,"time":"2026-11-22T03:10:00Z","status":"open","userId":"555010000101",
       "userName":"Dr Amira Khan","role":"clinician","organisation":"Y03012",
       "patient":"9990000018","reason":"EMERGENCY_TREATMENT","detail":"Unconscious in ED",
       "expiresAt":"2026-11-22T03:40:00Z","acknowledgement":null}""";

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
  void the_open_break_glass_queue_is_read_with_the_officers_token() {
    gatewayStub.stubFor(
        get(urlEqualTo("/api/v1/audit/break-glass?status=open"))
            .withHeader("Authorization", equalTo("Bearer ig-token"))
            .willReturn(json(200, "[" + OPEN_ITEM + "]")));

    List<BreakGlassReviewItem> queue =
        client.breakGlassQueue("ig-token", BreakGlassQueueFilter.OPEN);

    assertThat(queue)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.sequence()).isEqualTo(42);
              assertThat(i.status()).isEqualTo("open");
              assertThat(i.userName()).isEqualTo("Dr Amira Khan");
              assertThat(i.patient()).isEqualTo("9990000018");
              assertThat(i.reason()).isEqualTo("EMERGENCY_TREATMENT");
              assertThat(i.detail()).isEqualTo("Unconscious in ED");
              assertThat(i.expiresAt()).isEqualTo("2026-11-22T03:40:00Z");
              assertThat(i.acknowledgementIfAny()).isEmpty();
            });
  }

  @Test
  void acknowledged_break_glass_entries_come_with_the_review() {
    gatewayStub.stubFor(
        get(urlEqualTo("/api/v1/audit/break-glass?status=acknowledged"))
            .willReturn(
                json(
                    200,
                    """
                    [{"sequence":42,"time":"2026-11-22T03:10:00Z","status":"acknowledged",
                      "acknowledgement":{"sequence":57,"time":"2026-11-22T09:00:00Z",
                        "userId":"ig1","userName":"Pat Reviewer","note":"Justified"}}]""")));

    List<BreakGlassReviewItem> queue =
        client.breakGlassQueue("ig-token", BreakGlassQueueFilter.ACKNOWLEDGED);

    assertThat(queue.getFirst().acknowledgementIfAny())
        .hasValueSatisfying(
            a -> {
              assertThat(a.sequence()).isEqualTo(57);
              assertThat(a.userName()).isEqualTo("Pat Reviewer");
              assertThat(a.note()).isEqualTo("Justified");
            });
  }

  @Test
  void acknowledging_posts_the_note_to_the_entrys_sequence() {
    gatewayStub.stubFor(
        post(urlEqualTo("/api/v1/audit/break-glass/42/acknowledge"))
            .willReturn(
                json(
                    201,
                    """
                    {"sequence":42,"time":"2026-11-22T03:10:00Z","status":"acknowledged",
                     "acknowledgement":{"sequence":57,"time":"2026-11-22T09:00:00Z",
                       "note":"Justified: patient unconscious"}}""")));

    BreakGlassReviewItem item =
        client.acknowledgeBreakGlass("ig-token", 42, "Justified: patient unconscious");

    assertThat(item.status()).isEqualTo("acknowledged");
    gatewayStub.verify(
        postRequestedFor(urlEqualTo("/api/v1/audit/break-glass/42/acknowledge"))
            .withHeader("Authorization", equalTo("Bearer ig-token"))
            .withRequestBody(equalToJson("{\"note\":\"Justified: patient unconscious\"}")));
  }

  @Test
  void acknowledging_twice_reports_the_gateways_conflict() {
    gatewayStub.stubFor(
        post(urlEqualTo("/api/v1/audit/break-glass/42/acknowledge"))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        """
                        {"status":409,"code":"BREAK_GLASS_ALREADY_ACKNOWLEDGED",
                         "detail":"Break-glass 42 was acknowledged by audit entry 57"}""")));

    assertThatThrownBy(() -> client.acknowledgeBreakGlass("ig-token", 42, "Again"))
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.code()).isEqualTo("BREAK_GLASS_ALREADY_ACKNOWLEDGED");
            });
  }

  @Test
  void a_relationship_claim_posts_the_reason_for_that_patient() {
    gatewayStub.stubFor(
        post(urlEqualTo("/api/v1/patients/9990000026/relationship"))
            .willReturn(
                json(
                    201,
                    """
                    {"id":"rel-1","nhsNumber":"9990000026","relationship":"SELF_CLAIMED",
                     "reason":"Covering the ward","recordedAt":"2026-11-22T03:00:00Z",
                     "flaggedForIgReview":true}""")));

    ClaimedRelationship claimed =
        client.claimRelationship(
            "gw-access-123", "9990000026", "covering-colleague", "Covering the ward");

    assertThat(claimed.flaggedForIgReview()).isTrue();
    assertThat(claimed.recordedAt()).isEqualTo(Instant.parse("2026-11-22T03:00:00Z"));
    gatewayStub.verify(
        postRequestedFor(urlEqualTo("/api/v1/patients/9990000026/relationship"))
            .withHeader("Authorization", equalTo("Bearer gw-access-123"))
            .withRequestBody(
                equalToJson(
                    "{\"reasonCode\":\"covering-colleague\",\"reason\":\"Covering the ward\"}")));
  }

  @Test
  void a_number_failing_the_gateways_check_digit_is_refused_with_its_reason() {
    gatewayStub.stubFor(
        post(urlEqualTo("/api/v1/patients/9990000019/relationship"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        """
                        {"status":400,"code":"INVALID_NHS_NUMBER",
                         "detail":"NHS number 9990000019 fails the Modulus 11 check"}""")));

    assertThatThrownBy(
            () ->
                client.claimRelationship(
                    "gw-access-123", "9990000019", "covering-colleague", "Covering"))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.code()).isEqualTo("INVALID_NHS_NUMBER"));
  }

  @Test
  void a_claim_for_a_malformed_number_never_reaches_the_request_path() {
    assertThatThrownBy(
            () ->
                client.claimRelationship(
                    "gw-access-123", "999/../x", "covering-colleague", "Covering"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10 digits");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
