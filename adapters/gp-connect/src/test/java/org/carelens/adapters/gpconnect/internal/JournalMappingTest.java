package org.carelens.adapters.gpconnect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import org.carelens.adapters.gpconnect.Fixtures;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.EncounterItem;
import org.carelens.sdk.model.ImmunisationItem;
import org.carelens.sdk.model.ReferralItem;
import org.carelens.sdk.model.ResultItem;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SourceRecord;
import org.hl7.fhir.dstu3.model.Bundle;
import org.junit.jupiter.api.Test;

/** A structured record recorded from the GP practice simulator for the showcase patient. */
class JournalMappingTest {

  private static final SourceRecord RECORD = map();

  @Test
  void immunisations_are_coded_by_their_vaccination_procedure() {
    assertThat(RECORD.section(Section.IMMUNISATIONS).orElseThrow().items())
        .hasSize(5)
        .first()
        .isInstanceOfSatisfying(
            ImmunisationItem.class,
            i -> {
              assertThat(i.concept().code()).isEqualTo("822851000000102");
              assertThat(i.status()).isEqualTo(ImmunisationItem.Status.COMPLETED);
              assertThat(i.date()).contains(LocalDate.of(2026, 10, 25));
              assertThat(i.provenance().sourceItemId()).isEqualTo("9990000018-imm-1");
            });
  }

  @Test
  void consultations_are_gp_encounters_with_the_reason_summary_and_clinician() {
    assertThat(RECORD.section(Section.ENCOUNTERS).orElseThrow().items())
        .hasSize(3)
        .allSatisfy(
            item -> {
              EncounterItem encounter = (EncounterItem) item;
              assertThat(encounter.kind()).isEqualTo(EncounterItem.Kind.GP_CONSULTATION);
              assertThat(encounter.start()).isPresent();
              assertThat(encounter.summary()).isPresent();
              assertThat(encounter.clinician()).contains("Dr Sarah Patel");
              assertThat(encounter.location()).contains("Riverside Medical Practice");
            });
  }

  @Test
  void a_consultation_recorded_to_the_day_has_no_time() {
    assertThat(RECORD.section(Section.ENCOUNTERS).orElseThrow().items())
        .map(EncounterItem.class::cast)
        .filteredOn(e -> e.start().equals(Optional.of(LocalDate.of(2025, 4, 4))))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.startTime()).isEmpty();
              assertThat(e.endTime()).isEmpty();
            });
  }

  @Test
  void a_consultation_recorded_with_a_time_keeps_it() {
    SourceRecord record =
        map(
            Fixtures.text("structured-record-journal.json")
                .replace("\"start\": \"2025-04-04\"", "\"start\": \"2025-04-04T08:40:00Z\""));

    assertThat(consultationOn(record, LocalDate.of(2025, 4, 4)).startTime())
        .contains(OffsetDateTime.parse("2025-04-04T08:40:00Z"));
  }

  @Test
  void a_consultation_time_keeps_the_practices_offset_and_its_local_day() {
    // 00:15 BST on 8 September is 23:15 UTC on the 7th: the day stays the one the practice wrote.
    SourceRecord record =
        map(
            Fixtures.text("structured-record-journal.json")
                .replace(
                    "\"start\": \"2025-09-08\"",
                    "\"start\": \"2025-09-08T00:15:00+01:00\", \"end\": \"2025-09-08T00:35:00+01:00\""));

    EncounterItem consultation = consultationOn(record, LocalDate.of(2025, 9, 8));
    assertThat(consultation.startTime())
        .contains(OffsetDateTime.parse("2025-09-08T00:15:00+01:00"));
    assertThat(consultation.endTime()).contains(OffsetDateTime.parse("2025-09-08T00:35:00+01:00"));
    assertThat(consultation.end()).contains(LocalDate.of(2025, 9, 8));
  }

  @Test
  void a_time_without_an_offset_keeps_only_its_day() {
    org.hl7.fhir.dstu3.model.DateTimeType noOffset = new org.hl7.fhir.dstu3.model.DateTimeType();
    noOffset.setValueAsString("2025-04-04T08:40:00");

    assertThat(Stu3Values.day(noOffset)).contains(LocalDate.of(2025, 4, 4));
    assertThat(Stu3Values.time(noOffset)).isEmpty();
  }

  private static EncounterItem consultationOn(SourceRecord record, LocalDate day) {
    return record.section(Section.ENCOUNTERS).orElseThrow().items().stream()
        .map(EncounterItem.class::cast)
        .filter(e -> e.start().equals(Optional.of(day)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void an_outbound_referral_keeps_its_service_recipient_and_priority() {
    assertThat(RECORD.section(Section.REFERRALS).orElseThrow().items())
        .singleElement()
        .isInstanceOfSatisfying(
            ReferralItem.class,
            r -> {
              assertThat(r.requestedDate()).contains(LocalDate.of(2026, 10, 24));
              assertThat(r.recipient()).contains("Riverside University Hospitals NHS Trust");
              assertThat(r.priority()).isPresent();
            });
  }

  @Test
  void investigations_and_uncategorised_observations_become_results_with_ranges_and_flags() {
    var results = RECORD.section(Section.RESULTS).orElseThrow().items();

    assertThat(results).hasSize(6);
    assertThat(results)
        .filteredOn(r -> ((ResultItem) r).report().orElse("").equals("Urea and electrolytes"))
        .hasSize(3)
        .allSatisfy(
            r -> {
              ResultItem result = (ResultItem) r;
              assertThat(result.concept().system()).isEqualTo("http://loinc.org");
              assertThat(result.referenceRange()).isPresent();
              assertThat(result.flag()).isNotEqualTo(ResultItem.Flag.NOT_GIVEN);
              assertThat(result.unit()).contains(result.unit().orElseThrow());
            });
    assertThat(results)
        .filteredOn(r -> ((ResultItem) r).report().orElse("").equals("Uncategorised data"))
        .extracting(r -> r.concept().display())
        .contains("Systolic blood pressure", "Body weight");
  }

  @Test
  void a_report_result_missing_from_the_bundle_costs_only_that_result() {
    String json =
        Fixtures.text("structured-record-journal.json")
            .replace(
                "\"Observation/9990000018-inv-1-2\"", "\"Observation/9990000018-inv-1-missing\"");

    SourceRecord record = map(json);

    var results = record.section(Section.RESULTS).orElseThrow();
    assertThat(results.items()).hasSize(5);
    assertThat(results.completeness())
        .isInstanceOfSatisfying(
            Completeness.Partial.class,
            partial -> {
              assertThat(partial.unreadableItems()).isEqualTo(1);
              assertThat(partial.reason())
                  .isEqualTo("1 DiagnosticReport referring to an Observation not in the bundle")
                  .doesNotContain("9990000018");
            });
  }

  @Test
  void the_recorded_journal_reads_completely() {
    assertThat(RECORD.sections().values())
        .allSatisfy(section -> assertThat(section.completeness().isComplete()).isTrue());
  }

  private static SourceRecord map() {
    return map(Fixtures.text("structured-record-journal.json"));
  }

  private static SourceRecord map(String json) {
    try {
      Bundle bundle = Gpc.jsonParser().parseResource(Bundle.class, json);
      return new GpConnectBundleMapper("gp")
          .map(
              bundle,
              Fixtures.FULL_PATIENT,
              EnumSet.of(
                  Section.ENCOUNTERS, Section.IMMUNISATIONS, Section.REFERRALS, Section.RESULTS));
    } catch (MalformedBundleException e) {
      throw new AssertionError(e);
    }
  }
}
