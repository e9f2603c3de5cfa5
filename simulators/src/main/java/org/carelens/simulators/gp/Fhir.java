package org.carelens.simulators.gp;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.carelens.sdk.model.CodedConcept;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/** Small helpers shared by the resource builders. */
final class Fhir {

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private Fhir() {}

  static <R extends Resource> R withIdAndProfile(R resource, String id, String profile) {
    resource.setId(id);
    resource.getMeta().addProfile(profile);
    return resource;
  }

  static Reference reference(Resource resource) {
    return new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
  }

  /** A date-only dateTime: GP systems record these clinical dates to the day. */
  static DateTimeType day(LocalDate date) {
    return new DateTimeType(date.toString());
  }

  /**
   * A timed dateTime: a UK local time on a day, with the offset in force that day (GMT or BST), as
   * GP Connect requires a time zone whenever a time is given.
   */
  static DateTimeType at(LocalDate date, LocalTime time) {
    return new DateTimeType(date.atTime(time).atZone(UK).format(DATE_TIME));
  }

  static CodeableConcept concept(CodedConcept coded) {
    String system = CodedConcept.DM_D.equals(coded.system()) ? GpConnect.DMD : coded.system();
    return new CodeableConcept()
        .addCoding(new Coding(system, coded.code(), coded.display()))
        .setText(coded.display());
  }

  static CodeableConcept snomed(String code, String display) {
    return new CodeableConcept().addCoding(new Coding(GpConnect.SNOMED, code, display));
  }

  /** A business identifier that is stable across calls, as GP Connect requires on each item. */
  static Identifier crossCareSettingId(String id) {
    return new Identifier().setSystem(GpConnect.CROSS_CARE_SETTING_SYSTEM).setValue(id);
  }
}
