package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTrendsTest {

  private static final LocalDate JUL = LocalDate.of(2026, 7, 13);
  private static final LocalDate AUG = LocalDate.of(2026, 8, 20);

  @Test
  void results_are_grouped_by_test_oldest_first_with_the_latest_and_the_change_since_the_last() {
    List<ResultTrends.Trend> trends =
        ResultTrends.of(
            List.of(
                Items.result("Creatinine", "55", "59-104", "LOW", AUG),
                Items.result("Sodium", "142", "133-146", "NORMAL", JUL),
                Items.result("Creatinine", "61", "59-104", "NORMAL", JUL)));

    assertThat(trends).extracting(ResultTrends.Trend::test).containsExactly("Creatinine", "Sodium");
    ResultTrends.Trend creatinine = trends.getFirst();
    assertThat(creatinine.latest().value()).isEqualTo("55");
    assertThat(ResultTrends.change(creatinine)).isEqualTo("↓ 6 from 61 (13-Jul-2026)");
    assertThat(ResultTrends.change(trends.get(1))).isEqualTo("First result");
    assertThat(creatinine.chartable()).isTrue();
    assertThat(trends.get(1).chartable()).isFalse();
  }

  @Test
  void the_chart_is_svg_with_the_reference_range_as_a_band_and_words_for_screen_readers() {
    ResultTrends.Trend trend =
        ResultTrends.of(
                List.of(
                    Items.result("Creatinine", "61", "59-104", "NORMAL", JUL),
                    Items.result("Creatinine", "55", "59-104", "LOW", AUG)))
            .getFirst();

    String svg = ResultTrends.svg(trend);

    assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("<rect class=\"range\"");
    assertThat(svg).contains("<polyline");
    assertThat(ResultTrends.description(trend))
        .isEqualTo(
            "Creatinine trend (umol/L): 61 on 13-Jul-2026, 55 on 20-Aug-2026; reference range 59-104");
    // An abnormal point is hollow and larger: not told by colour alone.
    assertThat(svg).contains("r=\"3.5\" fill=\"#fff\"");
  }

  @Test
  void a_value_that_is_not_a_number_is_reported_not_subtracted() {
    ResultTrends.Trend trend =
        ResultTrends.of(
                List.of(
                    Items.result("eGFR", ">90", "", "NORMAL", JUL),
                    Items.result("eGFR", "85", "", "NORMAL", AUG)))
            .getFirst();

    assertThat(ResultTrends.change(trend)).isEqualTo("Previous >90 (13-Jul-2026)");
  }

  @Test
  void the_trends_panel_offers_each_tests_values_as_a_table() {
    TrendsPanel panel =
        new TrendsPanel(
            "trends",
            "Results by test",
            ResultTrends.of(
                List.of(
                    Items.result("Creatinine", "61", "59-104", "NORMAL", JUL),
                    Items.result("Creatinine", "55", "59-104", "LOW", AUG))));

    assertThat(org.carelens.portal.Rendered.byId(panel, "trends-trend-creatinine-chart"))
        .isPresent();
    assertThat(org.carelens.portal.Rendered.text(panel, "trends-trend-creatinine-values"))
        .contains("2 values", "13-Jul-2026", "61 umol/L", "20-Aug-2026", "↓ Low");
  }
}
