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
 * Issue 15: a user's rate limit holds across gateway replicas. One session's views alternate
 * between two replicas on one database, as a round-robin load balancer sends them; the user gets
 * one allowance, not one per replica. A replica counts a view against the user once it has seen the
 * session (its first request there is counted against the address only), so at most one view more
 * than the limit gets through with two replicas; per-replica counters would let through twice the
 * limit. The window is long (1000 days) so that none ends during the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitsAcrossReplicasTest {

  static final String PATIENT = Population.SHOWCASE_NHS_NUMBER;
  static final int VIEWS_PER_USER = 4;

  final Replicas replicas =
      new Replicas(
          TestDatabases.h2MemoryUrl(),
          Map.of(
              "carelens.limits.views-per-user",
              String.valueOf(VIEWS_PER_USER),
              "carelens.limits.period",
              "1000d"));
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
  void a_user_gets_one_allowance_across_two_replicas() throws Exception {
    String session = replicas.launch(first, "clinician", PATIENT, "clinician-limited");
    List<String> answers = new ArrayList<>();

    for (int i = 0; i < 4 * VIEWS_PER_USER; i++) {
      EmbeddedServer replica = i % 2 == 0 ? first : second;
      HttpResponse<String> view =
          replicas.send(replica, "GET", "/api/v1/patients/" + PATIENT + "/record", session, null);
      assertThat(view.statusCode()).as(view.body()).isIn(200, 429);
      answers.add((replica == first ? "first " : "second ") + view.statusCode());
    }

    int served = -1;
    for (int i = 0; i < answers.size() && served < 0; i++) {
      served = answers.get(i).endsWith("429") ? i : -1;
    }
    assertThat(served)
        .as("views served before the first refusal: %s", answers)
        .isBetween(VIEWS_PER_USER, VIEWS_PER_USER + 1);
    assertThat(answers.subList(served, answers.size()))
        .as("every view after the first refusal, on either replica: %s", answers)
        .allMatch(a -> a.endsWith("429"))
        .anyMatch(a -> a.startsWith("first"))
        .anyMatch(a -> a.startsWith("second"));
  }
}
