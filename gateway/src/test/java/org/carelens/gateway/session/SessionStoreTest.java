package org.carelens.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.policy.Role;
import org.carelens.sdk.model.NhsNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-03T09:00:00Z"));
  final SessionProperties properties = properties(Duration.ofMinutes(60), Duration.ofMinutes(15));
  final HikariDataSource database = TestDatabases.h2Memory();
  final SessionStore store = new SessionStore(database, properties, clock);

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void a_session_used_within_the_idle_timeout_stays_alive() {
    String token = store.open(launch()).accessToken();
    clock.advance(Duration.ofMinutes(14));
    store.find(token);
    clock.advance(Duration.ofMinutes(14));

    assertThat(store.find(token)).isPresent();
  }

  @Test
  void a_session_idle_for_the_timeout_ends() {
    String token = store.open(launch()).accessToken();
    clock.advance(Duration.ofMinutes(15));

    assertThat(store.find(token)).isEmpty();
  }

  @Test
  void a_busy_session_still_ends_at_its_absolute_lifetime() {
    String token = store.open(launch()).accessToken();
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(10));
      store.find(token);
    }
    clock.advance(Duration.ofMinutes(10));

    assertThat(store.find(token)).isEmpty();
  }

  @Test
  void an_ended_session_does_not_come_back() {
    String token = store.open(launch()).accessToken();
    clock.advance(Duration.ofMinutes(16));
    store.find(token);
    clock.advance(Duration.ofMinutes(-10));

    assertThat(store.find(token)).isEmpty();
  }

  @Test
  void a_session_opened_on_one_replica_is_found_on_another() {
    SessionStore other = new SessionStore(database, properties, clock);
    String token = store.open(launch()).accessToken();

    assertThat(other.find(token)).map(s -> s.launch().userName()).contains("Dr Amira Khan");
  }

  @Test
  void use_on_one_replica_keeps_the_session_alive_on_another() {
    SessionStore other = new SessionStore(database, properties, clock);
    String token = store.open(launch()).accessToken();
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofMinutes(10));
      (i % 2 == 0 ? other : store).find(token);
    }
    clock.advance(Duration.ofMinutes(10));

    assertThat(store.find(token)).isPresent();
  }

  @Test
  void a_sign_out_on_one_replica_ends_the_session_on_another_once_its_cache_period_passes() {
    SessionStore other = new SessionStore(database, properties, clock);
    String token = store.open(launch()).accessToken();
    other.find(token);
    store.end(token);
    clock.advance(properties.getCacheTtl());

    assertThat(other.find(token)).isEmpty();
  }

  @Test
  void the_database_holds_a_hash_of_the_token_never_the_token() throws Exception {
    String token = store.open(launch()).accessToken();

    try (var c = database.getConnection();
        var rows = c.createStatement().executeQuery("SELECT * FROM gateway_session")) {
      assertThat(rows.next()).isTrue();
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        assertThat(String.valueOf(rows.getObject(i))).doesNotContain(token);
      }
      assertThat(rows.getString("token_sha256")).isEqualTo(SessionStore.hash(token));
    }
  }

  @Test
  void a_signed_in_session_comes_back_from_the_database_bound_to_no_patient() {
    SessionStore other = new SessionStore(database, properties, clock);
    LaunchContext l = launch();
    LaunchContext signedIn =
        new LaunchContext(
            l.issuer(),
            l.jti(),
            l.userId(),
            l.userName(),
            Role.PHARMACIST,
            l.organisationOds(),
            l.organisationName(),
            l.organisationType(),
            l.device(),
            l.reasonForRequest(),
            null,
            l.expiresAt());
    String token = store.open(signedIn).accessToken();

    assertThat(other.find(token)).map(GatewaySession::launch).contains(signedIn);
  }

  @Test
  void a_cache_period_over_one_second_is_refused_naming_the_key() {
    assertThatThrownBy(() -> new SessionProperties().setCacheTtl(Duration.ofSeconds(2)))
        .hasMessageContaining("carelens.session.cache-ttl must be between 0 and 1s");
  }

  @Test
  void a_non_positive_idle_timeout_is_refused_naming_the_key() {
    assertThatThrownBy(() -> new SessionProperties().setIdleTimeout(Duration.ZERO))
        .hasMessageContaining("carelens.session.idle-timeout must be positive");
  }

  private static SessionProperties properties(Duration lifetime, Duration idle) {
    SessionProperties p = new SessionProperties();
    p.setLifetime(lifetime);
    p.setIdleTimeout(idle);
    return p;
  }

  private LaunchContext launch() {
    return new LaunchContext(
        "http://launcher.test",
        "jti-1",
        "555000111222",
        "Dr Amira Khan",
        Role.CLINICIAN,
        "Y03012",
        "Carelens Out-of-Hours Service",
        "out-of-hours",
        "test",
        "directcare",
        new NhsNumber("9990000018"),
        clock.instant().plusSeconds(300));
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
