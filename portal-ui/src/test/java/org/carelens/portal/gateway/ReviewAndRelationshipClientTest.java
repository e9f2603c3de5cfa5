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

/**
 * The IG review queues (break-glass and self-claimed relationships) and the self-claim itself,
 * against a stub gateway.
 */
class ReviewAndRelationshipClientTest {

  private static final String OPEN_ITEM =
      """
      {"sequence":42,"time":"2026-11-22T03:10:00Z","status":"open","userId":"555010000101",
       "userName":"Dr Amira Khan","role":"clinician","organisation":"Y03012",
       "patient":"9990000018","reason":"EMERGENCY_TREATMENT","detail":"Unconscious in ED",
       "expiresAt":"2026-11-22T03:40:00Z","acknowledgement":null}""";

  private static final String OPEN_CLAIM =
      """
      {"sequence":61,"time":"2026-11-22T03:20:00Z","status":"open","userId":"555010000101",
       "userName":"Dr Amira Khan","role":"clinician","organisation":"Y03012",
       "patient":"9990000026","reasonCode":"covering-colleague",
       "reason":"Covering the ward round today","launchedPatient":"9990000018",
       "acknowledgement":null}""";

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

    List<BreakGlassReviewItem> queue = client.breakGlassQueue("ig-token", ReviewQueueFilter.OPEN);

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
        client.breakGlassQueue("ig-token", ReviewQueueFilter.ACKNOWLEDGED);

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
  void the_open_relationship_claim_queue_is_read_with_the_officers_token() {
    gatewayStub.stubFor(
        get(urlEqualTo("/api/v1/audit/relationship-claims?status=open"))
            .withHeader("Authorization", equalTo("Bearer ig-token"))
            .willReturn(json(200, "[" + OPEN_CLAIM + "]")));

    List<RelationshipClaimReviewItem> queue =
        client.relationshipClaimQueue("ig-token", ReviewQueueFilter.OPEN);

    assertThat(queue)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.sequence()).isEqualTo(61);
              assertThat(c.time()).isEqualTo(Instant.parse("2026-11-22T03:20:00Z"));
              assertThat(c.status()).isEqualTo("open");
              assertThat(c.userName()).isEqualTo("Dr Amira Khan");
              assertThat(c.role()).isEqualTo("clinician");
              assertThat(c.organisation()).isEqualTo("Y03012");
              assertThat(c.patient()).isEqualTo("9990000026");
              assertThat(c.reasonCode()).isEqualTo("covering-colleague");
              assertThat(c.reason()).isEqualTo("Covering the ward round today");
              assertThat(c.launchedPatient()).isEqualTo("9990000018");
              assertThat(c.acknowledgementIfAny()).isEmpty();
            });
  }

  @Test
  void every_relationship_claim_is_asked_for_with_status_all() {
    gatewayStub.stubFor(
        get(urlEqualTo("/api/v1/audit/relationship-claims?status=all"))
            .willReturn(
                json(
                    200,
                    "["
                        + OPEN_CLAIM
                        + ","
                        + """
                        {"sequence":44,"time":"2026-11-21T22:00:00Z","status":"acknowledged",
                         "reasonCode":null,"reason":"Handover",
                         "acknowledgement":{"sequence":50,"time":"2026-11-22T01:00:00Z",
                           "userId":"ig1","userName":"Pat Reviewer","note":"Rota checked"}}]""")));

    List<RelationshipClaimReviewItem> queue =
        client.relationshipClaimQueue("ig-token", ReviewQueueFilter.ALL);

    assertThat(queue).extracting(RelationshipClaimReviewItem::sequence).containsExactly(61L, 44L);
    assertThat(queue.get(1).reasonCode()).isNull();
    assertThat(queue.get(1).acknowledgementIfAny())
        .hasValueSatisfying(a -> assertThat(a.note()).isEqualTo("Rota checked"));
  }

  @Test
  void acknowledging_a_claim_posts_the_note_to_the_claims_sequence() {
    gatewayStub.stubFor(
        post(urlEqualTo("/api/v1/audit/relationship-claims/61/acknowledge"))
            .willReturn(
                json(
                    201,
                    """
                    {"sequence":61,"time":"2026-11-22T03:20:00Z","status":"acknowledged",
                     "reasonCode":"covering-colleague","reason":"Covering the ward round today",
                     "acknowledgement":{"sequence":70,"time":"2026-11-22T09:00:00Z",
                       "userId":"ig1","userName":"Pat Reviewer",
                       "note":"Checked with the ward: covering rota confirmed"}}""")));

    RelationshipClaimReviewItem item =
        client.acknowledgeRelationshipClaim(
            "ig-token", 61, "Checked with the ward: covering rota confirmed");

    assertThat(item.status()).isEqualTo("acknowledged");
    assertThat(item.acknowledgementIfAny())
        .hasValueSatisfying(a -> assertThat(a.userName()).isEqualTo("Pat Reviewer"));
    gatewayStub.verify(
        postRequestedFor(urlEqualTo("/api/v1/audit/relationship-claims/61/acknowledge"))
            .withHeader("Authorization", equalTo("Bearer ig-token"))
            .withRequestBody(
                equalToJson("{\"note\":\"Checked with the ward: covering rota confirmed\"}")));
  }

  @Test
  void acknowledging_what_is_not_a_claim_reports_the_gateways_code() {
    gatewayStub.stubFor(
        post(urlEqualTo("/api/v1/audit/relationship-claims/42/acknowledge"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        """
                        {"status":404,"code":"RELATIONSHIP_CLAIM_NOT_FOUND",
                         "detail":"Audit entry 42 is not a relationship claim"}""")));

    assertThatThrownBy(() -> client.acknowledgeRelationshipClaim("ig-token", 42, "Checked"))
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.code()).isEqualTo("RELATIONSHIP_CLAIM_NOT_FOUND");
              assertThat(e.detail()).isEqualTo("Audit entry 42 is not a relationship claim");
            });
  }

  @Test
  void a_negative_sequence_never_reaches_the_request_path() {
    assertThatThrownBy(() -> client.acknowledgeRelationshipClaim("ig-token", -1, "Checked"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Audit sequence must not be negative, was -1");
    assertThat(gatewayStub.getAllServeEvents()).isEmpty();
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
