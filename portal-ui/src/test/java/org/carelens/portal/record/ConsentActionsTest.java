package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.carelens.portal.Rendered;
import org.carelens.portal.gateway.BreakGlassState;
import org.carelens.portal.gateway.GatewayClient;
import org.carelens.portal.gateway.PatientView;
import org.carelens.portal.gateway.RecordView;
import org.carelens.portal.gateway.Sections;
import org.carelens.portal.gateway.SourceView;
import org.carelens.portal.launch.LaunchSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ConsentActionsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T04:00:00Z"), ZoneId.of("Europe/London"));
  // Never called: forView only builds components; the gateway is asked when a button is pressed.
  private static final GatewayClient GATEWAY =
      new GatewayClient(URI.create("http://localhost:9"), JsonMapper.createDefault());
  private static final SourceView NEEDS_PERMISSION =
      new SourceView(
          "mental-health",
          "Mental health trust",
          "WITHHELD",
          1,
          false,
          null,
          "PERMISSION_TO_VIEW_REQUIRED",
          null);

  @AfterAll
  static void close() {
    GATEWAY.close();
  }

  @Test
  void a_clinician_is_asked_for_the_patients_permission_and_offered_break_glass() {
    List<Div> shown = actions("clinician").forView(record(BreakGlassState.INACTIVE));

    Div box = shown.getFirst();
    assertThat(Rendered.text(box, "permission-prompt"))
        .isEqualTo("Ask the patient: may you view their shared record from Mental health trust?");
    assertThat(Rendered.byId(box, "permission-record")).isPresent();
    assertThat(Rendered.byId(box, "break-glass-open")).isPresent();
  }

  @Test
  void active_break_glass_is_shown_with_its_expiry_and_not_offered_again() {
    List<Div> shown =
        actions("clinician")
            .forView(record(new BreakGlassState(true, Instant.parse("2026-11-22T04:30:00Z"))));

    assertThat(shown.getFirst().getId()).contains("break-glass-active");
    assertThat(Rendered.text(shown.getFirst(), "break-glass-active"))
        .startsWith("Emergency (break-glass) access is active until 22-Nov-2026 04:30.");
    assertThat(shown)
        .noneSatisfy(d -> assertThat(Rendered.byId(d, "break-glass-open")).isPresent());
  }

  @Test
  void an_ig_officer_is_offered_no_consent_actions() {
    assertThat(actions("ig-officer").forView(record(BreakGlassState.INACTIVE))).isEmpty();
  }

  private static ConsentActions actions(String role) {
    LaunchSession launch =
        new LaunchSession(
            "token", Instant.parse("2026-11-22T05:00:00Z"), "9990000018", "Dr A", role, "OOH");
    return new ConsentActions(GATEWAY, launch, "9990000018", CLOCK);
  }

  private static RecordView record(BreakGlassState breakGlass) {
    return new RecordView(
        new PatientView("9990000018", null, null, null, null, null, null, null, false),
        List.of(NEEDS_PERMISSION),
        new Sections(null, null),
        List.of(),
        null,
        null,
        List.of("PROMPT_FOR_PERMISSION"),
        breakGlass);
  }
}
