package org.carelens.adapters.gpconnect.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/** GP Connect 1.6 identifiers, code systems and extension URLs, and the shared STU3 context. */
public final class Gpc {

  /**
   * Building a {@link FhirContext} scans the whole STU3 model (hundreds of milliseconds); it is
   * thread-safe, so every adapter shares this one. Parsers are cheap and made per call.
   */
  public static final FhirContext STU3 = FhirContext.forDstu3();

  /**
   * HAPI builds each resource type's model on first use, which takes seconds in all; parsing one
   * bundle of every type GP Connect answers with does it at start-up instead of in a first view.
   */
  public static void warmUp() {
    StringBuilder bundle =
        new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
    String[] types = {
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
      "OperationOutcome"
    };
    for (int i = 0; i < types.length; i++) {
      bundle
          .append(i == 0 ? "" : ",")
          .append("{\"resource\":{\"resourceType\":\"")
          .append(types[i])
          .append("\"}}");
    }
    bundle.append("]}");
    IParser parser = STU3.newJsonParser();
    parser.setParserErrorHandler(new ca.uhn.fhir.parser.LenientErrorHandler(false));
    parser.encodeResourceToString(parser.parseResource(bundle.toString()));
  }

  public static final String INTERACTION_ID =
      "urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1";
  public static final String FHIR_JSON = "application/fhir+json";

  public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
  public static final String ODS_ORGANISATION_SYSTEM =
      "https://fhir.nhs.uk/Id/ods-organization-code";
  public static final String SDS_USER_SYSTEM = "https://fhir.nhs.uk/Id/sds-user-id";
  public static final String SDS_ROLE_PROFILE_SYSTEM = "https://fhir.nhs.uk/Id/sds-role-profile-id";
  public static final String SPINE_ERROR_SYSTEM =
      "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1";

  /** List.code values (SNOMED CT) that say which clinical area a List answers. */
  public static final String LIST_ALLERGIES = "886921000000105";

  public static final String LIST_ENDED_ALLERGIES = "1103671000000101";
  public static final String LIST_MEDICATIONS = "933361000000108";
  public static final String LIST_PROBLEMS = "717711000000103";
  public static final String LIST_IMMUNISATIONS = "1102181000000102";
  public static final String LIST_CONSULTATIONS = "1149501000000101";
  public static final String LIST_REFERRALS = "792931000000107";
  public static final String LIST_INVESTIGATIONS = "887191000000108";
  public static final String LIST_UNCATEGORISED = "826501000000100";

  /** A consultation's topic List, "Topic (EHR)": structure within a consultation. */
  public static final String LIST_TOPIC = "25851000000105";

  /** A topic's heading List, "Category (EHR)": structure within a consultation. */
  public static final String LIST_CATEGORY = "24781000000107";

  public static final String PROBLEM_SIGNIFICANCE_EXTENSION =
      "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-ProblemSignificance-1";

  public static final String LIST_WARNING_EXTENSION =
      "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-ListWarningCode-1";
  public static final String LAST_ISSUE_DATE_EXTENSION =
      "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1";
  public static final String PRESCRIPTION_TYPE_EXTENSION =
      "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-PrescriptionType-1";
  public static final String STATUS_REASON_EXTENSION =
      "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-MedicationStatusReason-1";

  public static final String QUANTITY_TEXT_EXTENSION =
      "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-MedicationQuantityText-1";

  /**
   * A JSON parser that keeps each resource's own {@code id}: GP Connect references resources as
   * {@code Type/id}, and item ids are what provenance reports, so they must not be replaced by the
   * entry's {@code fullUrl} (HAPI's default).
   */
  public static IParser jsonParser() {
    return STU3.newJsonParser().setOverrideResourceIdWithBundleEntryFullUrl(false);
  }

  private Gpc() {}
}
