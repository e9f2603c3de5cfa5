package org.carelens.simulators.gp;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.Practice;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Immunization;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Parameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JournalAreasTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  private static final FhirContext FHIR = FhirContext.forDstu3Cached();
  private static final Population POPULATION = Population.generate(42, 20, TODAY);
  private static final List<String> AREAS =
      List.of(
          "includeImmunisations",
          "includeConsultations",
          "includeReferrals",
          "includeInvestigations",
          "includeUncategorisedData");
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
  void every_structured_area_is_answered_with_its_list() throws Exception {
    Bundle bundle = showcase(AREAS);

    assertThat(listCodes(bundle))
        .contains(
            "1102181000000102",
            "1149501000000101",
            "792931000000107",
            "887191000000108",
            "826501000000100");
  }

  @Test
  void the_showcase_patient_has_flu_vaccinations_and_coded_results_with_ranges() throws Exception {
    Bundle bundle = showcase(AREAS);

    assertThat(resources(bundle, Immunization.class)).isNotEmpty();
    assertThat(resources(bundle, Observation.class))
        .anySatisfy(
            o -> {
              assertThat(o.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
              assertThat(o.getReferenceRangeFirstRep().getText()).isNotBlank();
            });
  }

  @Test
  void the_journal_is_the_same_on_every_call() throws Exception {
    String first = FHIR.newJsonParser().encodeResourceToString(strip(showcase(AREAS)));

    String second = FHIR.newJsonParser().encodeResourceToString(strip(showcase(AREAS)));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void areas_not_asked_for_are_not_answered() throws Exception {
    Bundle bundle = showcase(List.of("includeImmunisations"));

    assertThat(listCodes(bundle)).containsExactly("1102181000000102");
  }

  private static Bundle strip(Bundle bundle) {
    bundle.setId((String) null);
    return bundle;
  }

  private static List<String> listCodes(Bundle bundle) {
    return resources(bundle, ListResource.class).stream()
        .filter(l -> l.hasDate())
        .map(l -> l.getCode().getCodingFirstRep().getCode())
        .toList();
  }

  private static <T> List<T> resources(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  private static Bundle showcase(List<String> areas) throws Exception {
    Parameters parameters = new Parameters();
    parameters
        .addParameter()
        .setName("patientNHSNumber")
        .setValue(
            new Identifier()
                .setSystem("https://fhir.nhs.uk/Id/nhs-number")
                .setValue(Population.SHOWCASE_NHS_NUMBER));
    areas.forEach(area -> parameters.addParameter().setName(area));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gp.baseUrl() + "/Patient/$gpc.getstructuredrecord"))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    FHIR.newJsonParser().encodeResourceToString(parameters)));
    Map.of(
            "Ssp-TraceID", "1",
            "Ssp-From", "200000000359",
            "Ssp-To", "A81001",
            "Ssp-InteractionID", GpConnect.INTERACTION_ID,
            "Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
            "Content-Type", "application/fhir+json")
        .forEach(request::header);
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
  }
}
