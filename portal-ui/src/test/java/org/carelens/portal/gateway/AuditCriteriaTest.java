package org.carelens.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditCriteriaTest {

  @Test
  void only_the_criteria_given_become_query_parameters() {
    AuditCriteria criteria =
        new AuditCriteria(
            Optional.of("9990000018"),
            Optional.of("  "),
            Optional.empty(),
            Optional.of("RECORD_VIEW"),
            Optional.of(Instant.parse("2026-11-01T00:00:00Z")),
            Optional.empty(),
            50);

    assertThat(criteria.parameters())
        .containsExactly(
            java.util.Map.entry("patient", "9990000018"),
            java.util.Map.entry("event", "RECORD_VIEW"),
            java.util.Map.entry("from", "2026-11-01T00:00:00Z"),
            java.util.Map.entry("limit", "50"));
  }

  @Test
  void a_bad_patient_limit_or_range_is_refused_with_what_was_wrong() {
    assertThatThrownBy(
            () ->
                new AuditCriteria(
                    Optional.of("999"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    10))
        .hasMessage("NHS number must be 10 digits, was '999'");
    assertThatThrownBy(
            () ->
                new AuditCriteria(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    1001))
        .hasMessage("Limit must be 1 to 1000, was 1001");
    assertThatThrownBy(
            () ->
                new AuditCriteria(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(Instant.parse("2026-11-02T00:00:00Z")),
                    Optional.of(Instant.parse("2026-11-01T00:00:00Z")),
                    10))
        .hasMessageStartingWith("The search starts (2026-11-02T00:00:00Z) after it ends");
  }
}
