package org.carelens.simulators.acute;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcuteHospitalSimulatorTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final Population POPULATION = Population.generate(42, 200);
  private static final NhsNumber SHOWCASE = new NhsNumber(Population.SHOWCASE_NHS_NUMBER);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static AcuteHospitalSimulator acute;

  @BeforeAll
  static void start() {
    acute = new AcuteHospitalSimulator(POPULATION, Fixtures.none()).start(0);
  }

  @AfterAll
  static void stop() {
    acute.close();
  }

  @Test
  void showcase_patient_has_an_attendance_an_admission_a_clinic_and_a_planned_follow_up()
      throws Exception {
    List<Resource> encounters = matches(search("Encounter", SHOWCASE));

    assertThat(encounters)
        .extracting(r -> ((Encounter) r).getClass_().getCode())
        .contains("EMER", "IMP", "AMB");
    assertThat(encounters)
        .anyMatch(
            r ->
                ((Encounter) r).getStatus() == Encounter.EncounterStatus.PLANNED
                    && ((Encounter) r).hasPartOf());
  }

  @Test
  void showcase_admission_is_at_23_50_uk_time_and_discharge_at_11_30_each_with_its_offset()
      throws Exception {
    Encounter admission =
        matches(search("Encounter", SHOWCASE)).stream()
            .map(Encounter.class::cast)
            .filter(e -> e.getClass_().getCode().equals("IMP"))
            .findFirst()
            .orElseThrow();

    assertThat(ukTime(admission.getPeriod().getStartElement()))
        .isEqualTo(AcuteRecords.SHOWCASE_ADMITTED_AT);
    assertThat(ukTime(admission.getPeriod().getEndElement()))
        .isEqualTo(AcuteRecords.SHOWCASE_DISCHARGED_AT);
    assertThat(admission.getPeriod().getStartElement().getValueAsString())
        .matches("\\d{4}-\\d{2}-\\d{2}T23:50:00\\+0[01]:00");
  }

  @Test
  void attendances_and_clinics_are_timed_and_end_on_their_day_planned_follow_ups_are_dates()
      throws Exception {
    List<Encounter> encounters =
        POPULATION.patients().stream()
            .limit(40)
            .filter(p -> AcuteRecords.knownToAcute(POPULATION, p.nhsNumber()))
            .flatMap(p -> AcuteRecords.record(POPULATION, p).getEntry().stream())
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(Encounter.class::isInstance)
            .map(Encounter.class::cast)
            .toList();

    List<Encounter> done =
        encounters.stream()
            .filter(e -> e.getStatus() == Encounter.EncounterStatus.FINISHED)
            .filter(e -> List.of("EMER", "IMP").contains(e.getClass_().getCode()))
            .toList();
    assertThat(done)
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.getPeriod().getStartElement().getPrecision())
                  .isEqualTo(TemporalPrecisionEnum.SECOND);
              assertThat(e.getPeriod().getEndElement().getPrecision())
                  .isEqualTo(TemporalPrecisionEnum.SECOND);
              assertThat(e.getPeriod().getEnd()).isAfter(e.getPeriod().getStart());
            });
    assertThat(done)
        .filteredOn(e -> e.getClass_().getCode().equals("EMER"))
        .isNotEmpty()
        .allSatisfy(
            e ->
                assertThat(e.getPeriod().getEndElement().getValueAsString().substring(0, 10))
                    .isEqualTo(
                        e.getPeriod().getStartElement().getValueAsString().substring(0, 10)));
    assertThat(encounters)
        .filteredOn(e -> e.getStatus() == Encounter.EncounterStatus.PLANNED)
        .isNotEmpty()
        .allSatisfy(
            e ->
                assertThat(e.getPeriod().getStartElement().getPrecision())
                    .isEqualTo(TemporalPrecisionEnum.DAY));
  }

  private static LocalTime ukTime(DateTimeType value) {
    return OffsetDateTime.parse(value.getValueAsString())
        .atZoneSameInstant(ZoneId.of("Europe/London"))
        .toLocalTime();
  }

  @Test
  void gp_repeat_also_on_discharge_has_the_same_dmd_concept() throws Exception {
    SyntheticPatient showcase = POPULATION.showcase();
    String gpCode = showcase.medicationAlsoOnDischarge().orElseThrow().medicine().code();

    List<Resource> statements = matches(search("MedicationStatement", SHOWCASE));

    assertThat(statements)
        .anyMatch(
            r ->
                ((MedicationStatement) r)
                    .getMedicationCodeableConcept()
                    .getCodingFirstRep()
                    .getCode()
                    .equals(gpCode));
  }

  @Test
  void a_dose_change_patients_discharge_lists_the_gp_repeat_at_the_changed_dose() throws Exception {
    SyntheticPatient patient =
        POPULATION.patients().stream()
            .filter(p -> p.scenarios().contains(SyntheticPatient.DOSE_CHANGE))
            .findFirst()
            .orElseThrow();
    var repeat = patient.medicationAlsoOnDischarge().orElseThrow();

    List<MedicationStatement> statements =
        matches(search("MedicationStatement", patient.nhsNumber())).stream()
            .map(MedicationStatement.class::cast)
            .filter(
                s ->
                    s.getMedicationCodeableConcept()
                        .getCodingFirstRep()
                        .getCode()
                        .equals(repeat.medicine().code()))
            .toList();

    assertThat(statements)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getDosageFirstRep().getText())
                  .isEqualTo(patient.dischargeDose().orElseThrow())
                  .isNotEqualTo(repeat.dosageText());
              assertThat(s.getNoteFirstRep().getText())
                  .contains("dose changed")
                  .contains(repeat.dosageText());
            });
  }

  @Test
  void reports_come_with_their_results_when_included() throws Exception {
    Bundle answer = get(query("DiagnosticReport", SHOWCASE) + "&_include=DiagnosticReport:result");

    assertThat(answer.getEntry())
        .anyMatch(
            e ->
                e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE
                    && e.getResource().fhirType().equals("Observation"));
  }

  @Test
  void showcase_record_holds_hiv_and_sexual_health_items_labelled_in_meta_security()
      throws Exception {
    List<Resource> encounters = matches(search("Encounter", SHOWCASE));
    List<Resource> reports = matches(search("DiagnosticReport", SHOWCASE));

    assertThat(encounters)
        .anyMatch(r -> r.getMeta().getSecurity().stream().anyMatch(c -> c.getCode().equals("STD")));
    assertThat(reports)
        .anyMatch(r -> r.getMeta().getSecurity().stream().anyMatch(c -> c.getCode().equals("HIV")));
  }

  @Test
  void document_content_is_served_natively_from_the_attachment_url() throws Exception {
    DocumentReference summary =
        matches(search("DocumentReference", SHOWCASE)).stream()
            .map(DocumentReference.class::cast)
            .filter(d -> d.getType().getCodingFirstRep().getCode().equals("373942005"))
            .findFirst()
            .orElseThrow();
    String url = summary.getContentFirstRep().getAttachment().getUrl();

    HttpResponse<String> content =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(acute.baseUrl() + "/" + url)).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(content.body()).contains("Discharge summary").contains("Medication on discharge");
  }

  @Test
  void patient_unknown_to_the_trust_gets_an_empty_searchset() throws Exception {
    SyntheticPatient unknown =
        POPULATION.patients().stream()
            .filter(p -> !AcuteRecords.knownToAcute(POPULATION, p.nhsNumber()))
            .findFirst()
            .orElseThrow();

    Bundle answer = search("Encounter", unknown.nhsNumber());

    assertThat(answer.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
    assertThat(answer.getEntry()).isEmpty();
  }

  @Test
  void about_seventy_percent_of_patients_are_known_to_the_trust() {
    long known =
        POPULATION.patients().stream()
            .filter(p -> AcuteRecords.knownToAcute(POPULATION, p.nhsNumber()))
            .count();

    assertThat(known).isBetween(120L, 170L);
  }

  @Test
  void the_same_seed_gives_the_same_record() {
    SyntheticPatient patient = POPULATION.patients().get(7);

    String first =
        FHIR.newJsonParser().encodeResourceToString(AcuteRecords.record(POPULATION, patient));
    String second =
        FHIR.newJsonParser()
            .encodeResourceToString(AcuteRecords.record(Population.generate(42, 200), patient));

    assertThat(first).isEqualTo(second);
  }

  @Test
  void search_without_a_patient_is_refused_with_an_operation_outcome() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(acute.baseUrl() + "/Encounter")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("OperationOutcome");
  }

  @Test
  void a_fixture_replaces_the_record_and_each_search_is_answered_from_it(@TempDir Path dir)
      throws Exception {
    Files.createDirectories(dir.resolve("acute"));
    Files.writeString(
        dir.resolve("acute").resolve(SHOWCASE.value() + ".json"),
        """
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "Condition", "id": "c1",
            "code": {"coding": [{"system": "http://snomed.info/sct", "code": "38341003",
                                 "display": "Hypertension"}]},
            "subject": {"reference": "Patient/p1"}}},
          {"resource": {"resourceType": "Encounter", "id": "e1", "status": "finished",
            "class": {"code": "EMER"}, "subject": {"reference": "Patient/p1"}}}
        ]}
        """);
    try (AcuteHospitalSimulator replaying =
        new AcuteHospitalSimulator(POPULATION, Fixtures.from(dir)).start(0)) {

      Bundle conditions =
          get(
              replaying.baseUrl()
                  + query("Condition", SHOWCASE).substring(acute.baseUrl().length()));

      assertThat(matches(conditions)).hasSize(1);
      assertThat(conditions.getEntryFirstRep().getResource().getIdElement().getIdPart())
          .isEqualTo("c1");
    }
  }

  private static Bundle search(String type, NhsNumber nhsNumber) throws Exception {
    return get(query(type, nhsNumber));
  }

  private static String query(String type, NhsNumber nhsNumber) {
    String token = "https://fhir.nhs.uk/Id/nhs-number|" + nhsNumber.value();
    return acute.baseUrl()
        + "/"
        + type
        + "?patient:identifier="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  private static Bundle get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/fhir+json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return (Bundle) FHIR.newJsonParser().parseResource(response.body());
  }

  private static List<Resource> matches(Bundle bundle) {
    return bundle.getEntry().stream()
        .filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
        .map(Bundle.BundleEntryComponent::getResource)
        .toList();
  }
}
