package org.carelens.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyCapTest {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void the_tenth_in_a_day_is_allowed_and_the_eleventh_is_not() {
    DailyCap cap = new DailyCap(10);
    List<Instant> ten = hourly(10);
    List<Instant> eleven = hourly(11);

    assertThat(cap.exceededBy(ten, NOW)).isEmpty();
    assertThat(cap.exceededBy(eleven, NOW)).isPresent();
  }

  @Test
  void the_wait_ends_when_the_oldest_leaves_the_24_hour_window() {
    DailyCap cap = new DailyCap(2);
    List<Instant> times =
        List.of(NOW.minus(Duration.ofHours(20)), NOW.minus(Duration.ofHours(5)), NOW);

    Duration wait = cap.exceededBy(times, NOW).orElseThrow();

    assertThat(wait).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void over_the_cap_throws_with_the_cap_and_the_wait() {
    DailyCap cap = new DailyCap(1);

    assertThatThrownBy(() -> cap.enforce(List.of(NOW.minus(Duration.ofHours(1)), NOW), NOW))
        .isInstanceOfSatisfying(
            DailyCap.Exceeded.class,
            e -> {
              assertThat(e.cap()).isEqualTo(1);
              assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(23));
            });
  }

  @Test
  void a_cap_below_one_is_refused() {
    assertThatThrownBy(() -> new DailyCap(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A daily cap must be 1 or more, was 0");
  }

  /** {@code n} times an hour apart, the last one now, oldest first. */
  private static List<Instant> hourly(int n) {
    List<Instant> times = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) {
      times.add(NOW.minus(Duration.ofHours(i)));
    }
    return times;
  }
}
