package org.carelens.portal.ig;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.carelens.portal.gateway.BreakGlassReviewItem;
import org.carelens.portal.record.ConsentPrompts;
import org.carelens.portal.record.CuiFormat;

/** Words for what only a break-glass declaration has: its coded reason and its expiry. */
public final class BreakGlassFormat {

  private BreakGlassFormat() {}

  /** The agreement's reason code in words: {@code medical-emergency} → "Medical emergency". */
  public static String reason(BreakGlassReviewItem item) {
    return item.reason() == null ? "" : ConsentPrompts.reasonWords(item.reason());
  }

  /**
   * When the access lapsed or lapses, in CUI date and time. A value the portal cannot read as an
   * instant is shown as recorded rather than hidden, so the officer still sees what the trail says.
   */
  public static String expiry(BreakGlassReviewItem item, ZoneId zone) {
    if (item.expiresAt() == null || item.expiresAt().isBlank()) {
      return ReviewFormat.NOT_RECORDED;
    }
    try {
      return CuiFormat.dateTime(Instant.parse(item.expiresAt()), zone);
    } catch (DateTimeParseException e) {
      return item.expiresAt();
    }
  }
}
