package org.carelens.portal.ig;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.carelens.portal.gateway.BreakGlassReviewItem;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class BreakGlassFormatTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static BreakGlassReviewItem item(@Nullable String expiresAt) {
    return new BreakGlassReviewItem(
        42,
        Instant.parse("2026-11-22T03:10:00Z"),
        "open",
        "555010000101",
        "Dr Amira Khan",
        "clinician",
        "Y03012",
        "9990000018",
        "medical-emergency",
        "Unconscious in ED",
        expiresAt,
        null);
  }

  @Test
  void the_reason_code_is_shown_in_words() {
    String reason = BreakGlassFormat.reason(item(null));

    assertThat(reason).isEqualTo("Medical emergency");
  }

  @Test
  void the_expiry_is_shown_in_uk_local_time() {
    String expiry = BreakGlassFormat.expiry(item("2026-07-01T03:40:00Z"), LONDON);

    assertThat(expiry).isEqualTo("01-Jul-2026 04:40");
  }

  @Test
  void an_expiry_the_portal_cannot_read_is_shown_as_recorded() {
    String expiry = BreakGlassFormat.expiry(item("soon"), LONDON);

    assertThat(expiry).isEqualTo("soon");
  }

  @Test
  void a_missing_expiry_says_so() {
    String expiry = BreakGlassFormat.expiry(item(null), LONDON);

    assertThat(expiry).isEqualTo("Not recorded");
  }
}
