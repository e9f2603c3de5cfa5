package org.carelens.simulators.careplans;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarePlansSimulatorTest {

  private static final Population POPULATION =
      Population.generate(42, 600, LocalDate.of(2026, 11, 22));
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String NHS = "https://fhir.nhs.uk/Id/nhs-number|";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static CarePlansSimulator service;

  @BeforeAll
  static void start() {
    service = new CarePlansSimulator(POPULATION, Fixtures.none()).start(0);
  }

  @AfterAll
  static void stop() {
    service.stop();
  }

  @Test
  void the_showcase_patient_has_a_current_respect_form_that_replaced_an_older_one()
      throws Exception {
    Bundle answer = search(service, Population.SHOWCASE_NHS_NUMBER, "");

    List<DocumentReference> pointers = pointers(answer);
    assertThat(pointers).hasSize(2);
    DocumentReference current = pointers.get(0);
    assertThat(current.getStatus()).isEqualTo(DocumentReferenceStatus.CURRENT);
    assertThat(current.getType().getCodingFirstRep().getCode()).isEqualTo("1382601000000107");
    assertThat(current.getSubject().getIdentifier().getValue())
        .isEqualTo(Population.SHOWCASE_NHS_NUMBER);
    assertThat(current.getAuthorFirstRep().getIdentifier().getValue()).isEqualTo("A81001");
    assertThat(current.getRelatesToFirstRep().getTarget().getReference())
        .isEqualTo("DocumentReference/" + pointers.get(1).getIdElement().getIdPart());
    assertThat(pointers.get(1).getStatus()).isEqualTo(DocumentReferenceStatus.SUPERSEDED);
  }

  @Test
  void a_status_search_lists_only_current_plans_and_a_type_search_only_that_type()
      throws Exception {
    assertThat(pointers(search(service, Population.SHOWCASE_NHS_NUMBER, "&status=current")))
        .hasSize(1);
    assertThat(
            pointers(
                search(
                    service,
                    Population.SHOWCASE_NHS_NUMBER,
                    "&type=" + encode("http://snomed.info/sct|450476008"))))
        .isEmpty();
  }

  @Test
  void a_plans_content_is_served_as_html_and_ids_carry_no_nhs_number() throws Exception {
    DocumentReference current =
        pointers(search(service, Population.SHOWCASE_NHS_NUMBER, "")).get(0);
    String url = current.getContentFirstRep().getAttachment().getUrl();

    HttpResponse<String> content = get(service.baseUrl() + "/" + url);

    assertThat(url).startsWith("Binary/").doesNotContain(Population.SHOWCASE_NHS_NUMBER);
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(content.body()).contains("ReSPECT").contains("Riverside Medical Practice");
  }

  @Test
  void plans_go_to_the_old_the_mentally_ill_and_a_few_children_and_are_deterministic() {
    long withPlans =
        POPULATION.patients().stream()
            .filter(p -> CarePlanRecords.hasCarePlans(POPULATION, p.nhsNumber()))
            .count();
    List<String> codes =
        POPULATION.patients().stream()
            .flatMap(p -> CarePlanRecords.plans(POPULATION, p).stream())
            .map(CarePlanRecords.Plan::code)
            .distinct()
            .toList();

    assertThat(withPlans).isBetween(10L, 300L);
    assertThat(codes)
        .contains(CarePlanRecords.RESPECT, CarePlanRecords.DNACPR, CarePlanRecords.CRISIS_PLAN);
    SyntheticPatient any =
        POPULATION.patients().stream()
            .filter(p -> CarePlanRecords.hasCarePlans(POPULATION, p.nhsNumber()))
            .skip(3)
            .findFirst()
            .orElseThrow();
    Population again = Population.generate(42, 600, LocalDate.of(2026, 11, 22));
    assertThat(CarePlanRecords.plans(again, again.find(any.nhsNumber()).orElseThrow()))
        .isEqualTo(CarePlanRecords.plans(POPULATION, any));
  }

  @Test
  void a_patient_with_no_plans_gets_an_empty_searchset() throws Exception {
    SyntheticPatient none =
        POPULATION.patients().stream()
            .filter(p -> !CarePlanRecords.hasCarePlans(POPULATION, p.nhsNumber()))
            .findFirst()
            .orElseThrow();

    Bundle answer = search(service, none.nhsNumber().value(), "");

    assertThat(answer.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
    assertThat(answer.getEntry()).isEmpty();
  }

  @Test
  void a_fixture_that_is_not_a_bundle_is_served_verbatim(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("care-plans"));
    Files.writeString(
        dir.resolve("care-plans").resolve(Population.SHOWCASE_NHS_NUMBER + ".json"), "{\"oops\"");
    CarePlansSimulator replaying = new CarePlansSimulator(POPULATION, Fixtures.from(dir)).start(0);
    try {
      HttpResponse<String> response =
          get(
              replaying.baseUrl()
                  + "/DocumentReference?subject:identifier="
                  + encode(NHS + Population.SHOWCASE_NHS_NUMBER));

      assertThat(response.body()).isEqualTo("{\"oops\"");
    } finally {
      replaying.stop();
    }
  }

  private static Bundle search(CarePlansSimulator simulator, String nhsNumber, String more)
      throws Exception {
    HttpResponse<String> response =
        get(
            simulator.baseUrl()
                + "/DocumentReference?subject:identifier="
                + encode(NHS + nhsNumber)
                + more);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return (Bundle) FHIR.newJsonParser().parseResource(response.body());
  }

  private static List<DocumentReference> pointers(Bundle answer) {
    return answer.getEntry().stream().map(e -> (DocumentReference) e.getResource()).toList();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
