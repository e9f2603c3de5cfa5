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
import org.carelens.sdk.model.Completeness;
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
 *
 * <p><b>Tolerant reading.</b> Each dispensing entry is read on its own. One that is not an object,
 * or lacks its id, dm+d code or dispensing date, is counted and left out, and the medications
 * section is {@link Completeness.Partial} with the readable medicines still in it: a medication
 * list silently missing one medicine reads as complete, and one withheld whole for a single bad
 * entry hides every other medicine from the pharmacist. A dm+d code this adapter has never seen, or
 * a prescription type it does not know, is kept with its text. A record without its {@code
 * "dispensed"} array is {@link Completeness.Unavailable}, never an empty list.
 */
public final class DispensingMapper {

  /** Longer than the usual 28- or 56-day supply, so a repeat is not reported ended too early. */
  static final int ACTIVE_DAYS = 90;

  private static final System.Logger LOG = System.getLogger(DispensingMapper.class.getName());

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
    if (!document.isObject() || !document.path("nhsNumber").isTextual()) {
      throw new MalformedDocumentException(
          "the body is not a dispensing record (no \"nhsNumber\" in a JSON object)");
    }
    if (!nhsNumber.value().equals(document.path("nhsNumber").asText())) {
      throw new MalformedDocumentException(
          "the dispensing record does not carry the requested NHS number; it may be another"
              + " patient's and was discarded");
    }
    Map<Section, SectionContent<?>> sections = new LinkedHashMap<>();
    if (requested.contains(Section.MEDICATIONS)) {
      SectionContent<MedicationItem> medications =
          medications(document.path("dispensed"), sourceId, ods, pharmacyName, clock);
      if (!medications.completeness().isComplete()) {
        LOG.log(
            System.Logger.Level.WARNING,
            "source {0}: medications section incomplete: {1}",
            sourceId,
            medications.completeness());
      }
      sections.put(Section.MEDICATIONS, medications);
    }
    return new SourceRecord(Optional.empty(), sections);
  }

  private static SectionContent<MedicationItem> medications(
      JsonNode dispensed, String sourceId, String ods, String name, Clock clock) {
    if (!dispensed.isArray()) {
      return SectionContent.unavailable(
          Section.MEDICATIONS, "the dispensing record has no \"dispensed\" array");
    }
    Map<String, List<Dispensing>> byMedicine = new LinkedHashMap<>();
    int unreadable = 0;
    String firstFault = "";
    for (JsonNode entry : dispensed) {
      Optional<String> fault = fault(entry);
      if (fault.isPresent()) {
        unreadable++;
        firstFault = firstFault.isEmpty() ? fault.get() : firstFault;
        continue;
      }
      Dispensing dispensing =
          new Dispensing(entry, LocalDate.parse(entry.path("dispensedOn").asText()));
      byMedicine
          .computeIfAbsent(
              entry.path("medication").path("dmd").asText().strip(), c -> new ArrayList<>())
          .add(dispensing);
    }
    LocalDate today = LocalDate.now(clock);
    List<MedicationItem> items = new ArrayList<>();
    for (List<Dispensing> events : byMedicine.values()) {
      items.add(item(events, sourceId, ods, name, today));
    }
    SectionContent<MedicationItem> content = SectionContent.of(Section.MEDICATIONS, items);
    if (unreadable == 0) {
      return content;
    }
    return content.withCompleteness(
        Completeness.partial(
            unreadable,
            "%d of %d dispensing entries could not be read (%s%s)"
                .formatted(
                    unreadable,
                    dispensed.size(),
                    unreadable > 1 ? "the first: " : "",
                    firstFault)));
  }

  /** What makes a dispensing entry unreadable, in words that quote nothing from it. */
  private static Optional<String> fault(JsonNode entry) {
    if (!entry.isObject()) {
      return Optional.of("a dispensing entry is not a JSON object");
    }
    if (text(entry, "id").isEmpty()) {
      return Optional.of("a dispensing entry has no \"id\"");
    }
    if (text(entry.path("medication"), "dmd").isEmpty()) {
      return Optional.of("a dispensing entry has no dm+d code");
    }
    Optional<String> on = text(entry, "dispensedOn");
    if (on.isEmpty()) {
      return Optional.of("a dispensing entry has no \"dispensedOn\" date");
    }
    try {
      LocalDate.parse(on.get());
    } catch (DateTimeParseException e) {
      return Optional.of("a dispensing entry's \"dispensedOn\" is not a date (yyyy-mm-dd)");
    }
    return Optional.empty();
  }

  private static MedicationItem item(
      List<Dispensing> events, String sourceId, String ods, String name, LocalDate today) {
    Dispensing latest = events.getFirst();
    LocalDate first = latest.on();
    for (Dispensing event : events) {
      if (event.on().isAfter(latest.on())) {
        latest = event;
      }
      first = event.on().isBefore(first) ? event.on() : first;
    }
    JsonNode entry = latest.entry();
    String code = text(entry.path("medication"), "dmd").orElseThrow();
    String display = text(entry.path("medication"), "name").orElse(code);
    return new MedicationItem(
        new Provenance(
            sourceId, text(entry, "id").orElseThrow(), Optional.of(ods), Optional.of(name)),
        CodedConcept.dmd(code, display),
        latest.on().isBefore(today.minusDays(ACTIVE_DAYS))
            ? MedicationItem.Status.COMPLETED
            : MedicationItem.Status.ACTIVE,
        switch (entry.path("prescriptionType").asText("")) {
          case "acute" -> MedicationItem.PrescriptionType.ACUTE;
          case "repeat" -> MedicationItem.PrescriptionType.REPEAT;
          case "repeat-dispensing" -> MedicationItem.PrescriptionType.REPEAT_DISPENSING;
          default -> MedicationItem.PrescriptionType.UNKNOWN;
        },
        text(entry, "dosage"),
        text(entry, "quantity"),
        Optional.of(first),
        Optional.empty(),
        Optional.of(latest.on()),
        Optional.empty(),
        Set.of());
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.asText("").isBlank()
        ? Optional.of(value.asText().strip())
        : Optional.empty();
  }

  /** One readable dispensing entry and its date. */
  private record Dispensing(JsonNode entry, LocalDate on) {}
}
