package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.carelens.portal.gateway.Concept;
import org.carelens.portal.gateway.MedicationEntry;
import org.junit.jupiter.api.Test;

class MedicationLinesTest {

  private static MedicationEntry medication(String id, String display, String status) {
    return new MedicationEntry(
        id,
        new Concept("https://dmd.nhs.uk", "1", display),
        status,
        "REPEAT",
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        false,
        List.of());
  }

  @Test
  void active_medication_comes_before_inactive_and_each_group_reads_alphabetically() {
    List<MedicationEntry> items =
        List.of(
            medication("1", "Simvastatin 20mg tablets", "DISCONTINUED"),
            medication("2", "amlodipine 5mg tablets", "COMPLETED"),
            medication("3", "Ramipril 5mg capsules", "ACTIVE"),
            medication("4", "Bisoprolol 2.5mg tablets", "ACTIVE"));

    List<MedicationEntry> ordered = MedicationLines.ordered(items);

    assertThat(ordered).extracting(MedicationEntry::id).containsExactly("4", "3", "2", "1");
  }

  @Test
  void prescription_types_are_named_as_cui_names_them() {
    assertThat(MedicationLines.typeWords("ACUTE")).isEqualTo("Acute");
    assertThat(MedicationLines.typeWords("REPEAT")).isEqualTo("Repeat");
    assertThat(MedicationLines.typeWords("REPEAT_DISPENSING")).isEqualTo("Repeat dispensing");
    assertThat(MedicationLines.typeWords("UNKNOWN")).isEqualTo("Not known");
    assertThat(MedicationLines.typeWords(null)).isEqualTo("Not known");
  }

  @Test
  void a_discontinued_line_says_why_when_the_source_recorded_it() {
    MedicationEntry stopped =
        new MedicationEntry(
            "1",
            new Concept(null, null, "Simvastatin 20mg tablets"),
            "DISCONTINUED",
            "ACUTE",
            null,
            null,
            null,
            null,
            null,
            "Myalgia",
            List.of(),
            false,
            List.of());

    assertThat(MedicationLines.statusWords(stopped)).isEqualTo("Discontinued (Myalgia)");
    assertThat(MedicationLines.statusWords(medication("2", "x", "ACTIVE"))).isEqualTo("Active");
  }
}
