package org.carelens.adapters.pharmacy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.EmptyReason;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Provenance;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.SourceRecord;

/**
 * Maps a dispensing document to medications: one item per medicine (dm+d code), with the latest
 * dispensing as "last issued" and its date range. A pharmacy sees supply, not prescribing
 * decisions, so a medicine is reported active while it was dispensed within the last 90 days, and
 * completed after that; it never says "discontinued".
 */
public final class DispensingMapper {

  /** Longer than the usual 28- or 56-day supply, so a repeat is not reported ended too early. */
  static final int ACTIVE_DAYS = 90;

  private DispensingMapper() {}

  /**
   * @throws MalformedDocumentException when the document is not a dispensing record for the patient
   */
  public static SourceRecord map(
      JsonNode document,
      NhsNumber nhsNumber,
      Set<Section> requested,
      String sourceId,
      String ods,
      String pharmacyName,
      Clock clock)
      throws MalformedDocumentException {
    if (!document.isObject() || !document.path("dispensed").isArray()) {
      throw new MalformedDocumentException(
          "the body is not a dispensing record (no \"dispensed\" array)");
    }
    if (!nhsNumber.value().equals(document.path("nhsNumber").asText())) {
      throw new MalformedDocumentException(
          "the dispensing record does not carry the requested NHS number; it may be another"
              + " patient's and was discarded");
    }
    Map<Section, SectionContent<?>> sections = new LinkedHashMap<>();
    if (requested.contains(Section.MEDICATIONS)) {
      sections.put(
          Section.MEDICATIONS,
          medications(document.path("dispensed"), sourceId, ods, pharmacyName, clock));
    }
    return new SourceRecord(Optional.empty(), sections);
  }

  private static SectionContent<MedicationItem> medications(
      JsonNode dispensed, String sourceId, String ods, String name, Clock clock) {
    Map<String, List<JsonNode>> byMedicine = new LinkedHashMap<>();
    for (JsonNode event : dispensed) {
      String code = event.path("medication").path("dmd").asText("");
      if (code.isBlank() || !event.path("id").isTextual()) {
        // One bad entry costs the section: a medication list silently missing one is unsafe.
        return new SectionContent<>(
            Section.MEDICATIONS, List.of(), Optional.of(EmptyReason.UNAVAILABLE), false);
      }
      byMedicine.computeIfAbsent(code, c -> new ArrayList<>()).add(event);
    }
    LocalDate today = LocalDate.now(clock);
    List<MedicationItem> items = new ArrayList<>();
    try {
      for (List<JsonNode> events : byMedicine.values()) {
        items.add(item(events, sourceId, ods, name, today));
      }
    } catch (DateTimeParseException e) {
      return new SectionContent<>(
          Section.MEDICATIONS, List.of(), Optional.of(EmptyReason.UNAVAILABLE), false);
    }
    return SectionContent.of(Section.MEDICATIONS, items);
  }

  private static MedicationItem item(
      List<JsonNode> events, String sourceId, String ods, String name, LocalDate today) {
    JsonNode latest = events.getFirst();
    LocalDate first = LocalDate.MAX;
    LocalDate last = LocalDate.MIN;
    for (JsonNode event : events) {
      LocalDate on = LocalDate.parse(event.path("dispensedOn").asText(""));
      if (on.isAfter(last)) {
        last = on;
        latest = event;
      }
      first = on.isBefore(first) ? on : first;
    }
    String display = latest.path("medication").path("name").asText("");
    String code = latest.path("medication").path("dmd").asText();
    return new MedicationItem(
        new Provenance(sourceId, latest.path("id").asText(), Optional.of(ods), Optional.of(name)),
        CodedConcept.dmd(code, display.isBlank() ? code : display),
        last.isBefore(today.minusDays(ACTIVE_DAYS))
            ? MedicationItem.Status.COMPLETED
            : MedicationItem.Status.ACTIVE,
        switch (latest.path("prescriptionType").asText("")) {
          case "acute" -> MedicationItem.PrescriptionType.ACUTE;
          case "repeat" -> MedicationItem.PrescriptionType.REPEAT;
          case "repeat-dispensing" -> MedicationItem.PrescriptionType.REPEAT_DISPENSING;
          default -> MedicationItem.PrescriptionType.UNKNOWN;
        },
        text(latest, "dosage"),
        text(latest, "quantity"),
        Optional.of(first),
        Optional.empty(),
        Optional.of(last),
        Optional.empty(),
        Set.of());
  }

  private static Optional<String> text(JsonNode node, String field) {
    String value = node.path(field).asText("");
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
