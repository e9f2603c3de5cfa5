package org.carelens.adapters.careplans;

import java.util.List;
import org.carelens.sdk.model.NhsNumber;

/** NRL-style pointer payloads for tests, written as the service sends them. */
final class Pointers {

  static final String NHS = "https://fhir.nhs.uk/Id/nhs-number";

  private Pointers() {}

  /** A searchset holding {@code entries} (each a DocumentReference's JSON). */
  static String searchset(List<String> entries) {
    StringBuilder json =
        new StringBuilder(
            "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":"
                + entries.size()
                + ",\"entry\":[");
    for (int i = 0; i < entries.size(); i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"resource\":")
          .append(entries.get(i))
          .append(",\"search\":{\"mode\":\"match\"}}");
    }
    return json.append("]}").toString();
  }

  /** One pointer; {@code status} current or superseded. */
  static String pointer(
      String id, NhsNumber patient, String code, String display, String status, String date) {
    return """
        {"resourceType":"DocumentReference","id":"%s","status":"%s",
         "type":{"coding":[{"system":"http://snomed.info/sct","code":"%s","display":"%s"}]},
         "subject":{"identifier":{"system":"%s","value":"%s"}},
         "date":"%sT10:15:00+00:00",
         "author":[{"identifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code",
                                  "value":"A81001"},"display":"Riverside Medical Practice"}],
         "custodian":{"identifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code",
                                    "value":"A81001"}},
         "content":[{"attachment":{"contentType":"text/html","url":"Binary/%s",
                                   "title":"%s"}}]}
        """
        .formatted(id, status, code, display, NHS, patient.value(), date, id, display);
  }

  /** A current ReSPECT form for the patient, its id carrying the NHS number. */
  static String respect(NhsNumber patient) {
    return pointer(
        "respect-" + patient.value(),
        patient,
        "1382601000000107",
        "ReSPECT form",
        "current",
        "2026-03-12");
  }

  /** A current DNACPR decision for the patient. */
  static String dnacpr(NhsNumber patient) {
    return pointer(
        "dnacpr-" + patient.value(),
        patient,
        "450476008",
        "Not for attempted cardiopulmonary resuscitation",
        "current",
        "2026-03-12");
  }
}
