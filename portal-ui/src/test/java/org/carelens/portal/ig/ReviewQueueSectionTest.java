package org.carelens.portal.ig;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.carelens.portal.Rendered;
import org.carelens.portal.gateway.GatewayClient;
import org.carelens.portal.gateway.GatewayException;
import org.carelens.portal.gateway.RelationshipClaimReviewItem;
import org.carelens.portal.gateway.ReviewItem;
import org.carelens.portal.launch.LaunchSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IG page's review queues, as the officer's clicks drive them, against a stub gateway. */
class ReviewQueueSectionTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final String CLAIMS = "/api/v1/audit/relationship-claims";
  private static final String OPTIONS = "/api/v1/patients/9990000018/relationship";
  private static final String OPEN_CLAIM =
      """
      {"sequence":61,"time":"2026-11-22T03:20:00Z","status":"open","userId":"555010000101",
       "userName":"Dr Amira Khan","role":"clinician","organisation":"Y03012",
       "patient":"9990000026","reasonCode":"covering-colleague",
       "reason":"Covering the ward round today","launchedPatient":"9990000018",
       "acknowledgement":null}""";
  private static final String AGREEMENT_REASONS =
      """
      {"reasons":[{"code":"covering-colleague","label":"Covering for a colleague's patient"},
                  {"code":"referral-received","label":"Referral or handover received"}],
       "dailyCap":10,"roles":["clinician"],"allowedForThisRole":false}""";

  private static WireMockServer gatewayStub;
  private static GatewayClient gateway;

  private final List<GatewayException> failures = new ArrayList<>();
  private final LaunchSession officer =
      new LaunchSession(
          "ig-token",
          Instant.parse("2026-11-22T10:00:00Z"),
          "9990000018",
          "Pat Reviewer",
          "ig-officer",
          "Riverside ICB");

  @BeforeAll
  static void start() {
    gatewayStub = new WireMockServer(options().dynamicPort());
    gatewayStub.start();
    gateway = new GatewayClient(URI.create(gatewayStub.baseUrl()), JsonMapper.createDefault());
  }

  @AfterAll
  static void stop() {
    gateway.close();
    gatewayStub.stop();
  }

  @BeforeEach
  void reset() {
    gatewayStub.resetAll();
  }

  @Test
  void the_break_glass_queue_keeps_its_element_ids() {
    ReviewQueueSection<?> section = breakGlass();

    assertThat(section.getId()).contains("break-glass-review");
    assertThat(Rendered.text(section, "break-glass-review-heading"))
        .isEqualTo("Break-glass review");
    for (String id : List.of("break-glass-filter", "break-glass-show", "break-glass-count")) {
      assertThat(Rendered.byId(section, id)).as(id).isPresent();
    }
    assertThat(grid(section, "break-glass-grid").getColumns())
        .extracting(Grid.Column::getKey)
        .containsExactly(
            "time",
            "user",
            "role",
            "organisation",
            "patient",
            "reason",
            "detail",
            "expires",
            "review",
            "action");
  }

  @Test
  void the_claims_queue_has_its_own_element_ids_so_both_can_be_on_one_page() {
    ReviewQueueSection<?> section = claims();

    assertThat(section.getId()).contains("relationship-claims-review");
    assertThat(Rendered.text(section, "relationship-claims-review-heading"))
        .isEqualTo("Self-claimed relationship review");
    for (String id :
        List.of(
            "relationship-claims-filter",
            "relationship-claims-show",
            "relationship-claims-count")) {
      assertThat(Rendered.byId(section, id)).as(id).isPresent();
    }
    assertThat(Rendered.all(section.getElement()).map(e -> e.getAttribute("id")))
        .noneMatch(id -> id != null && id.startsWith("break-glass"));
    assertThat(grid(section, "relationship-claims-grid").getColumns())
        .extracting(Grid.Column::getKey)
        .containsExactly(
            "time",
            "user",
            "role",
            "organisation",
            "patient",
            "reason",
            "words",
            "launched",
            "review",
            "action");
  }

  @Test
  void showing_the_claims_queue_reads_it_with_the_officers_token_and_shows_what_to_review() {
    gatewayStub.stubFor(get(urlEqualTo(OPTIONS)).willReturn(json(200, AGREEMENT_REASONS)));
    gatewayStub.stubFor(
        get(urlEqualTo(CLAIMS + "?status=open"))
            .withHeader("Authorization", equalTo("Bearer ig-token"))
            .willReturn(json(200, "[" + OPEN_CLAIM + "]")));
    ReviewQueueSection<RelationshipClaimReviewItem> section = claims();

    click(section, "relationship-claims-show");

    List<RelationshipClaimReviewItem> shown = items(section, "relationship-claims-grid");
    assertThat(shown).extracting(RelationshipClaimReviewItem::sequence).containsExactly(61L);
    assertThat(section.row(shown.getFirst()))
        .containsExactly(
            entry("Time", "22-Nov-2026 03:20"),
            entry("User", "Dr Amira Khan (555010000101)"),
            entry("Role", "clinician"),
            entry("Organisation", "Y03012"),
            entry("Patient", "999 000 0026"),
            entry("Reason", "Covering for a colleague's patient"),
            entry("In their words", "Covering the ward round today"),
            entry("Launched for", "999 000 0018"),
            entry("Status", "Awaiting review"));
    assertThat(Rendered.text(section, "relationship-claims-count")).isEqualTo("1 claim");
    assertThat(failures).isEmpty();
  }

  @Test
  void when_the_agreements_words_cannot_be_read_the_claims_are_shown_with_their_codes() {
    gatewayStub.stubFor(get(urlEqualTo(OPTIONS)).willReturn(aResponse().withStatus(503)));
    gatewayStub.stubFor(
        get(urlEqualTo(CLAIMS + "?status=open")).willReturn(json(200, "[" + OPEN_CLAIM + "]")));
    ReviewQueueSection<RelationshipClaimReviewItem> section = claims();

    click(section, "relationship-claims-show");

    List<RelationshipClaimReviewItem> shown = items(section, "relationship-claims-grid");
    assertThat(section.row(shown.getFirst())).containsEntry("Reason", "covering-colleague");
    assertThat(failures).isEmpty();
  }

  @Test
  void a_claim_is_acknowledged_with_the_officers_note_and_leaves_the_open_queue() {
    gatewayStub.stubFor(get(urlEqualTo(OPTIONS)).willReturn(json(200, AGREEMENT_REASONS)));
    gatewayStub.stubFor(
        get(urlEqualTo(CLAIMS + "?status=open"))
            .inScenario("review")
            .whenScenarioStateIs(STARTED)
            .willReturn(json(200, "[" + OPEN_CLAIM + "]")));
    gatewayStub.stubFor(
        post(urlEqualTo(CLAIMS + "/61/acknowledge"))
            .inScenario("review")
            .willSetStateTo("acknowledged")
            .willReturn(
                json(
                    201,
                    """
                    {"sequence":61,"time":"2026-11-22T03:20:00Z","status":"acknowledged",
                     "acknowledgement":{"sequence":70,"time":"2026-11-22T09:00:00Z",
                       "userName":"Pat Reviewer","note":"Covering rota confirmed"}}""")));
    gatewayStub.stubFor(
        get(urlEqualTo(CLAIMS + "?status=open"))
            .inScenario("review")
            .whenScenarioStateIs("acknowledged")
            .willReturn(json(200, "[]")));
    ReviewQueueSection<RelationshipClaimReviewItem> section = claims();
    click(section, "relationship-claims-show");
    Button acknowledge =
        acknowledgeButton(
            section,
            "relationship-claims-grid",
            items(section, "relationship-claims-grid").getFirst());
    assertThat(acknowledge.getClassNames()).contains("relationship-claims-acknowledge");
    assertThat(acknowledge.getElement().getAttribute("aria-label"))
        .isEqualTo("Acknowledge relationship claim 61");
    Dialog dialog =
        section.acknowledgeDialog(items(section, "relationship-claims-grid").getFirst());
    assertThat(Rendered.text(dialog, "acknowledge-summary"))
        .isEqualTo(
            "Dr Amira Khan (555010000101) for patient 999 000 0026: Covering for a colleague's"
                + " patient — Covering the ward round today");
    ((TextArea) component(dialog, "acknowledge-note")).setValue("  Covering rota confirmed ");

    ((Button) component(dialog, "acknowledge-confirm")).click();

    gatewayStub.verify(
        postRequestedFor(urlEqualTo(CLAIMS + "/61/acknowledge"))
            .withHeader("Authorization", equalTo("Bearer ig-token"))
            .withRequestBody(equalToJson("{\"note\":\"Covering rota confirmed\"}")));
    assertThat(items(section, "relationship-claims-grid")).isEmpty();
    assertThat(Rendered.text(section, "relationship-claims-count")).isEqualTo("0 claims");
  }

  @Test
  void a_blank_note_is_refused_in_the_dialog_and_nothing_is_posted() {
    ReviewQueueSection<RelationshipClaimReviewItem> section = claims();
    Dialog dialog = section.acknowledgeDialog(claim());
    ((TextArea) component(dialog, "acknowledge-note")).setValue("   ");

    ((Button) component(dialog, "acknowledge-confirm")).click();

    assertThat(Rendered.text(dialog, "acknowledge-error")).startsWith("Write a note");
    gatewayStub.verify(0, postRequestedFor(urlEqualTo(CLAIMS + "/61/acknowledge")));
  }

  @Test
  void a_claim_another_officer_acknowledged_first_says_so_in_the_dialog() {
    gatewayStub.stubFor(
        post(urlEqualTo(CLAIMS + "/61/acknowledge"))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        """
                        {"status":409,"code":"RELATIONSHIP_CLAIM_ALREADY_ACKNOWLEDGED",
                         "detail":"The relationship claim 61 was acknowledged by audit entry 70"}                        """)));
    ReviewQueueSection<RelationshipClaimReviewItem> section = claims();
    Dialog dialog = section.acknowledgeDialog(claim());
    ((TextArea) component(dialog, "acknowledge-note")).setValue("Rota checked");

    ((Button) component(dialog, "acknowledge-confirm")).click();

    assertThat(Rendered.text(dialog, "acknowledge-error"))
        .isEqualTo(
            "The relationship claim 61 was acknowledged by audit entry 70"
                + " (RELATIONSHIP_CLAIM_ALREADY_ACKNOWLEDGED)");
  }

  @Test
  void an_acknowledged_claim_offers_no_second_acknowledgement() {
    gatewayStub.stubFor(get(urlEqualTo(OPTIONS)).willReturn(json(200, AGREEMENT_REASONS)));
    gatewayStub.stubFor(
        get(urlEqualTo(CLAIMS + "?status=open"))
            .willReturn(
                json(
                    200,
                    """
                    [{"sequence":61,"time":"2026-11-22T03:20:00Z","status":"acknowledged",
                      "acknowledgement":{"sequence":70,"time":"2026-11-22T09:00:00Z",
                        "userName":"Pat Reviewer","note":"Covering rota confirmed"}}]""")));
    ReviewQueueSection<RelationshipClaimReviewItem> section = claims();
    click(section, "relationship-claims-show");
    RelationshipClaimReviewItem item = items(section, "relationship-claims-grid").getFirst();

    Button acknowledge = acknowledgeButton(section, "relationship-claims-grid", item);

    assertThat(acknowledge.isEnabled()).isFalse();
    assertThat(section.row(item))
        .containsEntry(
            "Status", "Acknowledged 22-Nov-2026 09:00 by Pat Reviewer: Covering rota confirmed")
        .containsEntry("Reason", "No coded reason recorded")
        .containsEntry("In their words", "Not recorded");
  }

  @Test
  void a_refused_read_is_reported_to_the_page() {
    gatewayStub.stubFor(get(urlEqualTo(OPTIONS)).willReturn(json(200, AGREEMENT_REASONS)));
    gatewayStub.stubFor(
        get(urlEqualTo(CLAIMS + "?status=open"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        """
                        {"status":403,"code":"ROLE_NOT_PERMITTED",
                         "detail":"the relationship-claim-queue is for IG officers"}""")));
    ReviewQueueSection<RelationshipClaimReviewItem> section = claims();

    click(section, "relationship-claims-show");

    assertThat(failures).extracting(GatewayException::code).containsExactly("ROLE_NOT_PERMITTED");
    assertThat(items(section, "relationship-claims-grid")).isEmpty();
  }

  @Test
  void the_break_glass_queue_is_read_from_its_own_endpoint() {
    gatewayStub.stubFor(
        get(urlEqualTo("/api/v1/audit/break-glass?status=open")).willReturn(json(200, "[]")));
    ReviewQueueSection<?> section = breakGlass();

    click(section, "break-glass-show");

    gatewayStub.verify(
        getRequestedFor(urlEqualTo("/api/v1/audit/break-glass?status=open"))
            .withHeader("Authorization", equalTo("Bearer ig-token")));
    assertThat(Rendered.text(section, "break-glass-count")).isEqualTo("0 declarations");
  }

  private static RelationshipClaimReviewItem claim() {
    try {
      return JsonMapper.createDefault().readValue(OPEN_CLAIM, RelationshipClaimReviewItem.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ReviewQueueSection<?> breakGlass() {
    return new ReviewQueueSection<>(
        ReviewQueueKind.breakGlass(gateway, LONDON), officer, LONDON, failures::add);
  }

  private ReviewQueueSection<RelationshipClaimReviewItem> claims() {
    return new ReviewQueueSection<>(
        ReviewQueueKind.relationshipClaims(gateway, officer.nhsNumber()),
        officer,
        LONDON,
        failures::add);
  }

  private static void click(Component root, String id) {
    ((Button) component(root, id)).click();
  }

  private static Component component(Component root, String id) {
    return Rendered.byId(root, id)
        .flatMap(e -> e.getComponent())
        .orElseThrow(() -> new AssertionError("no component with id " + id));
  }

  @SuppressWarnings("unchecked")
  private static <T> Grid<T> grid(Component root, String id) {
    return (Grid<T>) component(root, id);
  }

  private static <T extends ReviewItem> List<T> items(
      ReviewQueueSection<T> section, String gridId) {
    Grid<T> grid = grid(section, gridId);
    return grid.getGenericDataView().getItems().toList();
  }

  @SuppressWarnings("unchecked")
  private static <T extends ReviewItem> Button acknowledgeButton(
      ReviewQueueSection<T> section, String gridId, T item) {
    Grid<T> grid = grid(section, gridId);
    return ((ComponentRenderer<Button, T>) grid.getColumnByKey("action").getRenderer())
        .createComponent(item);
  }

  private static java.util.Map.Entry<String, String> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
