package org.carelens.adapters.fhirr4.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.carelens.sdk.model.DocumentItem;
import org.carelens.sdk.model.EncounterItem;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.api.Test;

/** Times of encounters and documents: kept as the source wrote them, never invented. */
class R4TimesTest {

  private static final ItemOrigin ORIGIN = new ItemOrigin("acute", "RXX", Optional.empty());

  @Test
  void an_admission_recorded_with_a_time_keeps_it_with_its_offset() throws Exception {
    EncounterItem item = encounter("2024-03-12T23:50:00Z", "2024-03-15T11:05:00Z");

    assertThat(item.start()).contains(LocalDate.of(2024, 3, 12));
    assertThat(item.startTime()).contains(OffsetDateTime.parse("2024-03-12T23:50:00Z"));
    assertThat(item.end()).contains(LocalDate.of(2024, 3, 15));
    assertThat(item.endTime()).contains(OffsetDateTime.parse("2024-03-15T11:05:00Z"));
  }

  @Test
  void an_admission_recorded_to_the_day_has_a_date_and_no_time() throws Exception {
    EncounterItem item = encounter("2024-03-12", "2024-03-15");

    assertThat(item.start()).contains(LocalDate.of(2024, 3, 12));
    assertThat(item.startTime()).isEmpty();
    assertThat(item.endTime()).isEmpty();
  }

  @Test
  void a_british_summer_time_offset_is_kept_and_names_the_local_day() throws Exception {
    // 00:30 BST on 1 July is 23:30 UTC on 30 June: the day is the one the source wrote.
    EncounterItem item = encounter("2024-07-01T00:30:00+01:00", null);

    assertThat(item.start()).contains(LocalDate.of(2024, 7, 1));
    assertThat(item.startTime()).contains(OffsetDateTime.parse("2024-07-01T00:30:00+01:00"));
    assertThat(item.startTime().orElseThrow().toInstant().toString())
        .isEqualTo("2024-06-30T23:30:00Z");
    assertThat(item.end()).isEmpty();
    assertThat(item.endTime()).isEmpty();
  }

  @Test
  void a_time_without_an_offset_is_not_a_moment_so_only_its_day_is_kept() {
    DateTimeType noOffset = new DateTimeType();
    noOffset.setValueAsString("2024-03-12T14:35:00");

    assertThat(R4Values.day(noOffset)).contains(LocalDate.of(2024, 3, 12));
    assertThat(R4Values.time(noOffset)).isEmpty();
  }

  @Test
  void a_month_only_date_gives_neither_day_nor_time() {
    DateTimeType month = new DateTimeType("2024-03");

    assertThat(R4Values.day(month)).isEmpty();
    assertThat(R4Values.time(month)).isEmpty();
  }

  @Test
  void a_document_reference_dated_to_the_instant_keeps_its_time() throws Exception {
    DocumentReference document = document();
    document.setDateElement(new org.hl7.fhir.r4.model.InstantType("2024-03-15T16:20:00+00:00"));

    DocumentItem item =
        DocumentMapper.reference(document, new ResourceIndex(), ORIGIN, Optional.empty())
            .orElseThrow();

    assertThat(item.date()).contains(LocalDate.of(2024, 3, 15));
    assertThat(item.time()).contains(OffsetDateTime.parse("2024-03-15T16:20:00Z"));
  }

  @Test
  void a_document_dated_by_its_attachment_to_the_day_has_no_time() throws Exception {
    DocumentReference document = document();
    document
        .getContentFirstRep()
        .getAttachment()
        .setCreationElement(new DateTimeType("2024-03-15"));

    DocumentItem item =
        DocumentMapper.reference(document, new ResourceIndex(), ORIGIN, Optional.empty())
            .orElseThrow();

    assertThat(item.date()).contains(LocalDate.of(2024, 3, 15));
    assertThat(item.time()).isEmpty();
  }

  @Test
  void a_composition_keeps_the_time_and_offset_of_its_date() throws Exception {
    Composition composition = new Composition();
    composition.setId("c1");
    composition.setStatus(Composition.CompositionStatus.FINAL);
    composition.getType().addCoding(new Coding("http://snomed.info/sct", "373942005", "Discharge"));
    composition.setDateElement(new DateTimeType("2024-03-15T09:10:00+01:00"));

    DocumentItem item =
        DocumentMapper.composition(composition, new ResourceIndex(), ORIGIN, Optional.empty())
            .orElseThrow();

    assertThat(item.date()).contains(LocalDate.of(2024, 3, 15));
    assertThat(item.time()).contains(OffsetDateTime.parse("2024-03-15T09:10:00+01:00"));
  }

  private static EncounterItem encounter(String start, String end) throws Exception {
    Encounter encounter = new Encounter();
    encounter.setId("e1");
    encounter.setStatus(Encounter.EncounterStatus.FINISHED);
    encounter.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient"));
    Period period = new Period().setStartElement(new DateTimeType(start));
    if (end != null) {
      period.setEndElement(new DateTimeType(end));
    }
    encounter.setPeriod(period);
    return EncounterMapper.map(encounter, new ResourceIndex(), ORIGIN).orElseThrow();
  }

  private static DocumentReference document() {
    DocumentReference document = new DocumentReference();
    document.setId("d1");
    document.setStatus(DocumentReferenceStatus.CURRENT);
    document
        .getType()
        .addCoding(new Coding("http://snomed.info/sct", "373942005", "Discharge summary"));
    document.addContent().setAttachment(new Attachment().setUrl("Binary/b1"));
    return document;
  }
}
