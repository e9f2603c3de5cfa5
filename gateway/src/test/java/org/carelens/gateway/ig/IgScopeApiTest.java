package org.carelens.gateway.ig;

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
import org.carelens.simulators.gp.GpPracticeSimulator;
import org.carelens.simulators.pds.PdsSimulator;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 10, IG scope: an IG officer reads the audit entries of their own organisation's users and
 * of patients registered with their organisation, and nothing else; the role the agreement names in
 * {@code audit.federationRoles} ({@code federation-ig}) reads every organisation's.
 *
 * <p>Two patients registered with different practices. A clinician of the out-of-hours service
 * ({@code Y03012}) views the first; a clinician of the acute trust ({@code RXX01}) views the second
 * and declares break-glass for it. The view puts each patient's registered practice (from PDS) in
 * the audit, which is what brings the patient into that practice's IG scope.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IgScopeApiTest implements TestPropertyProvider {

  static final String OOH = "Y03012";
  static final String TRUST = "RXX01";

  final TestLaunchTokens tokens = new TestLaunchTokens();
  final WireMockServer issuer = new WireMockServer(options().dynamicPort());
  final Population population = Population.generate(42, 60);
  final GpPracticeSimulator gp = new GpPracticeSimulator(population);
  final PdsSimulator pds = new PdsSimulator(population);
  final HttpClient http = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  GatewayTestClient client;

  SyntheticPatient viewedByOoh;
  SyntheticPatient viewedByTrust;
  long trustBreakGlass;

  @Override
  public Map<String, String> getProperties() {
    issuer.start();
    issuer.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/jwks.json")
            .willReturn(aResponse().withBody(tokens.jwksJson())));
    gp.start(0);
    pds.start(0);
    Map<String, String> p = new HashMap<>(OnlyTheseSources.disableOthers(Set.of("gp", "pds")));
    p.put("micronaut.server.port", "-1");
    p.put("carelens.launch.issuer", TestLaunchTokens.ISSUER);
    p.put("carelens.launch.audience", TestLaunchTokens.AUDIENCE);
    p.put("carelens.launch.jwks-url", issuer.baseUrl() + "/jwks.json");
    p.put("carelens.sources.gp.url", gp.baseUrl());
    p.put("carelens.sources.pds.url", pds.baseUrl());
    return p;
  }

  @BeforeEach
  void client() {
    client = new GatewayTestClient(server.getURL().toString(), json);
  }

  @BeforeAll
  void views() throws Exception {
    client = new GatewayTestClient(server.getURL().toString(), json);
    // Two patients of different practices, neither with a GP dissent (which would hide the record).
    List<SyntheticPatient> patients =
        population.patients().stream().filter(p -> !p.gpDissent() && !p.restricted()).toList();
    viewedByOoh = patients.get(1);
    viewedByTrust =
        patients.stream()
            .filter(p -> !p.practice().odsCode().equals(viewedByOoh.practice().odsCode()))
            .findFirst()
            .orElseThrow();

    Map<String, Object> oohView =
        view(
            session("clinician", "ooh-doctor", OOH, "out-of-hours", nhs(viewedByOoh)),
            nhs(viewedByOoh));
    String trustSession =
        session("clinician", "trust-doctor", TRUST, "acute-trust", nhs(viewedByTrust));
    Map<String, Object> trustView = view(trustSession, nhs(viewedByTrust));
    // The banner's registered practice is what the audit records: the spine's.
    assertThat(patientOf(oohView))
        .as(oohView.toString())
        .containsEntry("registeredPractice", practiceOf(viewedByOoh));
    assertThat(patientOf(trustView)).containsEntry("registeredPractice", practiceOf(viewedByTrust));

    HttpResponse<String> declared =
        post(
            "/api/v1/patients/" + nhs(viewedByTrust) + "/break-glass",
            trustSession,
            "{\"reason\":\"Immediate risk to life\",\"detail\":\"Collapsed in the emergency department\"}");
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
    trustBreakGlass =
        ((Number)
                list(client.get(
                        "/api/v1/audit?event=BREAK_GLASS&patient=" + nhs(viewedByTrust),
                        ig("federation-ig", "fed-ig", TRUST)))
                    .getFirst()
                    .get("sequence"))
            .longValue();
  }

  @AfterAll
  void stop() {
    issuer.stop();
    gp.stop();
    pds.stop();
  }

  @Test
  void an_ig_officer_sees_their_own_organisations_users_and_not_another_organisations()
      throws Exception {
    List<Map<String, Object>> entries =
        list(client.get("/api/v1/audit?event=RECORD_VIEW", ig("ig-officer", "ooh-ig", OOH)));

    assertThat(entries).isNotEmpty();
    assertThat(entries).allSatisfy(e -> assertThat(e).containsEntry("organisation", OOH));
    assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("patient", nhs(viewedByOoh)));
    assertThat(entries)
        .noneSatisfy(e -> assertThat(e).containsEntry("patient", nhs(viewedByTrust)));
  }

  @Test
  void an_ig_officer_of_the_registered_practice_sees_every_organisations_entries_about_its_patient()
      throws Exception {
    String practiceIg = ig("ig-officer", "practice-ig", practiceOf(viewedByTrust));

    List<Map<String, Object>> entries =
        list(client.get("/api/v1/audit?patient=" + nhs(viewedByTrust), practiceIg));
    List<Map<String, Object>> others =
        list(client.get("/api/v1/audit?patient=" + nhs(viewedByOoh), practiceIg));

    assertThat(entries)
        .anySatisfy(
            e ->
                assertThat(e)
                    .containsEntry("event", "RECORD_VIEW")
                    .containsEntry("organisation", TRUST))
        .anySatisfy(e -> assertThat(e).containsEntry("event", "BREAK_GLASS"));
    // The other practice's patient is not registered here: only this practice's own users' entries
    // about them (the officer's own search just now), never the out-of-hours service's view.
    assertThat(others)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e).containsEntry("organisation", practiceOf(viewedByTrust)));
  }

  @Test
  void the_access_report_of_another_organisations_patient_holds_only_the_officers_own_users_views()
      throws Exception {
    HttpResponse<String> report =
        client.get(
            "/api/v1/audit/access-report?patient=" + nhs(viewedByTrust),
            ig("ig-officer", "ooh-ig", OOH));

    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    assertThat(map(report.body()).get("accesses"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .isEmpty();
  }

  @Test
  void another_organisations_break_glass_is_neither_listed_nor_acknowledgeable() throws Exception {
    String oohIg = ig("ig-officer", "ooh-ig", OOH);

    List<Map<String, Object>> queue =
        list(client.get("/api/v1/audit/break-glass?status=all", oohIg));
    HttpResponse<String> acknowledged =
        post(
            "/api/v1/audit/break-glass/" + trustBreakGlass + "/acknowledge",
            oohIg,
            "{\"note\":\"Not ours to review\"}");

    assertThat(queue).noneSatisfy(i -> assertThat(i).containsEntry("patient", nhs(viewedByTrust)));
    assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(404);
    assertThat(map(acknowledged.body())).containsEntry("code", "BREAK_GLASS_NOT_FOUND");
    // The trust's own IG officer has it on their queue.
    assertThat(
            list(
                client.get(
                    "/api/v1/audit/break-glass?status=all", ig("ig-officer", "trust-ig", TRUST))))
        .anySatisfy(i -> assertThat(i).containsEntry("patient", nhs(viewedByTrust)));
  }

  @Test
  void the_federation_ig_lead_named_in_the_agreement_sees_every_organisation() throws Exception {
    String federation = ig("federation-ig", "fed-ig", TRUST);

    List<Map<String, Object>> entries =
        list(client.get("/api/v1/audit?event=RECORD_VIEW", federation));
    List<Map<String, Object>> own =
        list(client.get("/api/v1/audit?event=AUDIT_SEARCH&user=fed-ig", federation));

    assertThat(entries)
        .anySatisfy(e -> assertThat(e).containsEntry("organisation", OOH))
        .anySatisfy(e -> assertThat(e).containsEntry("organisation", TRUST));
    // Each search records the scope it ran in.
    assertThat(json.writeValueAsString(own.getFirst().get("details")))
        .contains("\"scope\":\"federation\"");
  }

  @Test
  void a_clinician_may_not_search_the_audit_in_any_scope() throws Exception {
    HttpResponse<String> refused =
        client.get(
            "/api/v1/audit",
            session("clinician", "ooh-doctor", OOH, "out-of-hours", nhs(viewedByOoh)));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(map(refused.body())).containsEntry("code", "ROLE_NOT_PERMITTED");
  }

  private String ig(String role, String userId, String ods) throws Exception {
    return session(role, userId, ods, "acute-trust", Population.SHOWCASE_NHS_NUMBER);
  }

  private String session(String role, String userId, String ods, String type, String patient)
      throws Exception {
    return client.session(
        tokens.token(
            role,
            patient,
            c ->
                c.subject(userId)
                    .claim(
                        "requesting_practitioner",
                        Map.of(
                            "resourceType",
                            "Practitioner",
                            "id",
                            userId,
                            "identifier",
                            List.of(
                                Map.of(
                                    "system",
                                    "https://fhir.nhs.uk/Id/sds-user-id",
                                    "value",
                                    userId)),
                            "name",
                            List.of(Map.of("family", "User", "given", List.of(userId))),
                            "role",
                            role))
                    .claim(
                        "requesting_organization",
                        Map.of(
                            "resourceType",
                            "Organization",
                            "identifier",
                            List.of(
                                Map.of(
                                    "system",
                                    "https://fhir.nhs.uk/Id/ods-organization-code",
                                    "value",
                                    ods)),
                            "name",
                            "Organisation " + ods,
                            "type",
                            type))));
  }

  private Map<String, Object> view(String session, String patient) throws Exception {
    HttpResponse<String> response =
        client.get("/api/v1/patients/" + patient + "/record?sections=allergies", session);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return map(response.body());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> patientOf(Map<String, Object> view) {
    return (Map<String, Object>) view.get("patient");
  }

  private static String nhs(SyntheticPatient patient) {
    return patient.nhsNumber().value();
  }

  private static String practiceOf(SyntheticPatient patient) {
    return patient.practice().odsCode();
  }

  private HttpResponse<String> post(String path, String accessToken, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .header("Authorization", "Bearer " + accessToken)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<Map<String, Object>> list(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readValue(
        response.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
  }

  private Map<String, Object> map(String body) throws Exception {
    return json.readValue(body, Argument.mapOf(String.class, Object.class));
  }
}
