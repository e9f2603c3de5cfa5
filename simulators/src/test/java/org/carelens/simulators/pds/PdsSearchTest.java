package org.carelens.simulators.pds;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdsSearchTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final Population POPULATION =
      Population.generate(42, 200, LocalDate.of(2026, 11, 22));
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static PdsSimulator pds;

  @BeforeAll
  static void start() {
    pds = new PdsSimulator(POPULATION).start(0);
  }

  @AfterAll
  static void stop() {
    pds.stop();
  }

  @Test
  void an_exact_trace_finds_the_showcase_patient_with_score_one() throws Exception {
    HttpResponse<String> response =
        search(Map.of("family", "jones", "given", "Margaret", "birthdate", "eq1950-03-12"));

    Bundle bundle = bundle(response);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(bundle.getEntry())
        .extracting(e -> ((Patient) e.getResource()).getIdentifierFirstRep().getValue())
        .contains(Population.SHOWCASE_NHS_NUMBER);
    assertThat(bundle.getEntryFirstRep().getSearch().getScore().doubleValue()).isEqualTo(1.0);
  }

  @Test
  void a_misspelt_family_name_is_found_only_by_a_fuzzy_search() throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("family", "Jonse");
    params.put("birthdate", "1950-03-12");

    Bundle exact = bundle(search(params));
    params.put("_fuzzy-match", "true");
    Bundle fuzzy = bundle(search(params));

    assertThat(exact.getEntry()).isEmpty();
    assertThat(fuzzy.getEntry())
        .extracting(e -> ((Patient) e.getResource()).getIdentifierFirstRep().getValue())
        .contains(Population.SHOWCASE_NHS_NUMBER);
    assertThat(fuzzy.getEntryFirstRep().getSearch().getScore().doubleValue()).isLessThan(1.0);
  }

  @Test
  void more_matches_than_the_limit_is_too_many_matches_with_no_patients() {
    Population large = Population.generate(7, 5000, LocalDate.of(2026, 11, 22));
    // Two patients born the same day whose family names start alike: "Xy*" matches both.
    Map<String, java.util.List<SyntheticPatient>> twins =
        large.patients().stream()
            .collect(
                Collectors.groupingBy(
                    p -> p.birthDate() + "/" + p.family().substring(0, 2).toLowerCase()));
    java.util.List<SyntheticPatient> pair =
        twins.values().stream().filter(l -> l.size() >= 2).findFirst().orElseThrow();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("family", pair.get(0).family().substring(0, 2) + "*");
    params.put("birthdate", pair.get(0).birthDate().toString());
    params.put("_max-results", String.valueOf(pair.size() - 1));

    PdsSearch.Answer answer = PdsSearch.search(large, params);

    Bundle bundle = (Bundle) answer.resource();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(bundle.getTotal()).isZero();
    OperationOutcome outcome = (OperationOutcome) bundle.getEntryFirstRep().getResource();
    assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
        .isEqualTo("TOO_MANY_MATCHES");
    params.put("_max-results", String.valueOf(pair.size()));
    assertThat(((Bundle) PdsSearch.search(large, params).resource()).getTotal())
        .isEqualTo(pair.size());
  }

  @Test
  void a_trace_without_family_or_birth_date_is_invalid_search_data() throws Exception {
    HttpResponse<String> response = search(Map.of("family", "Jones"));

    assertThat(response.statusCode()).isEqualTo(400);
    OperationOutcome outcome =
        (OperationOutcome) FHIR.newJsonParser().parseResource(response.body());
    assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
        .isEqualTo("INVALID_SEARCH_DATA");
  }

  @Test
  void a_restricted_patient_is_listed_without_address() throws Exception {
    SyntheticPatient restricted =
        POPULATION.patients().stream()
            .filter(p -> p.scenarios().contains(SyntheticPatient.RESTRICTED))
            .findFirst()
            .orElseThrow();

    Bundle bundle =
        bundle(
            search(
                Map.of(
                    "family", restricted.family(),
                    "birthdate", restricted.birthDate().toString())));

    Patient found =
        bundle.getEntry().stream()
            .map(e -> (Patient) e.getResource())
            .filter(
                p -> p.getIdentifierFirstRep().getValue().equals(restricted.nhsNumber().value()))
            .findFirst()
            .orElseThrow();
    assertThat(found.getMeta().getSecurityFirstRep().getCode()).isEqualTo("R");
    assertThat(found.getAddress()).isEmpty();
  }

  @Test
  void a_postcode_never_finds_a_restricted_patient_by_their_hidden_address() throws Exception {
    SyntheticPatient restricted =
        POPULATION.patients().stream()
            .filter(p -> p.scenarios().contains(SyntheticPatient.RESTRICTED))
            .findFirst()
            .orElseThrow();

    Bundle bundle =
        bundle(
            search(
                Map.of(
                    "family", restricted.family(),
                    "birthdate", restricted.birthDate().toString(),
                    "address-postalcode", restricted.address().postcode())));

    assertThat(bundle.getEntry()).isEmpty();
  }

  @Test
  void soundex_codes_names_that_sound_alike_the_same() {
    assertThat(PdsSearch.soundex("Robert")).isEqualTo("R163");
    assertThat(PdsSearch.soundex("Rupert")).isEqualTo("R163");
    assertThat(PdsSearch.soundex("Ashcraft")).isEqualTo("A261");
  }

  private static Bundle bundle(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return (Bundle) FHIR.newJsonParser().parseResource(response.body());
  }

  private static HttpResponse<String> search(Map<String, String> params) throws Exception {
    String query =
        params.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(pds.baseUrl() + "/Patient?" + query))
            .header("Accept", "application/fhir+json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
