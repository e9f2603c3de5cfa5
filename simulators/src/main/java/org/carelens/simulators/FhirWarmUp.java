package org.carelens.simulators;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;

/**
 * Builds HAPI's resource models before the simulators take their first request. HAPI builds each
 * type's model on first use, seconds in all on a cold JVM, and the first record view after a start
 * then timed out at the FHIR sources (3 s) for reasons no real source would show.
 */
final class FhirWarmUp {

  private static final List<String> STU3 =
      List.of(
          "Patient",
          "Organization",
          "Practitioner",
          "PractitionerRole",
          "List",
          "AllergyIntolerance",
          "MedicationStatement",
          "MedicationRequest",
          "Medication",
          "Condition",
          "Encounter",
          "Observation",
          "Immunization",
          "ReferralRequest",
          "ProcedureRequest",
          "DiagnosticReport",
          "Specimen",
          "OperationOutcome",
          "Parameters");

  private static final List<String> R4 =
      List.of(
          "Patient",
          "Organization",
          "Practitioner",
          "Endpoint",
          "Encounter",
          "Condition",
          "Procedure",
          "AllergyIntolerance",
          "MedicationStatement",
          "MedicationRequest",
          "Medication",
          "DiagnosticReport",
          "Observation",
          "DocumentReference",
          "Binary",
          "Immunization",
          "Flag",
          "CareTeam",
          "ServiceRequest",
          "Appointment",
          "OperationOutcome");

  private FhirWarmUp() {}

  static void run() {
    warm(FhirContext.forDstu3Cached(), STU3);
    warm(FhirContext.forR4Cached(), R4);
  }

  private static void warm(FhirContext context, List<String> types) {
    StringBuilder bundle =
        new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
    for (int i = 0; i < types.size(); i++) {
      bundle
          .append(i == 0 ? "" : ",")
          .append("{\"resource\":{\"resourceType\":\"")
          .append(types.get(i))
          .append("\"}}");
    }
    bundle.append("]}");
    var parser = context.newJsonParser();
    parser.encodeResourceToString(parser.parseResource(bundle.toString()));
  }
}
