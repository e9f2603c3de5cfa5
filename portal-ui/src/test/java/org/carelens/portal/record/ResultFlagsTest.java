package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.carelens.portal.gateway.Concept;
import org.carelens.portal.gateway.ResultEntry;
import org.junit.jupiter.api.Test;

class ResultFlagsTest {

  @Test
  void abnormal_flags_carry_words_and_a_direction_not_only_colour() {
    assertThat(ResultFlags.words("LOW")).isEqualTo("↓ Low");
    assertThat(ResultFlags.words("HIGH")).isEqualTo("↑ High");
    assertThat(ResultFlags.words("CRITICALLY_LOW")).isEqualTo("↓↓ Critically low");
    assertThat(ResultFlags.words("CRITICALLY_HIGH")).isEqualTo("↑↑ Critically high");
    assertThat(ResultFlags.words("ABNORMAL")).isEqualTo("! Abnormal");
    assertThat(ResultFlags.words("NORMAL")).isEqualTo("Normal");
    assertThat(ResultFlags.words("NOT_GIVEN")).isEmpty();
    assertThat(ResultFlags.words("SOMETHING_NEW")).isEqualTo("! Something new");
  }

  @Test
  void only_flags_outside_the_range_count_as_abnormal() {
    assertThat(ResultFlags.abnormal("LOW")).isTrue();
    assertThat(ResultFlags.abnormal("ABNORMAL")).isTrue();
    assertThat(ResultFlags.abnormal("NORMAL")).isFalse();
    assertThat(ResultFlags.abnormal("NOT_GIVEN")).isFalse();
    assertThat(ResultFlags.abnormal(null)).isFalse();
  }

  @Test
  void a_value_is_shown_with_its_unit() {
    assertThat(ResultFlags.valueWithUnit("55", "umol/L")).isEqualTo("55 umol/L");
    assertThat(ResultFlags.valueWithUnit("Not detected", null)).isEqualTo("Not detected");
    assertThat(ResultFlags.valueWithUnit(null, "g/L")).isEmpty();
  }

  @Test
  void renal_and_liver_tests_are_recognised_by_loinc_code_test_name_or_report() {
    assertThat(ResultGroups.renalOrHepatic(result("2160-0", "Creat", null, null))).isTrue();
    assertThat(ResultGroups.renalOrHepatic(result("x", "eGFR (CKD-EPI)", null, null))).isTrue();
    assertThat(ResultGroups.renalOrHepatic(result("x", "ALT", null, "Liver function tests")))
        .isTrue();
    assertThat(ResultGroups.renalOrHepatic(result("x", "Asthma control test", null, null)))
        .isFalse();
    assertThat(ResultGroups.renalOrHepatic(result("x", "Haemoglobin", null, "Full blood count")))
        .isFalse();
  }

  @Test
  void a_pharmacist_sees_renal_and_liver_results_first_and_everyone_sees_newest_first() {
    ResultEntry oldCreatinine = result("2160-0", "Creatinine", LocalDate.of(2025, 1, 1), null);
    ResultEntry newHb = result("718-7", "Haemoglobin", LocalDate.of(2026, 8, 9), null);
    ResultEntry newCreatinine = result("2160-0", "Creatinine", LocalDate.of(2026, 8, 9), null);

    List<ResultEntry> all = List.of(oldCreatinine, newHb, newCreatinine);

    assertThat(ResultGroups.ordered(all, "pharmacist"))
        .containsExactly(newCreatinine, oldCreatinine, newHb);
    assertThat(ResultGroups.ordered(all, "clinician"))
        .containsExactly(newCreatinine, newHb, oldCreatinine);
  }

  private static ResultEntry result(String loinc, String name, LocalDate date, String report) {
    return new ResultEntry(
        loinc + name + date,
        new Concept("http://loinc.org", loinc, name),
        "1",
        "u",
        null,
        "NORMAL",
        "FINAL",
        date,
        report,
        List.of(),
        false,
        List.of());
  }
}
