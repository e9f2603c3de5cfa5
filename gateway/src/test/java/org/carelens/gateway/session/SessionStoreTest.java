package org.carelens.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.policy.Role;
import org.carelens.sdk.model.NhsNumber;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-03T09:00:00Z"));
  final SessionProperties properties = properties(Duration.ofMinutes(60), Duration.ofMinutes(15));
  final SessionStore store = new SessionStore(properties, clock);

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
