package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.dom.Element;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.carelens.portal.Rendered;
import org.carelens.portal.gateway.SourceView;
import org.junit.jupiter.api.Test;

class SourceStatusStripTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T04:00:00Z"), LONDON);

  private static String badgeTheme(SourceStatusStrip strip, String sourceId) {
    return Rendered.byId(strip, "source-" + sourceId)
        .flatMap(
            item -> Rendered.all(item).filter(e -> e.getTag().equals("vaadin-badge")).findFirst())
        .map(e -> e.getAttribute("theme"))
        .orElseThrow();
  }

  @Test
  void every_source_is_shown_with_its_status_in_words_including_the_failed_ones() {
    List<SourceView> sources =
        List.of(
            new SourceView("gp", "GP practice", "OK", 143, false, null, null, null),
            new SourceView(
                "acute",
                "Hospital",
                "TIMEOUT",
                3000,
                true,
                Instant.parse("2026-11-22T03:52:00Z"),
                null,
                "No answer within 3 s"),
            new SourceView(
                "mh",
                "Mental health",
                "WITHHELD",
                12,
                false,
                null,
                "NO_PATIENT_CONSENT",
                "Dissent"),
            new SourceView("sc", "Social care", "CIRCUIT_OPEN", 0, false, null, null, null));

    SourceStatusStrip strip = new SourceStatusStrip(sources, NOW);

    assertThat(Rendered.text(strip, "source-gp")).contains("GP practice").contains("Loaded");
    assertThat(Rendered.text(strip, "source-acute"))
        .contains("Timed out")
        .contains("3.0 s · cached, as of 22-Nov-2026 03:52, 8 min old")
        .contains("No answer within 3 s");
    assertThat(Rendered.text(strip, "source-mh")).contains("Withheld").contains("Dissent");
    assertThat(Rendered.text(strip, "source-mh-reason"))
        .isEqualTo("The patient has not consented to sharing from this source");
    assertThat(Rendered.text(strip, "source-sc")).contains("Unavailable");
    assertThat(Rendered.text(strip, "source-status-incomplete"))
        .isEqualTo("2 sources could not be read: this record may be incomplete.");
  }

  @Test
  void failures_look_different_from_success() {
    List<SourceView> sources =
        List.of(
            new SourceView("gp", "GP practice", "OK", 1, false, null, null, null),
            new SourceView("acute", "Hospital", "ERROR", 1, false, null, null, "HTTP 500"),
            new SourceView("mh", "Mental health", "NO_RECORD", 1, false, null, null, null));

    SourceStatusStrip strip = new SourceStatusStrip(sources, NOW);

    assertThat(badgeTheme(strip, "gp")).isEqualTo("success");
    assertThat(badgeTheme(strip, "acute")).isEqualTo("error");
    assertThat(badgeTheme(strip, "mh")).isEqualTo("contrast");
    assertThat(Rendered.byId(strip, "source-acute").map(e -> e.getAttribute("title")))
        .contains("HTTP 500");
  }

  @Test
  void a_view_where_everything_loaded_raises_no_incompleteness_warning() {
    SourceStatusStrip strip =
        new SourceStatusStrip(
            List.of(new SourceView("gp", "GP practice", "OK", 1, false, null, null, null)), NOW);

    assertThat(Rendered.byId(strip, "source-status-incomplete")).isEmpty();
    assertThat(Rendered.all(strip.getElement()).map(Element::getTag)).contains("h2");
  }
}
