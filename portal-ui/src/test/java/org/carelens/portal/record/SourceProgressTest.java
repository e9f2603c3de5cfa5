package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carelens.portal.Rendered;
import org.carelens.portal.gateway.AllergyEntry;
import org.carelens.portal.gateway.AllergySection;
import org.carelens.portal.gateway.Concept;
import org.carelens.portal.gateway.Sections;
import org.carelens.portal.gateway.SourceEvent;
import org.carelens.portal.gateway.SourceView;
import org.junit.jupiter.api.Test;

/** The mapping from stream events to what the loading page shows. */
class SourceProgressTest {

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-22T04:00:00Z"), ZoneId.of("Europe/London"));

  private static Map<String, String> expected() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("gp", "GP practice");
    expected.put("acute", "Riverside University Hospitals");
    expected.put("mental-health", "Mental health trust");
    return expected;
  }

  private static AllergyEntry allergy(String display, String status) {
    return new AllergyEntry(
        display,
        new Concept(null, null, display),
        status,
        null,
        null,
        null,
        null,
        null,
        false,
        List.of());
  }

  private static SourceEvent event(String id, String name, String status, Sections sections) {
    return new SourceEvent(id, name, status, 120, false, null, null, null, sections, null);
  }

  private static Sections allergies(boolean withheld, AllergyEntry... items) {
    return new Sections(new AllergySection(withheld, null, "KNOWN", List.of(items)), null);
  }

  @Test
  void before_any_event_every_expected_source_is_loading_in_the_expected_order() {
    SourceProgress progress = SourceProgress.expecting(expected());

    assertThat(progress.rows())
        .extracting(SourceProgress.Row::id, SourceProgress.Row::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("gp", SourceProgress.LOADING),
            org.assertj.core.groups.Tuple.tuple("acute", SourceProgress.LOADING),
            org.assertj.core.groups.Tuple.tuple("mental-health", SourceProgress.LOADING));
    assertThat(progress.loading()).isEqualTo(3);
    assertThat(progress.headline())
        .isEqualTo("Loading: 0 of 3 sources have answered so far. The record is not complete yet.");
  }

  @Test
  void a_source_event_gives_that_source_its_status_and_leaves_the_others_loading() {
    SourceProgress progress =
        SourceProgress.expecting(expected())
            .arrived(event("acute", "Riverside University Hospitals", "TIMEOUT", null));

    assertThat(progress.rows())
        .extracting(SourceProgress.Row::status)
        .containsExactly(SourceProgress.LOADING, "TIMEOUT", SourceProgress.LOADING);
    assertThat(progress.rows().get(1)).isInstanceOf(SourceProgress.Answered.class);
    assertThat(progress.answered()).isEqualTo(1);
    assertThat(progress.headline()).startsWith("Loading: 1 of 3 sources have answered");
  }

  @Test
  void a_source_nobody_expected_is_added_at_the_end_rather_than_dropped() {
    SourceProgress progress =
        SourceProgress.expecting(expected())
            .arrived(event("pharmacy", "Community pharmacy", "OK", null));

    assertThat(progress.rows())
        .extracting(SourceProgress.Row::id)
        .containsExactly("gp", "acute", "mental-health", "pharmacy");
    assertThat(progress.rows().getLast().name()).isEqualTo("Community pharmacy");
  }

  @Test
  void with_nothing_expected_the_headline_still_says_the_record_is_loading() {
    assertThat(SourceProgress.expecting(Map.of()).headline())
        .isEqualTo("Loading: waiting for the first source to answer.");
  }

  @Test
  void each_sources_allergies_are_listed_provisionally_with_the_source_name() {
    SourceProgress progress =
        SourceProgress.expecting(expected())
            .arrived(
                event(
                    "gp",
                    "GP practice",
                    "OK",
                    allergies(
                        false,
                        allergy("Allergy to penicillin", "ACTIVE"),
                        allergy("Latex", "RESOLVED"))));

    assertThat(progress.allergies())
        .containsExactly(
            new SourceProgress.ProvisionalAllergy(
                "Allergy to penicillin", "gp", "GP practice", "ACTIVE"),
            new SourceProgress.ProvisionalAllergy("Latex", "gp", "GP practice", "RESOLVED"));
  }

  @Test
  void a_withheld_allergy_section_adds_nothing_and_a_repeated_event_replaces_the_earlier_one() {
    SourceProgress first =
        SourceProgress.expecting(expected())
            .arrived(
                event("gp", "GP practice", "OK", allergies(false, allergy("Penicillin", "ACTIVE"))))
            .arrived(
                event(
                    "acute",
                    "Riverside University Hospitals",
                    "OK",
                    allergies(true, allergy("Should not show", "ACTIVE"))));
    SourceProgress again =
        first.arrived(
            event("gp", "GP practice", "OK", allergies(false, allergy("Aspirin", "ACTIVE"))));

    assertThat(first.allergies())
        .extracting(SourceProgress.ProvisionalAllergy::display)
        .containsExactly("Penicillin");
    assertThat(again.allergies())
        .extracting(SourceProgress.ProvisionalAllergy::display)
        .containsExactly("Aspirin");
    assertThat(again.rows()).hasSize(3);
  }

  @Test
  void a_source_may_appear_only_once() {
    List<SourceProgress.Row> twice =
        List.of(new SourceProgress.Loading("gp", "GP"), new SourceProgress.Loading("gp", "GP"));

    assertThatThrownBy(() -> new SourceProgress(twice, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Each source may appear once");
  }

  @Test
  void the_live_strip_says_loading_for_waiting_sources_and_the_outcome_for_answered_ones() {
    SourceProgress progress =
        SourceProgress.expecting(expected()).arrived(event("gp", "GP practice", "OK", null));

    LiveSourceStrip strip = new LiveSourceStrip(progress, NOW);

    assertThat(strip.getElement().getAttribute("data-state")).isEqualTo("loading");
    assertThat(strip.getElement().getAttribute("aria-busy")).isEqualTo("true");
    assertThat(Rendered.byId(strip, "source-gp").orElseThrow().getAttribute("data-status"))
        .isEqualTo("OK");
    assertThat(Rendered.text(strip, "source-gp")).contains("Loaded");
    assertThat(Rendered.byId(strip, "source-acute").orElseThrow().getAttribute("data-status"))
        .isEqualTo(SourceProgress.LOADING);
    assertThat(Rendered.text(strip, "source-acute")).contains("Loading…");
    assertThat(Rendered.text(strip, "source-status-progress")).contains("1 of 3");
  }

  @Test
  void the_final_strip_is_marked_complete_so_nobody_mistakes_the_live_one_for_it() {
    SourceStatusStrip strip =
        new SourceStatusStrip(
            List.of(new SourceView("gp", "GP practice", "OK", 143, false, null, null, null)), NOW);

    assertThat(strip.getElement().getAttribute("data-state")).isEqualTo("complete");
  }

  @Test
  void provisional_allergies_are_hidden_until_a_source_sends_one_and_then_name_it() {
    ProvisionalAllergies none = new ProvisionalAllergies(List.of());
    ProvisionalAllergies some =
        new ProvisionalAllergies(
            List.of(
                new SourceProgress.ProvisionalAllergy(
                    "Allergy to penicillin", "gp", "GP practice", "ACTIVE"),
                new SourceProgress.ProvisionalAllergy("Latex", "gp", "GP practice", "RESOLVED")));

    assertThat(none.isVisible()).isFalse();
    assertThat(some.isVisible()).isTrue();
    assertThat(some.getElement().getTextRecursively())
        .contains("(provisional)")
        .contains("Allergy to penicillin — GP practice")
        .contains("Latex (resolved) — GP practice");
  }

  @Test
  void the_banner_skeleton_shows_the_launched_nhs_number_and_no_allergy_status() {
    BannerSkeleton skeleton = new BannerSkeleton("9990000018");

    assertThat(Rendered.text(skeleton, "banner-skeleton-nhs-number")).contains("999 000 0018");
    assertThat(Rendered.text(skeleton, "banner-skeleton-allergies"))
        .isEqualTo(BannerSkeleton.ALLERGIES_LOADING);
    assertThat(Rendered.byId(skeleton, "banner-allergy-title")).isEmpty();
  }
}
