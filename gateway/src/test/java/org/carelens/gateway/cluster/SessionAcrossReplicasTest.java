package org.carelens.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 15: nothing ties a user to one gateway replica. A session opened on one replica is served
 * by the other on alternate requests, as a round-robin load balancer sends them, and a sign-out on
 * either ends it on both. The session cache period is zero here so that the test decides without
 * waiting; {@code SessionStoreTest} covers the period itself against a clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionAcrossReplicasTest {

  static final String PATIENT = Population.SHOWCASE_NHS_NUMBER;

  final Replicas replicas =
      new Replicas(TestDatabases.h2MemoryUrl(), Map.of("carelens.session.cache-ttl", "0s"));
  EmbeddedServer first;
  EmbeddedServer second;

  @BeforeAll
  void start() {
    first = replicas.start();
    second = replicas.start();
  }

  @AfterAll
  void stop() {
    first.getApplicationContext().close();
    second.getApplicationContext().close();
  }

  @Test
  void a_session_opened_on_one_replica_views_on_both_alternately() throws Exception {
    String session = replicas.launch(first, "clinician", PATIENT, "clinician-alternating");
    List<Integer> statuses = new ArrayList<>();

    for (int i = 0; i < 6; i++) {
      statuses.add(view(i % 2 == 0 ? second : first, session).statusCode());
    }

    assertThat(statuses).containsOnly(200).hasSize(6);
  }

  @Test
  void a_sign_out_on_one_replica_ends_the_session_on_the_other() throws Exception {
    String session = replicas.launch(first, "clinician", PATIENT, "clinician-signing-out");
    assertThat(view(second, session).statusCode()).isEqualTo(200);

    HttpResponse<String> signOut =
        replicas.send(second, "DELETE", "/api/v1/sessions/current", session, null);

    assertThat(signOut.statusCode()).isEqualTo(204);
    HttpResponse<String> afterwards = view(first, session);
    assertThat(afterwards.statusCode()).isEqualTo(401);
    assertThat(afterwards.body()).contains("SESSION_EXPIRED");
  }

  @Test
  void a_relationship_established_on_one_replica_opens_the_patient_on_the_other() throws Exception {
    String other = "9434765919";
    String session = replicas.launch(first, "clinician", PATIENT, "clinician-claiming");
    HttpResponse<String> claimed =
        replicas.send(
            first,
            "POST",
            "/api/v1/patients/" + other + "/relationship",
            session,
            "{\"reasonCode\":\"covering-colleague\",\"reason\":\"Covering the ward round\"}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(201);

    HttpResponse<String> onSecond =
        replicas.send(second, "GET", "/api/v1/patients/" + other + "/record", session, null);

    assertThat(onSecond.statusCode()).as(onSecond.body()).isEqualTo(200);
  }

  private HttpResponse<String> view(EmbeddedServer replica, String session) throws Exception {
    return replicas.send(replica, "GET", "/api/v1/patients/" + PATIENT + "/record", session, null);
  }
}
