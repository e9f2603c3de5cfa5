package org.carelens.simulators.gp;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.carelens.simulators.population.Allergies;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.Practice;
import org.carelens.simulators.population.SyntheticPatient;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Medication;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GpPracticeSimulatorTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  private static final FhirContext FHIR = FhirContext.forDstu3Cached();
  private static final Population POPULATION = Population.generate(42, 60, TODAY);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Map<String, String> HEADERS =
      Map.of(
          "Ssp-TraceID", "3b8a1f4e-8e0c-4a3a-9d65-0e9d4c8e9a11",
          "Ssp-From", "200000000359",
          "Ssp-To", "918999198993",
          "Ssp-InteractionID", GpConnect.INTERACTION_ID,
          "Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
          "Content-Type", "application/fhir+json");

  private static GpPracticeSimulator gp;

  @BeforeAll
  static void start() {
    Clock clock = Clock.fixed(TODAY.atTime(9, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    gp = new GpPracticeSimulator(POPULATION, Practice.RIVERSIDE, clock).start(0);
  }

  @AfterAll
  static void stop() {
    gp.stop();
  }

  @Test
  void the_showcase_record_has_the_penicillin_allergy_and_amlodipine() throws Exception {
    Bundle bundle = bundle(post(everything(Population.SHOWCASE_NHS_NUMBER)));

    ListResource allergies = list(bundle, "886921000000105");
    AllergyIntolerance allergy =
        resolve(
            bundle,
            allergies.getEntryFirstRep().getItem().getReference(),
            AllergyIntolerance.class);
    assertThat(allergy.getCode().getCodingFirstRep().getCode()).isEqualTo("91936005");
    assertThat(allergy.getCode().getCodingFirstRep().getDisplay())
        .isEqualTo("Allergy to penicillin");
    assertThat(allergy.getClinicalStatus())
        .isEqualTo(AllergyIntolerance.AllergyIntoleranceClinicalStatus.ACTIVE);
    assertThat(allergy.getVerificationStatus())
        .isEqualTo(AllergyIntolerance.AllergyIntoleranceVerificationStatus.CONFIRMED);
    assertThat(allergy.getReactionFirstRep().getManifestationFirstRep().getText())
        .isEqualTo("Urticaria");
    assertThat(allergy.getReactionFirstRep().getSeverity())
        .isEqualTo(AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE);
    assertThat(
            medicationNames(
                bundle, s -> s.getStatus() == MedicationStatement.MedicationStatementStatus.ACTIVE))
        .containsExactly("Amlodipine 5mg tablets");
  }

  @Test
  void the_showcase_bundle_carries_gp_connect_profiles_identifiers_and_references()
      throws Exception {
    Bundle bundle = bundle(post(everything(Population.SHOWCASE_NHS_NUMBER)));

    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
    assertThat(bundle.getMeta().getProfile())
        .extracting(p -> p.getValue())
        .containsExactly(
            "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-StructuredRecord-Bundle-1");
    assertThat(resources(bundle, Resource.class))
        .allSatisfy(
            r -> {
              assertThat(r.getIdElement().getIdPart()).isNotBlank();
              assertThat(r.getMeta().getProfile()).isNotEmpty();
            });
    Patient patient = resources(bundle, Patient.class).getFirst();
    assertThat(patient.getIdentifierFirstRep().getSystem())
        .isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
    assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("9990000018");
    assertThat(patient.getNameFirstRep().getPrefixAsSingleString()).isEqualTo("Mrs");
    assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1950-03-12");
    assertThat(
            resolve(
                    bundle,
                    patient.getGeneralPractitionerFirstRep().getReference(),
                    org.hl7.fhir.dstu3.model.Organization.class)
                .getIdentifierFirstRep()
                .getValue())
        .isEqualTo("A81001");
  }

  @Test
  void each_course_has_its_plan_request_medication_and_last_issue_date() throws Exception {
    Bundle bundle = bundle(post(everything(Population.SHOWCASE_NHS_NUMBER)));

    ListResource medications = list(bundle, "933361000000108");
    MedicationStatement amoxicillin =
        resources(bundle, MedicationStatement.class).stream()
            .filter(s -> s.getStatus() == MedicationStatement.MedicationStatementStatus.COMPLETED)
            .findFirst()
            .orElseThrow();
    MedicationRequest request =
        resolve(bundle, amoxicillin.getBasedOnFirstRep().getReference(), MedicationRequest.class);
    Medication medication =
        resolve(bundle, amoxicillin.getMedicationReference().getReference(), Medication.class);
    assertThat(medications.getEntry()).hasSize(2);
    assertThat(medication.getCode().getCodingFirstRep().getSystem())
        .isEqualTo("https://dmd.nhs.uk");
    assertThat(medication.getCode().getCodingFirstRep().getCode()).isEqualTo("323509004");
    assertThat(request.getIntent()).isEqualTo(MedicationRequest.MedicationRequestIntent.PLAN);
    assertThat(request.getExtensionByUrl(GpConnect.PRESCRIPTION_TYPE_EXTENSION).getValue())
        .satisfies(
            v ->
                assertThat(
                        ((org.hl7.fhir.dstu3.model.CodeableConcept) v)
                            .getCodingFirstRep()
                            .getCode())
                    .isEqualTo("acute"));
    assertThat(request.getDispenseRequest().getQuantity().getUnit()).isEqualTo("capsule");
    assertThat(amoxicillin.getEffectivePeriod().hasEnd()).isTrue();
    assertThat(
            ((DateTimeType)
                    amoxicillin.getExtensionByUrl(GpConnect.LAST_ISSUE_DATE_EXTENSION).getValue())
                .getValueAsString())
        .isEqualTo(TODAY.minusDays(400).toString());
    assertThat(amoxicillin.getDosageFirstRep().getText())
        .isEqualTo("Two capsules three times a day for 5 days");
  }

  @Test
  void a_stopped_course_carries_its_status_reason() throws Exception {
    SyntheticPatient patient =
        first(
            p ->
                !p.gpDissent()
                    && p.prescriptions().stream().anyMatch(m -> m.stopReason().isPresent()));

    Bundle bundle = bundle(post(everything(patient.nhsNumber().value())));

    MedicationRequest stopped =
        resources(bundle, MedicationRequest.class).stream()
            .filter(r -> r.getStatus() == MedicationRequest.MedicationRequestStatus.STOPPED)
            .findFirst()
            .orElseThrow();
    assertThat(
            stopped
                .getExtensionByUrl(GpConnect.STATUS_REASON_EXTENSION)
                .getExtensionByUrl("statusReason"))
        .isNotNull();
  }

  @Test
  void a_no_known_allergies_patient_gets_an_empty_list_with_reason_nilknown() throws Exception {
    SyntheticPatient patient =
        first(p -> !p.gpDissent() && p.allergies().state() == Allergies.State.NO_KNOWN_ALLERGIES);

    Bundle bundle = bundle(post(everything(patient.nhsNumber().value())));

    ListResource allergies = list(bundle, "886921000000105");
    assertThat(allergies.getEntry()).isEmpty();
    assertThat(allergies.getEmptyReason().getCodingFirstRep().getSystem())
        .isEqualTo("http://hl7.org/fhir/list-empty-reason");
    assertThat(allergies.getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("nilknown");
  }

  @Test
  void a_patient_without_recorded_allergies_gets_no_content_recorded() throws Exception {
    SyntheticPatient patient =
        first(p -> !p.gpDissent() && p.allergies().state() == Allergies.State.NOT_RECORDED);

    Bundle bundle = bundle(post(everything(patient.nhsNumber().value())));

    assertThat(list(bundle, "886921000000105").getEmptyReason().getCodingFirstRep().getCode())
        .isEqualTo("no-content-recorded");
  }

  @Test
  void ended_allergies_are_listed_separately_when_asked_for() throws Exception {
    SyntheticPatient patient = first(p -> !p.gpDissent() && !p.allergies().resolved().isEmpty());

    Bundle bundle = bundle(post(everything(patient.nhsNumber().value())));

    ListResource ended = list(bundle, "1103671000000101");
    AllergyIntolerance allergy =
        resolve(
            bundle, ended.getEntryFirstRep().getItem().getReference(), AllergyIntolerance.class);
    assertThat(allergy.getClinicalStatus())
        .isEqualTo(AllergyIntolerance.AllergyIntoleranceClinicalStatus.RESOLVED);
    assertThat(allergy.getExtensionByUrl(GpConnect.ALLERGY_END_EXTENSION)).isNotNull();
  }

  @Test
  void only_the_sections_asked_for_are_returned() throws Exception {
    Parameters parameters = new Parameters();
    parameters
        .addParameter()
        .setName("patientNHSNumber")
        .setValue(nhs(Population.SHOWCASE_NHS_NUMBER));

    Bundle bundle = bundle(post(FHIR.newJsonParser().encodeResourceToString(parameters)));

    assertThat(resources(bundle, Resource.class))
        .extracting(Resource::fhirType)
        .containsExactly("Patient", "Organization", "Practitioner");
  }

  @Test
  void an_unknown_patient_is_patient_not_found() throws Exception {
    HttpResponse<String> response = post(everything(unknownNhsNumber()));

    assertError(response, 404, "PATIENT_NOT_FOUND");
  }

  @Test
  void a_patient_who_dissented_at_the_practice_is_no_patient_consent() throws Exception {
    SyntheticPatient dissenter = first(SyntheticPatient::gpDissent);

    HttpResponse<String> response = post(everything(dissenter.nhsNumber().value()));

    assertError(response, 403, "NO_PATIENT_CONSENT");
  }

  @Test
  void a_request_without_the_spine_headers_is_a_bad_request() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(operationUri())
            .header("Content-Type", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofString(everything(Population.SHOWCASE_NHS_NUMBER)))
            .build();

    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

    assertError(response, 400, "BAD_REQUEST");
  }

  @Test
  void a_malformed_body_is_an_invalid_resource() throws Exception {
    HttpResponse<String> response = post("{\"resourceType\": \"Parameters\", \"parameter\": [");

    assertError(response, 400, "INVALID_RESOURCE");
  }

  @Test
  void an_invalid_nhs_number_is_invalid_nhs_number() throws Exception {
    HttpResponse<String> response = post(everything("9990000019"));

    assertError(response, 400, "INVALID_NHS_NUMBER");
    assertThat(response.body()).contains("fails the Modulus 11 check");
  }

  @Test
  void an_unknown_parameter_is_invalid_parameter() throws Exception {
    Parameters parameters = new Parameters();
    parameters
        .addParameter()
        .setName("patientNHSNumber")
        .setValue(nhs(Population.SHOWCASE_NHS_NUMBER));
    parameters.addParameter().setName("includeEverything").setValue(new BooleanType(true));

    HttpResponse<String> response = post(FHIR.newJsonParser().encodeResourceToString(parameters));

    assertError(response, 400, "INVALID_PARAMETER");
  }

  private static String everything(String nhsNumber) {
    Parameters parameters = new Parameters();
    parameters.addParameter().setName("patientNHSNumber").setValue(nhs(nhsNumber));
    parameters
        .addParameter()
        .setName("includeAllergies")
        .addPart()
        .setName("includeResolvedAllergies")
        .setValue(new BooleanType(true));
    parameters.addParameter().setName("includeMedication");
    return FHIR.newJsonParser().encodeResourceToString(parameters);
  }

  private static Identifier nhs(String value) {
    return new Identifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue(value);
  }

  private static String unknownNhsNumber() {
    for (int serial = 1; ; serial++) {
      String firstNine = "999" + "%06d".formatted(serial);
      int check = org.carelens.sdk.model.NhsNumber.checkDigit(firstNine);
      if (check != 10 && POPULATION.find(firstNine + check).isEmpty()) {
        return firstNine + check;
      }
    }
  }

  private static SyntheticPatient first(Predicate<SyntheticPatient> predicate) {
    return POPULATION.patients().stream()
        .filter(p -> p.practice().equals(Practice.RIVERSIDE))
        .filter(predicate)
        .findFirst()
        .orElseThrow();
  }

  private static URI operationUri() {
    return URI.create(gp.baseUrl() + "/Patient/$gpc.getstructuredrecord");
  }

  private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(operationUri()).POST(HttpRequest.BodyPublishers.ofString(body));
    HEADERS.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Bundle bundle(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/fhir+json;charset=utf-8");
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
  }

  private static void assertError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
    OperationOutcome outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getSystem())
        .isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1");
    assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
        .isEqualTo(code);
  }

  private static <R extends Resource> List<R> resources(Bundle bundle, Class<R> type) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  private static ListResource list(Bundle bundle, String snomedCode) {
    return resources(bundle, ListResource.class).stream()
        .filter(l -> l.getCode().getCodingFirstRep().getCode().equals(snomedCode))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no List coded " + snomedCode));
  }

  private static <R extends Resource> R resolve(Bundle bundle, String reference, Class<R> type) {
    return resources(bundle, type).stream()
        .filter(r -> (r.fhirType() + "/" + r.getIdElement().getIdPart()).equals(reference))
        .findFirst()
        .orElseThrow(() -> new AssertionError("unresolved reference " + reference));
  }

  private static List<String> medicationNames(
      Bundle bundle, Predicate<MedicationStatement> filter) {
    return resources(bundle, MedicationStatement.class).stream()
        .filter(filter)
        .map(
            s ->
                resolve(bundle, s.getMedicationReference().getReference(), Medication.class)
                    .getCode()
                    .getCodingFirstRep()
                    .getDisplay())
        .toList();
  }
}
