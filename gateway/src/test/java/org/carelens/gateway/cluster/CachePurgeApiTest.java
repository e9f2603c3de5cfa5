package org.carelens.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carelens.gateway.audit.AuditEntry;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditQuery;
import org.carelens.gateway.audit.AuditSearch;
import org.carelens.gateway.fanout.FanoutEngine;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 15, "a purge request on one replica removes the patient from every replica's source cache":
 * {@code POST /api/v1/cache/purge} over HTTP, on one gateway with the embedded database. IG
 * officers and administrators may purge, and the purge is audited with its reason; other roles are
 * refused and audited, and purge nothing. {@link CachePurgeAcrossReplicasTest} shows the purge
 * reaching another replica on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CachePurgeApiTest {

  static final String PATIENT = Population.SHOWCASE_NHS_NUMBER;
  static final String PURGE = "/api/v1/cache/purge";

  final Replicas replicas = new Replicas(TestDatabases.h2MemoryUrl(), Map.of());
  EmbeddedServer gateway;
  String clinician;

  @BeforeAll
  void start() throws Exception {
    gateway = replicas.start();
    clinician = replicas.launch(gateway, "clinician", PATIENT, "clinician-viewing");
  }

  @AfterAll
  void stop() {
    gateway.getApplicationContext().close();
  }

  /** Each test starts with the patient in the cache, put there by a clinician's view. */
  @BeforeEach
  void viewed() throws Exception {
    HttpResponse<String> view =
        replicas.send(gateway, "GET", "/api/v1/patients/" + PATIENT + "/record", clinician, null);
    assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
    assertThat(cached()).isTrue();
  }

  @Test
  void an_ig_officer_purges_the_patient_and_the_purge_is_audited_with_its_reason()
      throws Exception {
    String ig = replicas.launch(gateway, "ig-officer", PATIENT, "ig-purging");

    HttpResponse<String> purged = purge(ig, PATIENT, "The GP practice corrected an allergy");

    assertThat(purged.statusCode()).as(purged.body()).isEqualTo(200);
    assertThat(purged.body())
        .contains("\"nhsNumber\":\"" + PATIENT + "\"")
        .contains("\"acrossReplicas\":false")
        .contains("\"auditSequence\":");
    assertThat(purged.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(cached()).isFalse();
    assertThat(audit(AuditEventType.CACHE_PURGED))
        .filteredOn(e -> e.userId().equals(Optional.of("ig-purging")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS.name());
              assertThat(e.patient()).contains(PATIENT);
              assertThat(e.details())
                  .contains("\"reason\":\"The GP practice corrected an allergy\"")
                  .contains("\"acrossReplicas\":false");
              assertThat(purged.body()).contains("\"auditSequence\":" + e.sequence());
            });
  }

  @Test
  void an_administrator_may_purge_too() throws Exception {
    String admin = replicas.launch(gateway, "administrator", PATIENT, "admin-purging");

    HttpResponse<String> purged = purge(admin, PATIENT, "Support ticket 4711: stale record");

    assertThat(purged.statusCode()).as(purged.body()).isEqualTo(200);
    assertThat(cached()).isFalse();
  }

  @Test
  void a_clinician_is_refused_the_refusal_is_audited_and_nothing_is_purged() throws Exception {
    HttpResponse<String> refused = purge(clinician, PATIENT, "I would like fresher data");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("ROLE_NOT_PERMITTED");
    assertThat(cached()).isTrue();
    assertThat(audit(AuditEventType.POLICY_DENIAL))
        .anySatisfy(
            e -> {
              assertThat(e.reasonCode()).contains("ROLE_NOT_PERMITTED");
              assertThat(e.userId()).contains("clinician-viewing");
              assertThat(e.patient()).contains(PATIENT);
            });
  }

  @Test
  void without_a_session_it_is_401() throws Exception {
    HttpResponse<String> refused = purge("not-a-session", PATIENT, "No session at all");

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(cached()).isTrue();
  }

  @Test
  void a_purge_needs_a_valid_nhs_number_and_a_reason() throws Exception {
    String ig = replicas.launch(gateway, "ig-officer", PATIENT, "ig-careless");

    HttpResponse<String> badNumber = purge(ig, "9990000019", "Corrected at source");
    HttpResponse<String> noReason = purge(ig, PATIENT, " ");

    assertThat(badNumber.statusCode()).isEqualTo(400);
    assertThat(badNumber.body()).contains("INVALID_NHS_NUMBER");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("INVALID_PURGE");
    assertThat(cached()).isTrue();
  }

  @Test
  void the_openapi_description_names_the_purge() throws Exception {
    HttpResponse<String> openapi = replicas.get(gateway, "/openapi.yml");

    assertThat(openapi.body()).contains(PURGE + ":");
  }

  private HttpResponse<String> purge(String session, String patient, String reason)
      throws Exception {
    return replicas.send(
        gateway,
        "POST",
        PURGE,
        session,
        "{\"nhsNumber\":\"" + patient + "\",\"reason\":\"" + reason + "\"}");
  }

  private boolean cached() {
    return gateway
        .getApplicationContext()
        .getBean(FanoutEngine.class)
        .caches(new NhsNumber(PATIENT));
  }

  private List<AuditEntry> audit(AuditEventType event) {
    return gateway
        .getApplicationContext()
        .getBean(AuditSearch.class)
        .find(
            new AuditQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(event),
                Optional.empty(),
                Optional.empty(),
                AuditQuery.MAX_LIMIT));
  }
}
