package org.carelens.portal.ig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carelens.portal.gateway.ChainVerification;
import org.junit.jupiter.api.Test;

class AuditFormatTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void nhs_numbers_are_accepted_as_people_type_them() {
    assertThat(AuditFormat.nhsNumber("999 000 0018")).contains("9990000018");
    assertThat(AuditFormat.nhsNumber("999-000-0018")).contains("9990000018");
    assertThat(AuditFormat.nhsNumber("  ")).isEmpty();
    assertThatThrownBy(() -> AuditFormat.nhsNumber("12345"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("NHS number must be 10 digits, was '12345'");
  }

  @Test
  void a_date_range_covers_whole_uk_days() {
    LocalDate day = LocalDate.of(2026, 7, 1);

    assertThat(AuditFormat.startOf(day, LONDON)).isEqualTo(Instant.parse("2026-06-30T23:00:00Z"));
    assertThat(AuditFormat.endOf(day, LONDON)).isEqualTo(Instant.parse("2026-07-01T22:59:59.999Z"));
  }

  @Test
  void the_chain_check_reads_as_a_sentence_either_way() {
    assertThat(AuditFormat.verification(new ChainVerification(true, 42, null)))
        .isEqualTo("Audit chain intact: 42 entries checked, none altered or removed.");
    assertThat(AuditFormat.verification(new ChainVerification(false, 42, 17L)))
        .isEqualTo(
            "Audit chain BROKEN: entry 17 does not follow from the one before it (42 entries"
                + " checked).");
  }

  @Test
  void record_view_details_summarise_sources_sections_and_what_was_withheld() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(
        "sources",
        List.of(
            Map.of("id", "gp", "status", "OK", "cached", false),
            Map.of(
                "id",
                "mental-health",
                "status",
                "WITHHELD",
                "cached",
                false,
                "reason",
                "PATIENT_DISSENT")));
    details.put("sectionsReturned", List.of("alerts", "allergies"));
    details.put("withheld", Map.of("medications", Map.of("reasonCode", "ROLE_NOT_PERMITTED")));
    details.put("itemsReturned", Map.of());

    assertThat(AuditFormat.details(details))
        .isEqualTo(
            "Sources: gp OK, mental-health WITHHELD PATIENT_DISSENT · Sections: alerts, allergies"
                + " · Withheld: medications (ROLE_NOT_PERMITTED)");
  }

  @Test
  void long_details_are_cut_to_a_readable_summary() {
    String summary = AuditFormat.details(Map.of("note", "x".repeat(1000)));

    assertThat(summary).hasSize(AuditFormat.MAX_DETAILS).endsWith("…");
  }
}
