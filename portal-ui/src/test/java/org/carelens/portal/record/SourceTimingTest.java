package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.carelens.portal.gateway.SourceView;
import org.junit.jupiter.api.Test;

class SourceTimingTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void a_fresh_answer_shows_only_how_long_it_took() {
    SourceView source = new SourceView("gp", "GP", "OK", 143, false, Instant.now(), null, null);

    assertThat(SourceTiming.describe(source, LONDON)).isEqualTo("143 ms");
  }

  @Test
  void a_cached_answer_says_as_of_when_in_uk_local_time() {
    SourceView winter =
        new SourceView(
            "gp", "GP", "OK", 5, true, Instant.parse("2026-11-22T03:52:00Z"), null, null);
    SourceView summer =
        new SourceView(
            "gp", "GP", "OK", 5, true, Instant.parse("2026-07-01T03:52:00Z"), null, null);

    assertThat(SourceTiming.describe(winter, LONDON))
        .isEqualTo("5 ms · cached, as of 22-Nov-2026 03:52");
    assertThat(SourceTiming.describe(summer, LONDON))
        .isEqualTo("5 ms · cached, as of 01-Jul-2026 04:52");
  }

  @Test
  void a_cached_answer_also_says_how_old_it_is() {
    SourceView cached =
        new SourceView(
            "gp", "GP", "OK", 5, true, Instant.parse("2026-11-22T03:52:00Z"), null, null);
    Clock now = Clock.fixed(Instant.parse("2026-11-22T04:00:30Z"), LONDON);

    assertThat(SourceTiming.describe(cached, now))
        .isEqualTo("5 ms · cached, as of 22-Nov-2026 03:52, 8 min old");
  }

  @Test
  void ages_are_rounded_down_to_what_a_reader_needs() {
    Instant at = Instant.parse("2026-11-22T00:00:00Z");

    assertThat(SourceTiming.age(at, at.plusSeconds(59))).isEqualTo("under a minute");
    assertThat(SourceTiming.age(at, at.plusSeconds(3 * 3600 + 5 * 60))).isEqualTo("3 h 5 min");
    assertThat(SourceTiming.age(at, at.plusSeconds(2 * 3600))).isEqualTo("2 h");
    assertThat(SourceTiming.age(at, at.plusSeconds(3 * 86400))).isEqualTo("3 days");
  }

  @Test
  void long_waits_are_shown_in_seconds() {
    assertThat(SourceTiming.elapsed(3000)).isEqualTo("3.0 s");
    assertThat(SourceTiming.elapsed(1250)).isEqualTo("1.2 s");
    assertThat(SourceTiming.elapsed(999)).isEqualTo("999 ms");
  }
}
