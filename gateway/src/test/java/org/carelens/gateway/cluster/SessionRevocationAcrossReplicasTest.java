package org.carelens.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.gateway.session.SessionProperties;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 15: "revocation takes effect on every replica within 1 s", with the session cache the
 * replicas really run with ({@code carelens.session.cache-ttl}, 500 ms), where {@link
 * SessionAcrossReplicasTest} switches it off. One session alternates between two replicas on one
 * database, each serving it from its own cache; it is then ended on one replica while the other
 * still holds it, and every request the other receives from 1 s after the sign-out's answer on is
 * refused. Timing here is a property of the design, not of the machine's speed: a request sent
 * later than the cache period after the sign-out can only find the cached copy expired, however
 * slowly it is served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionRevocationAcrossReplicasTest {

  static final String PATIENT = Population.SHOWCASE_NHS_NUMBER;
  static final Duration WITHIN = Duration.ofSeconds(1);

  final Replicas replicas = new Replicas(TestDatabases.h2MemoryUrl(), Map.of());
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
  void the_replicas_run_with_a_session_cache_shorter_than_a_second() {
    Duration ttl = second.getApplicationContext().getBean(SessionProperties.class).getCacheTtl();

    assertThat(ttl).isPositive().isLessThanOrEqualTo(WITHIN);
  }

  @Test
  void a_sign_out_on_one_replica_is_refused_by_the_other_within_a_second() throws Exception {
    String session = replicas.launch(first, "clinician", PATIENT, "clinician-revoked");
    List<Integer> alternating = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      alternating.add(view(i % 2 == 0 ? second : first, session).statusCode());
    }
    assertThat(alternating).as("alternate requests, one session").containsOnly(200);
    // The second replica now holds the session in its cache.
    assertThat(view(second, session).statusCode()).isEqualTo(200);

    HttpResponse<String> signOut =
        replicas.send(first, "DELETE", "/api/v1/sessions/current", session, null);
    assertThat(signOut.statusCode()).isEqualTo(204);
    long signedOut = System.nanoTime();

    List<String> late = new ArrayList<>();
    long firstRefusedMs = -1;
    int lateRequests = 0;
    while (lateRequests < 3) {
      long sent = System.nanoTime();
      HttpResponse<String> response = view(second, session);
      long sinceSignOutMs = Duration.ofNanos(sent - signedOut).toMillis();
      assertThat(response.statusCode()).as(response.body()).isIn(200, 401);
      if (response.statusCode() == 401 && firstRefusedMs < 0) {
        firstRefusedMs = sinceSignOutMs;
        assertThat(response.body()).contains("SESSION_EXPIRED");
      }
      if (sinceSignOutMs >= WITHIN.toMillis()) {
        lateRequests++;
        if (response.statusCode() != 401) {
          late.add(sinceSignOutMs + " ms: " + response.statusCode());
        }
      }
      Thread.sleep(50);
    }

    System.out.printf(
        "The other replica first refused the ended session %d ms after the sign-out%n",
        firstRefusedMs);
    assertThat(late).as("requests sent 1 s or more after the sign-out and still served").isEmpty();
    assertThat(firstRefusedMs).isNotNegative();
  }

  private HttpResponse<String> view(EmbeddedServer replica, String session) throws Exception {
    return replicas.send(replica, "GET", "/api/v1/patients/" + PATIENT + "/record", session, null);
  }
}
