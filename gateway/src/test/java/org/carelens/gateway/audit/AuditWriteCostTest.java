package org.carelens.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.sdk.model.NhsNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures what auditing adds to each record view: one committed, chained append with view-sized
 * details, on the default embedded H2 file database and, when reachable, on PostgreSQL. It prints
 * the median and 99th percentile and asserts only correctness (never timing, which depends on the
 * machine).
 */
class AuditWriteCostTest {

  static final int WARM_UP = 100;
  static final int MEASURED = 500;

  @TempDir Path directory;

  @Test
  void audit_write_cost_per_view_on_the_embedded_file_database() throws Exception {
    Files.createDirectories(directory);
    String url =
        "jdbc:h2:file:"
            + directory.resolve("carelens")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    try (HikariDataSource dataSource = TestDatabases.h2(url)) {
      measure("H2 file (default)", dataSource);
    }
  }

  @Test
  void audit_write_cost_per_view_on_postgresql() {
    if (!TestDatabases.postgresReachable()) {
      System.out.println(
          "audit write cost, PostgreSQL: skipped, " + TestDatabases.POSTGRES_SKIP_MESSAGE);
      return;
    }
    String schema = TestDatabases.newPostgresSchema();
    try (HikariDataSource dataSource = TestDatabases.postgres(schema)) {
      measure("PostgreSQL", dataSource);
    } finally {
      TestDatabases.dropSchema(schema);
    }
  }

  private static void measure(String database, HikariDataSource dataSource) {
    AuditTrail trail = new AuditTrail(dataSource, Clock.systemUTC());
    long[] nanos = new long[MEASURED];
    for (int i = 0; i < WARM_UP + MEASURED; i++) {
      AuditEvent event = viewSized(i);
      long start = System.nanoTime();
      trail.append(event);
      if (i >= WARM_UP) {
        nanos[i - WARM_UP] = System.nanoTime() - start;
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "audit write cost per view, %s: median %.2f ms, p99 %.2f ms (%d appends)%n",
        database,
        nanos[MEASURED / 2] / 1e6,
        nanos[(int) Math.ceil(MEASURED * 0.99) - 1] / 1e6,
        MEASURED);

    assertThat(new ChainVerifier(dataSource).verify())
        .isEqualTo(new ChainVerification(true, WARM_UP + MEASURED, Optional.empty()));
  }

  /** Details the size of a real five-source, eleven-section view. */
  private static AuditEvent viewSized(int i) {
    AuditEvent.Builder event =
        AuditEvent.builder(AuditEventType.RECORD_VIEW, AuditOutcome.SUCCESS)
            .actor(new Actor("555000111222", "Dr Amira Khan", "clinician", "Y03012"))
            .patient(new NhsNumber("9990000018"))
            .correlationId("bench-" + i);
    event.detail(
        "sources",
        List.of("gp", "acute", "mental-health", "social-care", "pds").stream()
            .map(id -> java.util.Map.of("id", id, "status", "OK", "cached", false))
            .toList());
    event.detail(
        "sectionsReturned",
        List.of("alerts", "allergies", "medications", "problems", "encounters", "results"));
    event.detail(
        "withheld",
        java.util.Map.of(
            "socialCare",
            java.util.Map.of("reasonCode", "ROLE_NOT_PERMITTED", "rule", "role-matrix")));
    return event.build();
  }
}
