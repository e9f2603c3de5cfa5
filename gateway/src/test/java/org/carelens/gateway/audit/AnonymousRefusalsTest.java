package org.carelens.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.carelens.gateway.consent.MutableClock;
import org.carelens.gateway.limits.ClientAddresses;
import org.carelens.gateway.limits.LimitsProperties;
import org.carelens.gateway.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Refusals of unidentified callers are audited one entry per client address, event and reason per
 * window, with a count, and none goes uncounted (issue 10, abuse limits). Time is a hand-moved
 * clock.
 */
class AnonymousRefusalsTest {

  static final Instant START = Instant.parse("2026-11-20T09:00:00Z");

  final HikariDataSource database = TestDatabases.h2Memory();
  final AtomicBoolean databaseDown = new AtomicBoolean();
  final MutableClock clock = new MutableClock(START);
  final JsonMapper json = JsonMapper.createDefault();
  int correlation;

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void the_first_refusal_of_a_window_is_written_at_once_and_the_rest_in_one_summary_when_it_closes()
      throws Exception {
    AnonymousRefusals refusals = refusals(Duration.ofMinutes(1), 100);
    for (int i = 0; i < 10; i++) {
      refusals.refused(refusal("SESSION_EXPIRED"), "203.0.113.7");
      clock.advance(Duration.ofSeconds(5));
    }
    assertThat(entries()).hasSize(1);
    clock.set(START.plus(Duration.ofMinutes(1)));

    refusals.flushDue();

    List<Row> entries = entries();
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).details()).containsKey("aggregation").doesNotContainKey("count");
    Row summary = entries.get(1);
    assertThat(summary.event()).isEqualTo("TOKEN_REJECTED");
    assertThat(summary.reasonCode()).isEqualTo("SESSION_EXPIRED");
    assertThat(summary.details())
        .containsEntry("summary", true)
        .containsEntry("count", 9)
        .containsEntry("clientAddress", "203.0.113.7")
        .containsEntry("windowStart", START.toString())
        .containsEntry("windowEnd", START.plus(Duration.ofMinutes(1)).toString())
        .containsEntry("firstCorrelationId", entries.get(0).correlationId());
    assertThat((List<?>) summary.details().get("sampleCorrelationIds")).hasSize(5);
  }

  @Test
  void windows_are_kept_per_client_address_event_and_reason() throws Exception {
    AnonymousRefusals refusals = refusals(Duration.ofMinutes(1), 100);
    for (int i = 0; i < 3; i++) {
      refusals.refused(refusal("SESSION_EXPIRED"), "203.0.113.7");
    }
    for (int i = 0; i < 2; i++) {
      refusals.refused(refusal("SESSION_EXPIRED"), "198.51.100.2");
    }
    refusals.refused(refusal("MISSING_TOKEN"), "203.0.113.7");
    refusals.refused(launchRefusal("INVALID_TOKEN"), "203.0.113.7");
    refusals.refused(launchRefusal("INVALID_TOKEN"), "203.0.113.7");
    clock.advance(Duration.ofMinutes(1));

    refusals.flushDue();

    List<Row> summaries = entries().stream().filter(Row::summary).toList();
    assertThat(entries()).hasSize(4 + 3);
    assertThat(summaries)
        .extracting(r -> r.event() + " " + r.reasonCode() + " " + r.details().get("clientAddress"))
        .containsExactlyInAnyOrder(
            "TOKEN_REJECTED SESSION_EXPIRED 203.0.113.7",
            "TOKEN_REJECTED SESSION_EXPIRED 198.51.100.2",
            "LAUNCH_REJECTED INVALID_TOKEN 203.0.113.7");
    assertThat(refusals.openWindows()).isZero();
  }

  @Test
  void every_refusal_is_counted_once_across_windows_early_and_late_flushes_and_shutdown()
      throws Exception {
    AnonymousRefusals refusals = refusals(Duration.ofMinutes(1), 100);
    Random random = new Random(20261120L);
    String[] addresses = {"203.0.113.7", "198.51.100.2", "2001:db8:1:2::/64"};
    String[] reasons = {"SESSION_EXPIRED", "MISSING_TOKEN", "INVALID_TOKEN"};
    int sent = 0;
    for (int i = 0; i < 2_000; i++) {
      refusals.refused(
          refusal(reasons[random.nextInt(reasons.length)]),
          addresses[random.nextInt(addresses.length)]);
      sent++;
      clock.advance(Duration.ofMillis(random.nextInt(400)));
      if (random.nextInt(100) == 0) {
        refusals.flushDue();
      }
    }

    refusals.flushAll();

    List<Row> entries = entries();
    long counted = entries.stream().mapToLong(Row::stands).sum();
    assertThat(counted).isEqualTo(sent);
    assertThat(entries.size()).isLessThan(sent / 10);
    assertThat(refusals.openWindows()).isZero();
    assertThat(new ChainVerifier(database).verify().valid()).isTrue();
  }

  @Test
  void a_window_still_open_at_shutdown_is_summarised_up_to_that_moment() throws Exception {
    AnonymousRefusals refusals = refusals(Duration.ofMinutes(1), 100);
    refusals.refused(refusal("SESSION_EXPIRED"), "203.0.113.7");
    refusals.refused(refusal("SESSION_EXPIRED"), "203.0.113.7");
    clock.advance(Duration.ofSeconds(20));

    refusals.flushAll();

    Row summary = entries().getLast();
    assertThat(summary.details())
        .containsEntry("count", 1)
        .containsEntry("windowEnd", START.plus(Duration.ofSeconds(20)).toString());
  }

  @Test
  void a_lone_refusal_gets_no_summary() throws Exception {
    AnonymousRefusals refusals = refusals(Duration.ofMinutes(1), 100);
    refusals.refused(refusal("SESSION_EXPIRED"), "203.0.113.7");
    clock.advance(Duration.ofMinutes(2));

    refusals.flushDue();
    refusals.flushAll();

    assertThat(entries()).hasSize(1);
  }

  @Test
  void past_the_bound_on_open_windows_further_addresses_are_counted_together_as_other()
      throws Exception {
    AnonymousRefusals refusals = refusals(Duration.ofMinutes(1), 2);
    for (int address = 1; address <= 50; address++) {
      refusals.refused(refusal("SESSION_EXPIRED"), "203.0.113." + address);
    }
    assertThat(refusals.openWindows()).isEqualTo(3);
    clock.advance(Duration.ofMinutes(1));

    refusals.flushDue();

    List<Row> entries = entries();
    assertThat(entries).hasSize(4);
    assertThat(entries.getLast().details())
        .containsEntry("clientAddress", AnonymousRefusals.OTHER_ADDRESSES)
        .containsEntry("count", 47);
    assertThat(entries.stream().mapToLong(Row::stands).sum()).isEqualTo(50);
  }

  @Test
  void a_summary_that_cannot_be_written_is_kept_and_written_at_the_next_flush() throws Exception {
    AnonymousRefusals refusals = refusals(Duration.ofMinutes(1), 100);
    for (int i = 0; i < 4; i++) {
      refusals.refused(refusal("SESSION_EXPIRED"), "203.0.113.7");
    }
    clock.advance(Duration.ofMinutes(1));
    databaseDown.set(true);
    refusals.flushDue();
    databaseDown.set(false);
    assertThat(entries()).hasSize(1);

    refusals.flushDue();

    assertThat(entries().getLast().details()).containsEntry("count", 3);
  }

  @Test
  void with_a_zero_window_every_refusal_is_its_own_entry() throws Exception {
    AnonymousRefusals refusals = refusals(Duration.ZERO, 100);
    for (int i = 0; i < 5; i++) {
      refusals.refused(refusal("SESSION_EXPIRED"), "203.0.113.7");
    }

    refusals.flushAll();

    assertThat(entries()).hasSize(5).noneMatch(Row::summary);
  }

  private AnonymousRefusals refusals(Duration window, int maxWindows) {
    LimitsProperties properties = new LimitsProperties();
    properties.setAnonymousAuditWindow(window);
    properties.setAnonymousAuditMaxWindows(maxWindows);
    return new AnonymousRefusals(
        new AuditTrail(failing(database), clock),
        new ClientAddresses(properties),
        clock,
        properties);
  }

  private AuditEvent.Builder refusal(String reason) {
    return AuditEvent.builder(AuditEventType.TOKEN_REJECTED, AuditOutcome.REFUSED)
        .reason(reason)
        .correlationId("request-" + ++correlation);
  }

  private AuditEvent.Builder launchRefusal(String reason) {
    return AuditEvent.builder(AuditEventType.LAUNCH_REJECTED, AuditOutcome.REFUSED)
        .reason(reason)
        .correlationId("request-" + ++correlation);
  }

  /** The database, refusing connections while {@link #databaseDown} is set. */
  private DataSource failing(DataSource real) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (databaseDown.get() && method.getName().equals("getConnection")) {
                throw new SQLException("database down (test)");
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  record Row(String event, String reasonCode, String correlationId, Map<String, Object> details) {
    boolean summary() {
      return Boolean.TRUE.equals(details.get("summary"));
    }

    /** How many refusals this entry accounts for. */
    long stands() {
      return summary() ? ((Number) details.get("count")).longValue() : 1;
    }
  }

  private List<Row> entries() throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Connection c = database.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT event_type, reason_code, correlation_id, details FROM audit_entry"
                    + " ORDER BY sequence_number");
        ResultSet r = q.executeQuery()) {
      while (r.next()) {
        rows.add(
            new Row(
                r.getString(1),
                Optional.ofNullable(r.getString(2)).orElse(""),
                r.getString(3),
                map(r.getString(4))));
      }
    }
    return rows;
  }

  private Map<String, Object> map(String details) {
    try {
      return json.readValue(details, Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
