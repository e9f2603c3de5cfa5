package org.carelens.simulators.gp;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Predicate;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.Practice;
import org.carelens.simulators.population.Problem;
import org.carelens.simulators.population.SyntheticPatient;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecondPracticeAndProblemsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  private static final FhirContext FHIR = FhirContext.forDstu3Cached();
  private static final Population POPULATION = Population.generate(42, 200, TODAY);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Clock CLOCK =
      Clock.fixed(TODAY.atTime(9, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  private static final Map<String, String> HEADERS =
      Map.of(
          "Ssp-TraceID", "3b8a1f4e-8e0c-4a3a-9d65-0e9d4c8e9a11",
          "Ssp-From", "200000000359",
          "Ssp-To", "918999198993",
          "Ssp-InteractionID", GpConnect.INTERACTION_ID,
          "Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
          "Content-Type", "application/fhir+json");

  @TempDir Path fixtures;
  private GpPracticeSimulator gp;

  @AfterEach
  void stop() {
    gp.stop();
  }

  @Test
  void the_second_practice_answers_for_its_own_patients_only() throws Exception {
    gp = new GpPracticeSimulator(POPULATION, Practice.HILLSIDE, CLOCK).start(0);
    SyntheticPatient hillside =
        first(p -> p.practice().equals(Practice.HILLSIDE) && !p.gpDissent());

    HttpResponse<String> own = post(problems(hillside));
    HttpResponse<String> other = post(problems(POPULATION.showcase()));

    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).contains("PATIENT_NOT_FOUND");
  }

  @Test
  void a_confidential_problem_is_left_out_with_the_confidential_items_warning() throws Exception {
    SyntheticPatient patient =
        first(p -> !p.gpDissent() && p.problems().stream().anyMatch(Problem::confidential));
    gp = new GpPracticeSimulator(POPULATION, patient.practice(), CLOCK).start(0);

    Bundle bundle = bundle(post(problems(patient)));

    ListResource list = problemsList(bundle);
    assertThat(list.getExtension())
        .anySatisfy(
            e -> assertThat(((CodeType) e.getValue()).getValue()).isEqualTo("confidential-items"));
    assertThat(conditionCodes(bundle))
        .doesNotContainAnyElementsOf(
            patient.problems().stream()
                .filter(Problem::confidential)
                .map(p -> p.concept().code())
                .toList());
    assertThat(list.getEntry())
        .hasSize((int) patient.problems().stream().filter(p -> !p.confidential()).count());
  }

  @Test
  void the_showcase_problems_are_listed_as_problem_header_conditions() throws Exception {
    gp = new GpPracticeSimulator(POPULATION, Practice.RIVERSIDE, CLOCK).start(0);

    Bundle bundle = bundle(post(problems(POPULATION.showcase())));

    assertThat(problemsList(bundle).getExtension()).isEmpty();
    assertThat(conditionCodes(bundle)).containsExactly("38341003", "239873007");
  }

  @Test
  void the_practice_holds_the_old_surname_or_address_of_a_discrepant_patient() throws Exception {
    SyntheticPatient patient =
        first(p -> !p.gpDissent() && p.scenarios().contains(SyntheticPatient.DISCREPANCY));
    gp = new GpPracticeSimulator(POPULATION, patient.practice(), CLOCK).start(0);

    Bundle bundle = bundle(post(problems(patient)));

    Patient atGp =
        bundle.getEntry().stream()
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(Patient.class::isInstance)
            .map(Patient.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(atGp.getNameFirstRep().getFamily()).isEqualTo(patient.familyAtGp());
    assertThat(atGp.getAddressFirstRep().getPostalCode())
        .isEqualTo(patient.addressAtGp().postcode());
  }

  @Test
  void a_fixture_replaces_the_answer_for_a_patient_registered_at_the_practice() throws Exception {
    SyntheticPatient dissenter = first(SyntheticPatient::gpDissent);
    Files.createDirectories(fixtures.resolve("gp"));
    Files.writeString(
        fixtures.resolve("gp").resolve(dissenter.nhsNumber().value() + ".json"),
        "{\"replayed\":1}");
    gp =
        new GpPracticeSimulator(POPULATION, dissenter.practice(), CLOCK, Fixtures.from(fixtures))
            .start(0);

    HttpResponse<String> response = post(problems(dissenter));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"replayed\":1}");
  }

  private static SyntheticPatient first(Predicate<SyntheticPatient> predicate) {
    return POPULATION.patients().stream().filter(predicate).findFirst().orElseThrow();
  }

  private static String problems(SyntheticPatient patient) {
    Parameters parameters = new Parameters();
    parameters
        .addParameter()
        .setName("patientNHSNumber")
        .setValue(
            new Identifier()
                .setSystem("https://fhir.nhs.uk/Id/nhs-number")
                .setValue(patient.nhsNumber().value()));
    parameters.addParameter().setName("includeProblems");
    return FHIR.newJsonParser().encodeResourceToString(parameters);
  }

  private HttpResponse<String> post(String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gp.baseUrl() + "/Patient/$gpc.getstructuredrecord"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    HEADERS.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Bundle bundle(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
  }

  private static ListResource problemsList(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(ListResource.class::isInstance)
        .map(ListResource.class::cast)
        .filter(l -> l.getCode().getCodingFirstRep().getCode().equals("717711000000103"))
        .findFirst()
        .orElseThrow();
  }

  private static java.util.List<String> conditionCodes(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(Condition.class::isInstance)
        .map(r -> ((Condition) r).getCode().getCodingFirstRep().getCode())
        .toList();
  }
}
