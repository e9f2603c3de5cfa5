package org.carelens.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.carelens.gateway.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 4: readiness follows the database, the launch keys and draining; liveness follows
 * nothing outside the process; a draining replica refuses new views so the load balancer retries
 * them elsewhere.
 */
class ReadinessTest {

  final Replicas replicas = new Replicas(TestDatabases.h2MemoryUrl(), Map.of());
  EmbeddedServer replica = replicas.start();

  @AfterEach
  void stop() {
    if (replica.getApplicationContext().isRunning()) {
      replica.getApplicationContext().close();
    }
  }

  @Test
  void a_started_replica_is_ready_and_live() throws Exception {
    HttpResponse<String> readiness = replicas.get(replica, "/health/readiness");

    assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"database\":\"UP\"").contains("\"draining\":false");
    assertThat(replicas.get(replica, "/health/liveness").statusCode()).isEqualTo(200);
  }

  @Test
  void a_draining_replica_is_not_ready_refuses_new_views_and_stays_live() throws Exception {
    String session = replicas.launch(replica, "clinician", "9434765919", "clinician-draining");
    replica.getApplicationContext().getBean(Draining.class).shutdownGracefully();

    HttpResponse<String> view =
        replicas.send(replica, "GET", "/api/v1/patients/9434765919/record", session, null);

    assertThat(view.statusCode()).isEqualTo(503);
    assertThat(view.body()).contains("\"code\":\"DRAINING\"");
    assertThat(view.headers().firstValue("Retry-After")).contains("1");
    HttpResponse<String> readiness = replicas.get(replica, "/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(503);
    assertThat(readiness.body()).contains("\"draining\":true");
    assertThat(replicas.get(replica, "/health/liveness").statusCode()).isEqualTo(200);
  }
}
