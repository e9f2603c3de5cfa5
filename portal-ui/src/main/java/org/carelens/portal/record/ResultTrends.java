package org.carelens.portal.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.carelens.portal.gateway.ResultEntry;
import org.jspecify.annotations.Nullable;

/**
 * Results grouped by test, for trends (issue 13): the latest value, its flag, the change since the
 * one before, and a small SVG chart with the reference range as a band. Pure: charts are drawn on
 * the server as SVG text (no chart component, no script), and every chart has words that say the
 * same for screen readers.
 */
public final class ResultTrends {

  private static final Pattern RANGE =
      Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s*[-–]\\s*(-?\\d+(?:\\.\\d+)?)\\s*");

  static final int WIDTH = 160;
  static final int HEIGHT = 36;
  private static final int PAD = 4;

  private ResultTrends() {}

  /**
   * One test's results, oldest first.
   *
   * @param test the test's name as the laboratory gave it (of the latest result)
   * @param unit the unit of every value in the group; a different unit is a different group
   */
  public record Trend(String test, String unit, List<ResultEntry> results) {

    public Trend {
      Objects.requireNonNull(test, "test");
      Objects.requireNonNull(unit, "unit");
      results = List.copyOf(results);
      if (results.isEmpty()) {
        throw new IllegalArgumentException(
            "a trend needs at least one result, " + test + " had none");
      }
    }

    public ResultEntry latest() {
      return results.getLast();
    }

    public Optional<ResultEntry> previous() {
      return results.size() < 2 ? Optional.empty() : Optional.of(results.get(results.size() - 2));
    }

    /** A chart helps only with at least two numeric values. */
    public boolean chartable() {
      return results.stream().filter(r -> number(r.value()).isPresent()).count() >= 2;
    }

    /** The element id stem: {@code trend-creatinine}. */
    public String key() {
      return "trend-"
          + test.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
  }

  /**
   * Results grouped by test name and unit (two codes for one test, e.g. two creatinine LOINC codes,
   * are one group), each oldest first; groups in the order of their latest result, newest first.
   * Results without a date are left out of trends (they stay in the results table).
   */
  public static List<Trend> of(List<ResultEntry> results) {
    Map<String, List<ResultEntry>> groups = new LinkedHashMap<>();
    results.stream()
        .filter(r -> r.effectiveDate() != null)
        .sorted(Comparator.comparing(ResultEntry::effectiveDate).thenComparing(ResultEntry::id))
        .forEach(
            r ->
                groups
                    .computeIfAbsent(
                        r.concept().display().strip().toLowerCase(Locale.UK)
                            + "|"
                            + ItemWords.text(r.unit()),
                        k -> new ArrayList<>())
                    .add(r));
    return groups.values().stream()
        .map(
            g ->
                new Trend(
                    g.getLast().concept().display().strip(), ItemWords.text(g.getLast().unit()), g))
        .sorted(
            Comparator.comparing((Trend t) -> t.latest().effectiveDate(), Comparator.reverseOrder())
                .thenComparing(t -> t.test().toLowerCase(Locale.UK)))
        .toList();
  }

  /**
   * The change since the previous result, in words: "↑ 6 from 55 (20-Aug-2026)", "No change from
   * 20-Aug-2026", "First result", or "Previous 110 (20-Aug-2026)" when a value is not a number.
   */
  public static String change(Trend trend) {
    Optional<ResultEntry> previous = trend.previous();
    if (previous.isEmpty()) {
      return "First result";
    }
    ResultEntry before = previous.get();
    String when = " (" + ItemWords.date(before.effectiveDate()) + ")";
    Optional<BigDecimal> now = number(trend.latest().value());
    Optional<BigDecimal> then = number(before.value());
    if (now.isEmpty() || then.isEmpty()) {
      return "Previous " + ItemWords.text(before.value()) + when;
    }
    int sign = now.get().compareTo(then.get());
    if (sign == 0) {
      return "No change from " + ItemWords.date(before.effectiveDate());
    }
    String delta = now.get().subtract(then.get()).abs().stripTrailingZeros().toPlainString();
    return (sign > 0 ? "↑ " : "↓ ") + delta + " from " + then.get().toPlainString() + when;
  }

