package org.carelens.portal.ig;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.carelens.portal.gateway.BreakGlassReviewItem;
import org.carelens.portal.record.ConsentPrompts;
import org.carelens.portal.record.CuiFormat;
import org.jspecify.annotations.Nullable;

/** Words for the break-glass review queue: who, for whom, why, until when, and the review. */
public final class BreakGlassFormat {

  /** The most an acknowledgement note may hold; the gateway refuses longer ones. */
  public static final int MAX_NOTE = 2000;

  private BreakGlassFormat() {}

  /** The user as the audit trail named them: {@code Dr Amira Khan (555010000101)}. */
  public static String user(BreakGlassReviewItem item) {
    String name = text(item.userName());
    if (item.userId() == null) {
      return name;
    }
    return name.isEmpty() ? item.userId() : name + " (" + item.userId() + ")";
  }

  /** The patient's NHS number in CUI groups, {@code 999 000 0018}; empty when none was recorded. */
  public static String patient(BreakGlassReviewItem item) {
    return item.patient() == null ? "" : CuiFormat.nhsNumber(item.patient());
  }

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
      return "Not recorded";
    }
    try {
      return AuditFormat.dateTime(Instant.parse(item.expiresAt()), zone);
    } catch (DateTimeParseException e) {
      return item.expiresAt();
    }
  }

  /** "Open", or who acknowledged it, when, and their note. */
  public static String review(BreakGlassReviewItem item, ZoneId zone) {
    return item.acknowledgementIfAny()
        .map(
            a ->
                "Acknowledged "
                    + AuditFormat.dateTime(a.time(), zone)
                    + Optional.ofNullable(a.userName()).map(n -> " by " + n).orElse("")
                    + Optional.ofNullable(a.note()).map(n -> ": " + n).orElse(""))
        .orElse("Open");
  }

  /**
   * The note an officer typed, stripped.
   *
   * @throws IllegalArgumentException when it is blank or too long, with words for the officer
   */
  public static String note(@Nullable String typed) {
    String note = typed == null ? "" : typed.strip();
    if (note.isEmpty()) {
      throw new IllegalArgumentException(
          "Write a note saying what the review found before acknowledging.");
    }
    if (note.length() > MAX_NOTE) {
      throw new IllegalArgumentException(
          "The note must be at most %d characters, was %d".formatted(MAX_NOTE, note.length()));
    }
    return note;
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }
}
