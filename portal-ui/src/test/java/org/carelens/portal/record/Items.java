package org.carelens.portal.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.carelens.portal.gateway.AlertEntry;
import org.carelens.portal.gateway.Concept;
import org.carelens.portal.gateway.EncounterEntry;
import org.carelens.portal.gateway.ItemDifference;
import org.carelens.portal.gateway.ItemSource;
import org.carelens.portal.gateway.MedicationEntry;
import org.carelens.portal.gateway.PatientContact;
import org.carelens.portal.gateway.PatientView;
import org.carelens.portal.gateway.PersonName;
import org.carelens.portal.gateway.ResultEntry;
import org.carelens.portal.gateway.SourceView;

/** Test-data builders for record items: real value objects, a few fields that matter each time. */
final class Items {

  static final ItemSource GP = new ItemSource("gp", "GP practice (GP Connect)", "g1");
  static final ItemSource ACUTE =
      new ItemSource("acute", "Riverside University Hospitals (FHIR R4)", "a1");
  static final ItemSource PHARMACY = new ItemSource("pharmacy", "Community pharmacy", "p1");
  static final ItemSource CARE_PLANS = new ItemSource("care-plans", "Care plans (NRL)", "c1");

  private Items() {}

  static Concept concept(String display) {
    return new Concept(null, null, display);
  }

  static AlertEntry alert(String kind, String display, LocalDate recorded, ItemSource source) {
    return new AlertEntry(
        kind + display,
        concept(display),
        kind,
        "ACTIVE",
        recorded,
        null,
        List.of(source),
        false,
        null);
  }

  static MedicationEntry medicine(
      String display,
      String status,
      String dose,
      LocalDate lastIssued,
      List<ItemSource> sources,
      List<ItemDifference> differences) {
    return new MedicationEntry(
        display,
        concept(display),
        status,
        "REPEAT",
        dose,
        "28 tablet",
        LocalDate.of(2020, 12, 3),
        null,
        lastIssued,
        null,
        sources,
        !differences.isEmpty(),
        differences);
  }

  static EncounterEntry encounter(String id, String kind, LocalDate start) {
    return new EncounterEntry(
        id,
        concept(kind + " " + id),
        kind,
        start,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(GP),
        false,
        null);
  }

  /**
   * An encounter whose source recorded times: its days are the times' days as written.
   *
   * @param end null for one still open
   */
  static EncounterEntry timed(String id, String kind, String start, String end) {
    OffsetDateTime from = OffsetDateTime.parse(start);
    OffsetDateTime to = end == null ? null : OffsetDateTime.parse(end);
    return new EncounterEntry(
        id,
        concept(kind + " " + id),
        kind,
        from.toLocalDate(),
        to == null ? null : to.toLocalDate(),
        from,
        to,
        "Ward 12",
        "Dr Amira Khan",
        null,
        null,
        List.of(ACUTE),
        false,
        null);
  }

  static ResultEntry result(String test, String value, String range, String flag, LocalDate date) {
    return new ResultEntry(
        test + date,
        new Concept("http://loinc.org", "x", test),
        value,
        "umol/L",
        range,
        flag,
        "FINAL",
        date,
        "Renal function panel",
        List.of(ACUTE),
        false,
        null);
  }

  static PatientView patient(boolean restricted) {
    return new PatientView(
        "9990000018",
        new PersonName("Jones", List.of("Margaret"), "Mrs"),
        LocalDate.of(1950, 3, 12),
        "female",
        null,
        restricted ? null : "12 Acacia Avenue, Leeds, LS6 2AB",
        restricted ? null : "0113 496 0018",
        restricted ? null : "A81001",
        restricted);
  }

  /** The spine's emergency contact for Mrs Jones, as PDS holds one: a number, no name. */
  static final PatientContact EMERGENCY_CONTACT =
      new PatientContact(
          "Emergency Contact", null, "0113 496 0921", LocalDate.of(2024, 1, 1), null);

  /** A contact that ended before {@code 22-Nov-2026}. */
  static final PatientContact ENDED_CONTACT =
      new PatientContact(
          "Next-of-Kin",
          "Mr John Jones",
          "01632 960587",
          LocalDate.of(2020, 1, 1),
          LocalDate.of(2025, 12, 31));

  /** A patient as the gateway sends one, with contacts (which it never sends when restricted). */
  static PatientView patient(boolean restricted, List<PatientContact> contacts) {
    PatientView p = patient(restricted);
    return new PatientView(
        p.nhsNumber(),
        p.name(),
        p.birthDate(),
        p.gender(),
        p.deceasedDate(),
        p.address(),
        p.telephone(),
        p.registeredPractice(),
        p.restricted(),
        contacts);
  }

  static SourceProgress.Row answered(String id, String name, String status) {
    return new SourceProgress.Answered(
        new SourceView(
            id, name, status, 10, false, Instant.parse("2026-11-22T10:00:00Z"), null, null));
  }
}
