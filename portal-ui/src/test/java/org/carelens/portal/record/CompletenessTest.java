package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.carelens.portal.gateway.SourceView;
import org.junit.jupiter.api.Test;

class CompletenessTest {

  private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/London"));

  @Test
  void a_view_where_every_source_loaded_or_had_no_record_has_no_gaps() {
    List<SourceView> sources =
        List.of(
            source("gp", "OK", false, null, null), source("mh", "NO_RECORD", false, null, null));

    assertThat(Completeness.gaps(sources, CLOCK)).isEmpty();
  }

  @Test
  void every_failed_or_withheld_source_is_named_with_why() {
    List<SourceView> sources =
        List.of(
            source("Hospital", "TIMEOUT", false, null, null),
            source("Social care", "CIRCUIT_OPEN", false, null, null),
            source("GP", "ERROR", false, null, null),
            source("Mental health", "WITHHELD", false, null, "PATIENT_DISSENT"));

    assertThat(Completeness.gaps(sources, CLOCK))
        .containsExactly(
            "Hospital: did not answer in time.",
            "Social care: unavailable (failing recently, so not asked this time).",
            "GP: could not be read.",
            "Mental health: withheld. The patient has opted out of sharing this source's"
                + " information.");
  }

  @Test
  void an_old_cached_copy_is_a_gap_and_says_its_age_but_a_current_one_is_not() {
    List<SourceView> sources =
        List.of(
            source("GP", "OK", true, NOW.minusSeconds(8 * 60), null),
            source("Hospital", "OK", true, NOW.minusSeconds(20), null));

    assertThat(Completeness.gaps(sources, CLOCK))
        .containsExactly("GP: shown from a cached copy 8 min old.");
  }

  @Test
  void a_failed_source_shown_from_its_last_copy_says_both() {
    List<SourceView> sources = List.of(source("GP", "TIMEOUT", true, NOW.minusSeconds(180), null));

    assertThat(Completeness.gaps(sources, CLOCK))
        .containsExactly("GP: did not answer in time. Showing a cached copy 3 min old.");
  }

  private static SourceView source(
      String name, String status, boolean cached, Instant retrievedAt, String reason) {
    return new SourceView(name, name, status, 10, cached, retrievedAt, reason, null);
  }
}
