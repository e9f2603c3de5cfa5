package org.carelens.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carelens.gateway.audit.Actor;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.audit.ChainVerification;
import org.carelens.gateway.audit.ChainVerifier;
import org.carelens.sdk.model.NhsNumber;
import org.flywaydb.core.Flyway;

/**
 * What auditing adds to each record view: one committed, chained append with view-sized details, on
 * the gateway's default embedded H2 file database (WRITE_DELAY=0), one writer at a time. Moved here
 * from the gateway's unit suite (issue 14), which keeps no timing. The chain is verified
 * afterwards, so a fast but broken trail does not pass as a result.
 */
final class AuditWriteCost {

  static final int WARM_UP = 200;
  static final int MEASURED = 1_000;

  private AuditWriteCost() {}

  /** Appends {@link #MEASURED} entries after a warm-up and returns their latencies. */
  static Latencies measure(Path directory) throws Exception {
    Files.createDirectories(directory);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(
        "jdbc:h2:file:"
            + directory.resolve("audit-cost")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    config.setUsername("sa");
    config.setMaximumPoolSize(4);
    try (HikariDataSource dataSource = new HikariDataSource(config)) {
      Flyway.configure().dataSource(dataSource).load().migrate();
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
      ChainVerification verification = new ChainVerifier(dataSource).verify();
      if (!verification.equals(new ChainVerification(true, WARM_UP + MEASURED, Optional.empty()))) {
        throw new IllegalStateException("the audit chain did not verify: " + verification);
      }
      java.util.Arrays.sort(nanos);
      return new Latencies(nanos);
    }
  }

  /** Details the size of a real seven-source, eleven-section view. */
  static AuditEvent viewSized(int i) {
    AuditEvent.Builder event =
        AuditEvent.builder(AuditEventType.RECORD_VIEW, AuditOutcome.SUCCESS)
            .actor(new Actor("555000111222", "Dr Amira Khan", "clinician", "Y03012"))
            .patient(new NhsNumber("9990000018"))
            .correlationId("bench-" + i);
    event.detail(
        "sources",
        List.of("gp", "acute", "mental-health", "social-care", "pds", "pharmacy", "care-plans")
            .stream()
            .map(id -> Map.of("id", id, "status", "OK", "cached", false))
            .toList());
    event.detail(
        "sectionsReturned",
        List.of("alerts", "allergies", "medications", "problems", "encounters", "results"));
    event.detail(
        "withheld",
        Map.of("socialCare", Map.of("reasonCode", "ROLE_NOT_PERMITTED", "rule", "role-matrix")));
    return event.build();
  }
}
