package org.carelens.sdk.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The rule shared by items that carry a date and, when the source recorded one, a time. */
final class Times {

  private Times() {}

  /**
   * A time and its date must name the same day, as the source wrote it: a time without a date, or
   * on another day, means the adapter read two different values.
   */
  static void requireSameDay(
      String field, Optional<LocalDate> date, Optional<OffsetDateTime> time) {
    if (time.isEmpty()) {
      return;
    }
    LocalDate day = time.get().toLocalDate();
    if (date.isEmpty()) {
      throw new IllegalArgumentException(
          "%s has a time (%s) but no date; give its date, %s".formatted(field, time.get(), day));
    }
    if (!date.get().equals(day)) {
      throw new IllegalArgumentException(
          "%s is %s but its time %s falls on %s".formatted(field, date.get(), time.get(), day));
    }
  }
}
