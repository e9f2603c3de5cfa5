package org.carelens.portal.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.carelens.portal.gateway.PersonName;
import org.jspecify.annotations.Nullable;

/**
 * NHS Common User Interface display rules for names, dates, times, ages and NHS numbers. Every date
 * and time the portal shows goes through here, so they read the same on every page.
 */
public final class CuiFormat {

  // CUI dates always use three-letter English month abbreviations. Java's en-GB locale data
  // abbreviates September as "Sept", so the names are spelled out here rather than taken from it.
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  /** The zone UK clinical systems show times in, where no viewer's clock says otherwise. */
  public static final ZoneId UK = ZoneId.of("Europe/London");

  private CuiFormat() {}

  /**
   * CUI patient name: family name in capitals, a comma, given names, then the title in brackets —
   * {@code JONES, Margaret (Mrs)}.
   */
  public static String patientName(PersonName name) {
    StringBuilder out = new StringBuilder(name.family().strip().toUpperCase(Locale.UK));
    String given =
        name.given().stream()
            .map(String::strip)
            .filter(g -> !g.isEmpty())
            .collect(Collectors.joining(" "));
    if (!given.isEmpty()) {
      out.append(", ").append(given);
    }
    name.titleIfKnown().ifPresent(title -> out.append(" (").append(title.strip()).append(')'));
    return out.toString();
  }

  /** CUI date: {@code 12-Mar-1950}. */
  public static String date(LocalDate date) {
    return "%02d-%s-%04d"
        .formatted(date.getDayOfMonth(), MONTHS[date.getMonthValue() - 1], date.getYear());
  }

  /**
   * CUI date and time, in local time where the viewer is ({@code Europe/London} in the portal): a
   * 24-hour clock without seconds, {@code 12-Mar-2024 14:35}. British Summer Time is applied on the
   * day it is in force, so an instant reads as the clock on the wall read it.
   */
  public static String dateTime(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    return date(local.toLocalDate()) + " " + time(instant, zone);
  }

  /**
   * When a clinical event happened, as precisely as its source recorded it: the CUI date and local
   * time ({@code 12-Mar-2024 23:50}) when the source recorded a time, the CUI date alone ({@code
   * 12-Mar-2024}) when it recorded only the day, and empty when it recorded neither. A date-only
   * value is never given a time: {@code 00:00} would read as midnight.
   *
   * @param date the day as the source recorded it
   * @param time the same moment with its time and offset, or null when only the day is known
   */
  public static String when(@Nullable LocalDate date, @Nullable OffsetDateTime time, ZoneId zone) {
    if (time != null) {
      return dateTime(time.toInstant(), zone);
    }
    return date == null ? "" : date(date);
  }

  /** CUI time alone, local, 24-hour, without seconds: {@code 14:35}. */
  public static String time(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    return "%02d:%02d".formatted(local.getHour(), local.getMinute());
  }

  /**
   * CUI age, as of {@code today}: whole years for adults ({@code 76y}); years and months from 2 to
   * 18 ({@code 11y 6m}); months and days under 2 years; weeks and days under a year; days under
   * four weeks. Finer units matter clinically for children (doses are weight- and age-banded).
   *
   * @throws IllegalArgumentException if the birth date is after today
   */
  public static String age(LocalDate birthDate, LocalDate today) {
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(today, "today");
    if (birthDate.isAfter(today)) {
      throw new IllegalArgumentException(
          "Birth date %s is after today, %s".formatted(birthDate, today));
    }
    Period period = Period.between(birthDate, today);
    long days = ChronoUnit.DAYS.between(birthDate, today);
    if (period.getYears() >= 18) {
      return period.getYears() + "y";
    }
    if (period.getYears() >= 2) {
      return period.getYears() + "y " + period.getMonths() + "m";
    }
    if (period.getYears() >= 1) {
      return period.toTotalMonths() + "m " + period.getDays() + "d";
    }
    if (days >= 28) {
      return (days / 7) + "w " + (days % 7) + "d";
    }
    return days + "d";
  }

  /** Whole years between the birth date and today: the birthday itself counts. */
  public static int ageInYears(LocalDate birthDate, LocalDate today) {
    return Period.between(birthDate, today).getYears();
  }

  /**
   * CUI NHS number: three, three and four digits separated by spaces ({@code 943 476 5919}).
   * Anything that is not ten digits is shown as it came, so a malformed number is never disguised
   * as a valid one.
   */
  public static String nhsNumber(String digits) {
    if (digits.length() != 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return digits;
    }
    return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
  }

  /** Upper-cases the first letter of a wire word: {@code moderate} → {@code Moderate}. */
  public static String capitalised(String word) {
    String w = word.strip().replace('_', ' ').toLowerCase(Locale.UK);
    return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