  /** The words a screen reader hears for the chart: every value with its date, and the range. */
  public static String description(Trend trend) {
    String values =
        trend.results().stream()
            .map(r -> ItemWords.text(r.value()) + " on " + ItemWords.date(r.effectiveDate()))
            .collect(Collectors.joining(", "));
    String range =
        Optional.ofNullable(trend.latest().referenceRange())
            .filter(r -> !r.isBlank())
            .map(r -> "; reference range " + r.strip())
            .orElse("; no reference range given");
    return trend.test()
        + " trend"
        + (trend.unit().isEmpty() ? "" : " (" + trend.unit() + ")")
        + ": "
        + values
        + range;
  }

  /**
   * A sparkline: time along x, value up y, the latest result's reference range as a shaded band,
   * each value as a dot (abnormal ones hollow and larger, so the chart never relies on colour).
   * Only numeric values are drawn.
   */
  public static String svg(Trend trend) {
    List<ResultEntry> points =
        trend.results().stream().filter(r -> number(r.value()).isPresent()).toList();
    Optional<double[]> range = range(trend.latest().referenceRange());
    double min = points.stream().mapToDouble(r -> value(r)).min().orElse(0);
    double max = points.stream().mapToDouble(r -> value(r)).max().orElse(1);
    if (range.isPresent()) {
      min = Math.min(min, range.get()[0]);
      max = Math.max(max, range.get()[1]);
    }
    if (max - min < 1e-9) {
      max = min + 1;
    }
    LocalDate first = points.getFirst().effectiveDate();
    long days = Math.max(1, ChronoUnit.DAYS.between(first, points.getLast().effectiveDate()));
    StringBuilder svg = new StringBuilder();
    svg.append(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">"
            .formatted(WIDTH, HEIGHT, WIDTH, HEIGHT, escape(description(trend))));
    svg.append("<title>").append(escape(description(trend))).append("</title>");
    if (range.isPresent()) {
      double top = y(range.get()[1], min, max);
      double bottom = y(range.get()[0], min, max);
      svg.append(
          "<rect class=\"range\" x=\"0\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#2e7d3233\"/>"
              .formatted(top, WIDTH, Math.max(1, bottom - top)));
    }
    StringBuilder line = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (ResultEntry r : points) {
      double x =
          PAD + (WIDTH - 2.0 * PAD) * ChronoUnit.DAYS.between(first, r.effectiveDate()) / days;
      double y = y(value(r), min, max);
      line.append(line.isEmpty() ? "" : " ").append("%.1f,%.1f".formatted(x, y));
      boolean abnormal = ResultFlags.abnormal(r.flag());
      dots.append(
          abnormal
              ? "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#fff\" stroke=\"#b71c1c\" stroke-width=\"2\"/>"
                  .formatted(x, y)
              : "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#1a3b5d\"/>".formatted(x, y));
    }
    svg.append(
        "<polyline points=\"%s\" fill=\"none\" stroke=\"#1a3b5d\" stroke-width=\"1.5\"/>"
            .formatted(line));
    svg.append(dots).append("</svg>");
    return svg.toString();
  }

  private static double y(double value, double min, double max) {
    return PAD + (HEIGHT - 2.0 * PAD) * (1 - (value - min) / (max - min));
  }

  private static double value(ResultEntry r) {
    return number(r.value()).orElseThrow().doubleValue();
  }

  /** "59-104" as low and high; empty when the range is not two numbers (e.g. "&lt;5"). */
  static Optional<double[]> range(@Nullable String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = RANGE.matcher(text);
    return m.matches()
        ? Optional.of(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))})
        : Optional.empty();
  }

  static Optional<BigDecimal> number(@Nullable String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(value.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
