package org.carelens.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The portal's audit search offers every event type the gateway audits, and no other: an IG officer
 * must be able to filter the trail by break-glass, claims, dissent and the rest. The portal cannot
 * depend on the gateway's classes, so this reads its event list from the portal's source.
 */
class PortalAuditEventsTest {

  static final Path IG_AUDIT_VIEW =
      Path.of("..", "portal-ui", "src", "main", "java", "org", "carelens", "portal", "ig")
          .resolve("IgAuditView.java");

  @Test
  void the_portals_event_filter_lists_exactly_the_gateways_audit_event_types() throws Exception {
    String source = Files.readString(IG_AUDIT_VIEW);
    int start = source.indexOf("static final List<String> EVENTS =");
    assertThat(start).as("EVENTS list in " + IG_AUDIT_VIEW).isNotNegative();
    String list = source.substring(start, source.indexOf(");", start));
    Matcher names = Pattern.compile("\"([A-Z_]+)\"").matcher(list);
    List<String> portal = names.results().map(m -> m.group(1)).toList();

    assertThat(portal)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(AuditEventType.values()).map(Enum::name).toList());
  }
}
