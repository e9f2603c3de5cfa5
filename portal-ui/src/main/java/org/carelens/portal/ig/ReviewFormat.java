package org.carelens.portal.ig;

import java.time.ZoneId;
import org.carelens.portal.gateway.ReviewItem;
import org.carelens.portal.record.CuiFormat;
import org.jspecify.annotations.Nullable;

/** Words every IG review queue shows the same way: who, for whom, and where the review stands. */
public final class ReviewFormat {

  /** The most an acknowledgement note may hold; the gateway refuses longer ones. */
  public static final int MAX_NOTE = 2000;

  /** What an empty or missing field says, so an officer sees that nothing was recorded. */
  static final String NOT_RECORDED = "Not recorded";

  private ReviewFormat() {}

  /** The user as the audit trail named them: {@code Dr Amira Khan (555010000101)}. */
  public static String user(ReviewItem item) {
    String name = item.userName() == null ? "" : item.userName();
    if (item.userId() == null) {
      return name;
    }
    return name.isEmpty() ? item.userId() : name + " (" + item.userId() + ")";
  }

  /** The patient's NHS number in CUI groups, {@code 999 000 0018}; empty when none was recorded. */
  public static String patient(ReviewItem item) {
    return nhsNumber(item.patient());
  }

  /** Ten digits in CUI groups, {@code 999 000 0018}; empty for none. */
  static String nhsNumber(@Nullable String digits) {
    return digits == null ? "" : CuiFormat.nhsNumber(digits);
  }

  /** The value as recorded, or "Not recorded" when there is none. */
  static String recorded(@Nullable String value) {
    return value == null || value.isBlank() ? NOT_RECORDED : value;
  }

  /**
   * "Awaiting review", or who acknowledged it, when, and their note: {@code Acknowledged
   * 22-Nov-2026 09:00:00 by Pat Reviewer: Justified}.
   */
  public static String review(ReviewItem item, ZoneId zone) {
    return item.acknowledgementIfAny()
        .map(
            a -> {
              String by = a.userName() != null ? a.userName() : a.userId();
              return "Acknowledged "
                  + CuiFormat.dateTime(a.time(), zone)
                  + (by == null ? "" : " by " + by)
                  + (a.note() == null ? "" : ": " + a.note());
            })
        .orElse("Awaiting review");
  }

  /** How many entries a queue shows: {@code 0 declarations}, {@code 1 claim, newest first}. */
  static String count(int size, String one, String many) {
    return switch (size) {
      case 0 -> "0 " + many;
      case 1 -> "1 " + one;
      default -> size + " " + many + ", newest first";
    };
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
}
