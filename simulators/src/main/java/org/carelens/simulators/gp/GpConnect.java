package org.carelens.simulators.gp;

/** Identifiers from the GP Connect 1.6 and CareConnect STU3 specifications. */
final class GpConnect {

  private GpConnect() {}

  static final String OPERATION_PATH = "/Patient/$gpc.getstructuredrecord";
  static final String INTERACTION_ID =
      "urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1";
  static final String FHIR_JSON = "application/fhir+json";
  static final String RESPONSE_CONTENT_TYPE = "application/fhir+json;charset=utf-8";

  static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
  static final String ODS_ORGANIZATION_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
  static final String SDS_USER_SYSTEM = "https://fhir.nhs.uk/Id/sds-user-id";
  static final String CROSS_CARE_SETTING_SYSTEM =
      "https://fhir.nhs.uk/Id/cross-care-setting-identifier";
  static final String SNOMED = "http://snomed.info/sct";
  static final String DMD = "https://dmd.nhs.uk";
  static final String LIST_EMPTY_REASON = "http://hl7.org/fhir/list-empty-reason";
  static final String ERROR_CODE_SYSTEM =
      "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1";
  static final String PRESCRIPTION_TYPE_SYSTEM =
      "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-PrescriptionType-1";

  private static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";
  static final String BUNDLE_PROFILE = SD + "GPConnect-StructuredRecord-Bundle-1";
  static final String OPERATION_OUTCOME_PROFILE = SD + "GPConnect-OperationOutcome-1";
  static final String PATIENT_PROFILE = SD + "CareConnect-GPC-Patient-1";
  static final String ORGANIZATION_PROFILE = SD + "CareConnect-GPC-Organization-1";
  static final String PRACTITIONER_PROFILE = SD + "CareConnect-GPC-Practitioner-1";
  static final String LIST_PROFILE = SD + "CareConnect-GPC-List-1";
  static final String ALLERGY_PROFILE = SD + "CareConnect-GPC-AllergyIntolerance-1";
  static final String MEDICATION_STATEMENT_PROFILE = SD + "CareConnect-GPC-MedicationStatement-1";
  static final String MEDICATION_REQUEST_PROFILE = SD + "CareConnect-GPC-MedicationRequest-1";
  static final String MEDICATION_PROFILE = SD + "CareConnect-GPC-Medication-1";

  static final String PROBLEM_PROFILE = SD + "CareConnect-GPC-ProblemHeader-Condition-1";
  static final String PROBLEM_SIGNIFICANCE_EXTENSION =
      SD + "Extension-CareConnect-GPC-ProblemSignificance-1";
  static final String LIST_WARNING_EXTENSION = SD + "Extension-CareConnect-GPC-ListWarningCode-1";
  static final String PROBLEMS_LIST_CODE = "717711000000103";

  static final String ALLERGY_END_EXTENSION =
      SD + "Extension-CareConnect-GPC-AllergyIntoleranceEnd-1";
  static final String LAST_ISSUE_DATE_EXTENSION =
      SD + "Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1";
  static final String PRESCRIPTION_TYPE_EXTENSION =
      SD + "Extension-CareConnect-GPC-PrescriptionType-1";
  static final String STATUS_REASON_EXTENSION =
      SD + "Extension-CareConnect-GPC-MedicationStatusReason-1";

  // SNOMED CT record artifact codes GP Connect uses to title each List.
  static final String ALLERGIES_LIST_CODE = "886921000000105";
  static final String ENDED_ALLERGIES_LIST_CODE = "1103671000000101";
  static final String MEDICATIONS_LIST_CODE = "933361000000108";
}
