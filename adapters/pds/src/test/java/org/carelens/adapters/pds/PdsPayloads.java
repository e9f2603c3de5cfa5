package org.carelens.adapters.pds;

import org.carelens.sdk.model.NhsNumber;

/** Hand-written PDS FHIR R4 payloads, shaped like the PDS FHIR API's examples. */
final class PdsPayloads {

  private PdsPayloads() {}

  static String patient(NhsNumber nhsNumber) {
    return """
        {"resourceType": "Patient", "id": "%1$s",
         "meta": {"versionId": "2", "security": [{"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "U", "display": "unrestricted"}]},
         "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%1$s"}],
         "name": [{"use": "usual", "family": "Jones", "given": ["Margaret"], "prefix": ["Mrs"]}],
         "gender": "female", "birthDate": "1950-03-12",
         "address": [{"use": "home", "line": ["12 Acacia Avenue", "Headingley", "Leeds"], "postalCode": "LS6 2AB"}],
         "telecom": [{"system": "phone", "use": "home", "value": "0113 496 0018"}],
         "generalPractitioner": [{"type": "Organization", "identifier": {"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "A81001"}}]}
        """
        .formatted(nhsNumber.value());
  }

  static String restrictedPatient(NhsNumber nhsNumber) {
    return """
        {"resourceType": "Patient", "id": "%1$s",
         "meta": {"versionId": "1", "security": [{"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R", "display": "restricted"}]},
         "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%1$s"}],
         "name": [{"use": "usual", "family": "Walker", "given": ["Sam"], "prefix": ["Mr"]}],
         "gender": "male", "birthDate": "1988-07-01", "deceasedDateTime": "2026-10-02T00:00:00+00:00"}
        """
        .formatted(nhsNumber.value());
  }

  static String notFound() {
    return """
        {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "not-found",
          "details": {"coding": [{"system": "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode",
            "code": "RESOURCE_NOT_FOUND", "display": "Resource not found"}]}}]}
        """;
  }
}
