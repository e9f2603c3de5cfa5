package org.carelens.gateway.session;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carelens.gateway.GatewayTestClient;
import org.carelens.gateway.OnlyTheseSources;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.gateway.record.RecordView;
import org.carelens.simulators.gp.GpPracticeSimulator;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 6 item 2 / PRODUCT.md rule 1 over HTTP: a session launched for one patient reaches another
 * only through a relationship it establishes — self-claimed with a reason (flagged for IG review,
 * sensitive items withheld) or break-glass — and every attempt is audited.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelationshipApiTest implements TestPropertyProvider {

  static final String LAUNCHED = Population.SHOWCASE_NHS_NUMBER;
  static final String CLAIM =
      "{\"reasonCode\":\"covering-colleague\",\"reason\":\"Covering the ward round today\"}";

  final TestLaunchTokens tokens = new TestLaunchTokens();
  final WireMockServer issuer = new WireMockServer(options().dynamicPort());
  final Population population = Population.generate(42, 120);
  final GpPracticeSimulator gp = new GpPracticeSimulator(population);
  final HttpClient http = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  GatewayTestClient client;

  @Override
  public Map<String, String> getProperties() {
    issuer.start();
    issuer.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/jwks.json")
            .willReturn(aResponse().withBody(tokens.jwksJson())));
    gp.start(0);
    Map<String, String> p = new HashMap<>(OnlyTheseSources.disableOthers(Set.of("gp")));
    p.put("micronaut.server.port", "-1");
    p.put("carelens.launch.issuer", TestLaunchTokens.ISSUER);
    p.put("carelens.launch.audience", TestLaunchTokens.AUDIENCE);
    p.put("carelens.launch.jwks-url", issuer.baseUrl() + "/jwks.json");
    p.put("carelens.sources.gp.url", gp.baseUrl());
    return p;
  }

  @BeforeEach
  void client() {
    client = new GatewayTestClient(server.getURL().toString(), json);
  }

  @AfterAll
  void stop() {
    issuer.stop();
    gp.stop();
  }

  @Test
  void another_patient_is_refused_and_audited_until_a_relationship_is_established()
      throws Exception {
    String other = patient(0);
    String session = client.session(tokens.token("clinician", LAUNCHED));

    HttpResponse<String> response = client.get(recordPath(other), session);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("PATIENT_NOT_IN_SESSION").contains("relationship");
    assertThat(audit(other, "POLICY_DENIAL"))
        .anySatisfy(e -> assertThat(e.get("reasonCode")).isEqualTo("PATIENT_NOT_IN_SESSION"));
  }

  @Test
  void a_self_claimed_relationship_opens_that_patient_flagged_for_ig_review_and_audited()
      throws Exception {
    String other = patient(1);
    String session = client.session(tokens.token("clinician", LAUNCHED));
    HttpResponse<String> claimed = post(relationshipPath(other), session, CLAIM);
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(201);

    HttpResponse<String> response = client.get(recordPath(other), session);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    RecordView view = json.readValue(response.body(), RecordView.class);
    assertThat(view.patient().nhsNumber()).isEqualTo(other);
    assertThat(view.obligations()).contains("FLAG_FOR_IG_REVIEW");
    assertThat(map(claimed.body()))
        .containsEntry("relationship", "SELF_CLAIMED")
        .containsEntry("reasonCode", "covering-colleague")
        .containsEntry("reason", "Covering the ward round today")
        .containsEntry("flaggedForIgReview", true);
    assertThat(audit(other, "RELATIONSHIP_CLAIMED"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("reasonCode")).isEqualTo("FLAG_FOR_IG_REVIEW");
              assertThat(e.get("patient")).isEqualTo(other);
              assertThat(details(e))
                  .containsEntry("reasonCode", "covering-colleague")
                  .containsEntry("reason", "Covering the ward round today")
                  .containsEntry("launchedPatient", LAUNCHED);
            });
    assertThat(audit(other, "RECORD_VIEW"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("reasonCode")).isEqualTo("FLAG_FOR_IG_REVIEW");
              assertThat(e.get("details").toString()).contains("FLAG_FOR_IG_REVIEW");
            });
  }

  @Test
  void a_self_claimed_view_withholds_sensitive_items_an_in_context_launch_shows() throws Exception {
    String other = sensitivePatientShownInContext();
    String session = client.session(tokens.token("clinician", LAUNCHED));
    post(
        relationshipPath(other),
        session,
        "{\"reasonCode\":\"patient-on-caseload\",\"reason\":\"Seeing them in clinic\"}");

    RecordView view =
        json.readValue(client.get(recordPath(other), session).body(), RecordView.class);

    RecordView inContext = viewInContext(other);
    assertThat(view.sections().problems().items().size())
        .isLessThan(inContext.sections().problems().items().size());
    assertThat(view.sections().problems().withheld()).isTrue();
  }

  @Test
  void a_blank_reason_is_refused_and_establishes_nothing() throws Exception {
    String other = patient(2);
    String session = client.session(tokens.token("clinician", LAUNCHED));

    HttpResponse<String> claimed =
        post(
            relationshipPath(other),
            session,
            "{\"reasonCode\":\"covering-colleague\",\"reason\":\"  \"}");

    assertThat(claimed.statusCode()).isEqualTo(400);
    assertThat(claimed.body()).contains("INVALID_RELATIONSHIP_REASON");
    assertThat(client.get(recordPath(other), session).statusCode()).isEqualTo(403);
    assertThat(audit(other, "RELATIONSHIP_CLAIMED")).isEmpty();
  }

  @Test
  void a_relationship_belongs_to_the_session_that_claimed_it() throws Exception {
    String other = patient(3);
    String first = client.session(tokens.token("clinician", LAUNCHED));
    post(relationshipPath(other), first, CLAIM);
    String second = client.session(tokens.token("clinician", LAUNCHED));

    HttpResponse<String> response = client.get(recordPath(other), second);

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void the_launched_patient_needs_no_claim_and_ig_officers_cannot_claim_direct_care()
      throws Exception {
    String clinician = client.session(tokens.token("clinician", LAUNCHED));
    String ig = client.session(tokens.token("ig-officer", LAUNCHED));

    HttpResponse<String> launched = post(relationshipPath(LAUNCHED), clinician, CLAIM);
    HttpResponse<String> byIg = post(relationshipPath(patient(4)), ig, CLAIM);

    assertThat(launched.statusCode()).isEqualTo(409);
    assertThat(launched.body()).contains("RELATIONSHIP_ALREADY_ESTABLISHED");
    assertThat(byIg.statusCode()).isEqualTo(403);
    assertThat(byIg.body()).contains("ROLE_MAY_NOT_SELF_CLAIM");
  }

  @Test
  void a_pharmacist_or_social_worker_may_not_self_claim_and_nothing_is_established()
      throws Exception {
    String other = patient(6);
    String pharmacist = client.session(tokens.token("pharmacist", LAUNCHED));
    String socialWorker = client.session(tokens.token("social-worker", LAUNCHED));

    HttpResponse<String> byPharmacist = post(relationshipPath(other), pharmacist, CLAIM);
    HttpResponse<String> bySocialWorker = post(relationshipPath(other), socialWorker, CLAIM);

    assertThat(byPharmacist.statusCode()).isEqualTo(403);
    assertThat(map(byPharmacist.body())).containsEntry("code", "ROLE_MAY_NOT_SELF_CLAIM");
    assertThat(bySocialWorker.statusCode()).isEqualTo(403);
    assertThat(map(bySocialWorker.body())).containsEntry("code", "ROLE_MAY_NOT_SELF_CLAIM");
    assertThat(client.get(recordPath(other), pharmacist).statusCode()).isEqualTo(403);
    assertThat(audit(other, "RELATIONSHIP_CLAIMED")).isEmpty();
    assertThat(audit(other, "POLICY_DENIAL"))
        .anySatisfy(e -> assertThat(e.get("reasonCode")).isEqualTo("ROLE_MAY_NOT_SELF_CLAIM"));
  }

  @Test
  void a_reason_code_the_agreement_does_not_list_is_refused_and_the_form_lists_those_it_does()
      throws Exception {
    String other = patient(7);
    String session = client.session(tokens.token("clinician", LAUNCHED));

    HttpResponse<String> claimed =
        post(relationshipPath(other), session, "{\"reasonCode\":\"curious\",\"reason\":\"x\"}");

    assertThat(claimed.statusCode()).isEqualTo(400);
    assertThat(map(claimed.body())).containsEntry("code", "UNKNOWN_RELATIONSHIP_REASON");
    assertThat(claimed.body()).contains("covering-colleague");
    assertThat(client.get(relationshipPath(other), session).body())
        .contains("\"code\":\"covering-colleague\"")
        .contains("\"dailyCap\":10")
        .contains("\"allowedForThisRole\":true");
  }

  @Test
  void the_eleventh_claim_in_a_day_is_refused_with_retry_after_and_establishes_nothing()
      throws Exception {
    String session =
        client.session(tokens.token("clinician", LAUNCHED, c -> c.subject("busy-doctor")));
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> claimed = post(relationshipPath(anyPatient(100 + i)), session, CLAIM);
      assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(201);
    }
    String eleventh = anyPatient(110);

    HttpResponse<String> refused = post(relationshipPath(eleventh), session, CLAIM);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(map(refused.body())).containsEntry("code", "SELF_CLAIM_LIMIT");
    assertThat(refused.headers().firstValueAsLong("Retry-After").orElseThrow())
        .isBetween(1L, 24L * 3600);
    assertThat(client.get(recordPath(eleventh), session).statusCode()).isEqualTo(403);
    assertThat(audit(eleventh, "RELATIONSHIP_CLAIMED")).isEmpty();
    assertThat(audit(eleventh, "POLICY_DENIAL"))
        .anySatisfy(e -> assertThat(e.get("reasonCode")).isEqualTo("SELF_CLAIM_LIMIT"));
  }

  @Test
  void every_claim_is_on_the_ig_review_queue_until_an_ig_officer_acknowledges_it()
      throws Exception {
    String other = patient(8);
    String session = client.session(tokens.token("clinician", LAUNCHED));
    post(relationshipPath(other), session, CLAIM);
    String ig = client.session(tokens.token("ig-officer", LAUNCHED));
    Map<String, Object> open = claimOnQueue(other, "open", ig);

    HttpResponse<String> acknowledged =
        post(
            "/api/v1/audit/relationship-claims/" + open.get("sequence") + "/acknowledge",
            ig,
            "{\"note\":\"Checked with the ward: covering rota confirmed\"}");

    assertThat(open)
        .containsEntry("status", "open")
        .containsEntry("reasonCode", "covering-colleague")
        .containsEntry("reasonText", "Covering for a colleague's patient")
        .containsEntry("reason", "Covering the ward round today")
        .containsEntry("launchedPatient", LAUNCHED)
        .containsEntry("role", "clinician");
    assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(201);
    assertThat(claimOnQueue(other, "acknowledged", ig).get("acknowledgement").toString())
        .contains("covering rota confirmed");
    assertThat(
            post(
                    "/api/v1/audit/relationship-claims/" + open.get("sequence") + "/acknowledge",
                    ig,
                    "{\"note\":\"again\"}")
                .body())
        .contains("RELATIONSHIP_CLAIM_ALREADY_ACKNOWLEDGED");
    assertThat(client.get("/api/v1/audit/relationship-claims", session).statusCode())
        .isEqualTo(403);
  }

  private Map<String, Object> claimOnQueue(String patient, String status, String ig)
      throws Exception {
    HttpResponse<String> queue =
        client.get("/api/v1/audit/relationship-claims?status=" + status, ig);
    assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
    return json
        .readValue(queue.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)))
        .stream()
        .filter(i -> patient.equals(i.get("patient")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void break_glass_for_another_patient_establishes_the_relationship() throws Exception {
    String other = patient(5);
    String session = client.session(tokens.token("clinician", LAUNCHED));
    HttpResponse<String> declared =
        post(
            "/api/v1/patients/" + other + "/break-glass",
            session,
            "{\"reason\":\"Immediate risk to life\",\"detail\":\"Brought in unconscious\"}");
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);

    HttpResponse<String> response = client.get(recordPath(other), session);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    RecordView view = json.readValue(response.body(), RecordView.class);
    assertThat(view.breakGlass().active()).isTrue();
    assertThat(audit(other, "BREAK_GLASS"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("patient")).isEqualTo(other);
              assertThat(details(e))
                  .containsEntry("launchedPatient", LAUNCHED)
                  .containsKey("relationshipId");
            });
  }

  private RecordView viewInContext(String patient) throws Exception {
    String session = client.session(tokens.token("clinician", patient));
    return json.readValue(client.get(recordPath(patient), session).body(), RecordView.class);
  }

  /** A patient at the practice whose sensitive problems an in-context clinician sees. */
  private String sensitivePatientShownInContext() throws Exception {
    for (SyntheticPatient p :
        candidates().stream().filter(SyntheticPatient::hasSensitiveItems).toList()) {
      String nhs = p.nhsNumber().value();
      if (p.problems().size() > 0 && !viewInContext(nhs).sections().problems().withheld()) {
        return nhs;
      }
    }
    throw new IllegalStateException("No patient with sensitive problems shown in context");
  }

  private List<SyntheticPatient> candidates() {
    return population.patients().stream()
        .filter(p -> p.practice().equals(gp.practice()))
        .filter(p -> !p.gpDissent())
        .filter(p -> !p.restricted())
        .filter(p -> !p.nhsNumber().value().equals(LAUNCHED))
        .toList();
  }

  /** The n-th patient of the whole population, wherever registered. */
  private String anyPatient(int n) {
    return population.patients().stream()
        .map(p -> p.nhsNumber().value())
        .filter(nhs -> !nhs.equals(LAUNCHED))
        .skip(n)
        .findFirst()
        .orElseThrow();
  }

  private String patient(int n) {
    return candidates().get(n).nhsNumber().value();
  }

  private List<Map<String, Object>> audit(String patient, String event) throws Exception {
    String ig = client.session(tokens.token("ig-officer", LAUNCHED));
    HttpResponse<String> response =
        client.get("/api/v1/audit?patient=" + patient + "&event=" + event, ig);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readValue(
        response.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> details(Map<String, Object> entry) {
    return (Map<String, Object>) entry.get("details");
  }

  private static String recordPath(String patient) {
    return "/api/v1/patients/" + patient + "/record";
  }

  private static String relationshipPath(String patient) {
    return "/api/v1/patients/" + patient + "/relationship";
  }

  private HttpResponse<String> post(String path, String session, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .header("Authorization", "Bearer " + session)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Map<String, Object> map(String body) throws Exception {
    return json.readValue(body, Argument.mapOf(String.class, Object.class));
  }
}
