package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.carelens.portal.gateway.SourceView;
import org.junit.jupiter.api.Test;

class SourceTimingTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void a_fresh_answer_shows_only_how_long_it_took() {
    SourceView source = new SourceView("gp", "GP", "OK", 143, false, Instant.now(), null);

    assertThat(SourceTiming.describe(source, LONDON)).isEqualTo("143 ms");
  }

  @Test
  void a_cached_answer_says_as_of_when_in_uk_local_time() {
    SourceView winter =
        new SourceView("gp", "GP", "OK", 5, true, Instant.parse("2026-11-22T03:52:00Z"), null);
    SourceView summer =
        new SourceView("gp", "GP", "OK", 5, true, Instant.parse("2026-07-01T03:52:00Z"), null);

    assertThat(SourceTiming.describe(winter, LONDON)).isEqualTo("5 ms · cached, as of 03:52");
    assertThat(SourceTiming.describe(summer, LONDON)).isEqualTo("5 ms · cached, as of 04:52");
  }

  @Test
  void long_waits_are_shown_in_seconds() {
    assertThat(SourceTiming.elapsed(3000)).isEqualTo("3.0 s");
    assertThat(SourceTiming.elapsed(1250)).isEqualTo("1.2 s");
    assertThat(SourceTiming.elapsed(999)).isEqualTo("999 ms");
  }
}
