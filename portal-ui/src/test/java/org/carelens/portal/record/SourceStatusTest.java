package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceStatusTest {

  @Test
  void every_gateway_status_has_words_a_clinician_reads() {
    assertThat(SourceStatus.wordsFor("OK")).isEqualTo("Loaded");
    assertThat(SourceStatus.wordsFor("NO_RECORD")).isEqualTo("No record");
    assertThat(SourceStatus.wordsFor("WITHHELD")).isEqualTo("Withheld");
    assertThat(SourceStatus.wordsFor("TIMEOUT")).isEqualTo("Timed out");
    assertThat(SourceStatus.wordsFor("CIRCUIT_OPEN")).isEqualTo("Unavailable");
    assertThat(SourceStatus.wordsFor("ERROR")).isEqualTo("Error");
  }

  @Test
  void only_a_loaded_source_looks_like_success() {
    assertThat(SourceStatus.toneFor("OK")).isEqualTo(SourceStatus.Tone.SUCCESS);
    assertThat(SourceStatus.toneFor("NO_RECORD")).isEqualTo(SourceStatus.Tone.NEUTRAL);
    assertThat(SourceStatus.toneFor("WITHHELD")).isEqualTo(SourceStatus.Tone.NEUTRAL);
    assertThat(SourceStatus.toneFor("TIMEOUT")).isEqualTo(SourceStatus.Tone.ERROR);
    assertThat(SourceStatus.toneFor("CIRCUIT_OPEN")).isEqualTo(SourceStatus.Tone.ERROR);
    assertThat(SourceStatus.toneFor("ERROR")).isEqualTo(SourceStatus.Tone.ERROR);
  }

  @Test
  void a_status_this_portal_does_not_know_is_shown_as_an_error_not_hidden() {
    assertThat(SourceStatus.wordsFor("PARTIAL")).isEqualTo("Unknown status PARTIAL");
    assertThat(SourceStatus.toneFor("PARTIAL")).isEqualTo(SourceStatus.Tone.ERROR);
  }
}
