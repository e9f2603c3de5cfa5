package org.carelens.adapters.pds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.spi.DemographicQuery;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SearchOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PdsSearchTest {

  private static final NhsNumber JONES = new NhsNumber("9990000018");
  private static final NhsNumber WALKER = new NhsNumber("9990000026");
  private static final RequestContext CONTEXT =
      new RequestContext("corr-1", "555123456789", "Ms Priya Shah", "pharmacist", "RXX01", "RXX");
  private static final DemographicQuery QUERY =
      new DemographicQuery(
          "Jones",
          Optional.of("Margaret"),
          LocalDate.of(1950, 3, 12),
          Optional.of(Gender.FEMALE),
          Optional.of("LS6 2AB"),
          false,
          10);

  private static WireMockServer spine;
  private PdsAdapter adapter;

  @BeforeAll
  static void startSpine() {
    spine = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    spine.start();
  }

  @AfterAll
  static void stopSpine() {
    spine.stop();
  }

  @BeforeEach
  void newAdapter() {
    spine.resetAll();
    adapter = new PdsAdapter(PdsConfig.withDefaults("pds", "PDS", URI.create(spine.baseUrl())));
  }

  @AfterEach
  void closeAdapter() {
    adapter.close();
  }

  @Test
  void the_trace_is_a_pds_fhir_patient_search_with_each_criterion() throws Exception {
    answer(200, bundle(entry(PdsPayloads.patient(JONES), 1.0)));

    adapter.search(QUERY, CONTEXT);

    spine.verify(
        getRequestedFor(urlPathEqualTo("/Patient"))
            .withQueryParam("family", equalTo("Jones"))
            .withQueryParam("given", equalTo("Margaret"))
            .withQueryParam("gender", equalTo("female"))
            .withQueryParam("birthdate", equalTo("eq1950-03-12"))
            .withQueryParam("address-postalcode", equalTo("LS6 2AB"))
            .withQueryParam("_fuzzy-match", equalTo("false"))
            .withQueryParam("_max-results", equalTo("10")));
  }

  @Test
  void matches_carry_identity_postcode_and_score() throws Exception {
    answer(200, bundle(entry(PdsPayloads.patient(JONES), 0.92)));

    SearchOutcome outcome = adapter.search(QUERY, CONTEXT);

    SearchOutcome.Match match = ((SearchOutcome.Matches) outcome).matches().getFirst();
    assertThat(match.identity().nhsNumber()).isEqualTo(JONES);
    assertThat(match.postcode()).contains("LS6 2AB");
    assertThat(match.score()).isEqualTo(0.92);
  }

  @Test
  void a_restricted_match_has_no_postcode() throws Exception {
    answer(200, bundle(entry(PdsPayloads.restrictedPatient(WALKER), 1.0)));

    SearchOutcome outcome = adapter.search(QUERY, CONTEXT);

    SearchOutcome.Match match = ((SearchOutcome.Matches) outcome).matches().getFirst();
    assertThat(match.identity().restricted()).isTrue();
    assertThat(match.postcode()).isEmpty();
    assertThat(match.identity().address()).isEmpty();
  }

  @Test
  void too_many_matches_is_its_own_outcome_not_an_empty_list() throws Exception {
    answer(
        200,
        """
        {"resourceType":"Bundle","type":"searchset","total":0,"entry":[{"search":{"mode":"outcome"},
         "resource":{"resourceType":"OperationOutcome","issue":[{"severity":"information",
          "code":"multiple-matches","details":{"coding":[{"code":"TOO_MANY_MATCHES"}]}}]}}]}
        """);

    SearchOutcome outcome = adapter.search(QUERY, CONTEXT);

    assertThat(outcome).isInstanceOf(SearchOutcome.TooManyMatches.class);
  }

  /** The shape NHS Digital's PDS sandbox answers: a bare OperationOutcome, HTTP 400. */
  @Test
  void too_many_matches_as_the_pds_sandbox_answers_it_is_its_own_outcome() throws Exception {
    answer(
        400,
        """
        {"resourceType":"OperationOutcome","issue":[{"severity":"information","code":"not-found",
         "details":{"coding":[{"system":"https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode",
          "version":"1","code":"TOO_MANY_MATCHES","display":"Too Many Matches"}]}}]}
        """);

    SearchOutcome outcome = adapter.search(QUERY, CONTEXT);

    assertThat(outcome).isInstanceOf(SearchOutcome.TooManyMatches.class);
  }

  /** The shape PDS's specification lists: HTTP 200, here with a bare OperationOutcome. */
  @Test
  void too_many_matches_as_a_bare_operation_outcome_at_200_is_its_own_outcome() throws Exception {
    answer(
        200,
        """
        {"resourceType":"OperationOutcome","issue":[{"severity":"information","code":"not-found",
         "details":{"coding":[{"code":"TOO_MANY_MATCHES"}]}}]}
        """);

    SearchOutcome outcome = adapter.search(QUERY, CONTEXT);

    assertThat(outcome).isInstanceOf(SearchOutcome.TooManyMatches.class);
  }

  @Test
  void criteria_the_spine_refuses_are_invalid_with_its_code() throws Exception {
    answer(
        400,
        """
        {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid",
         "details":{"coding":[{"code":"INVALID_SEARCH_DATA"}]}}]}
        """);

    SearchOutcome outcome = adapter.search(QUERY, CONTEXT);

    assertThat(((SearchOutcome.Invalid) outcome).detail()).contains("INVALID_SEARCH_DATA");
  }

  @Test
  void a_server_error_is_a_failure_not_no_matches() throws Exception {
    answer(503, "");

    SearchOutcome outcome = adapter.search(QUERY, CONTEXT);

    assertThat(outcome).isInstanceOf(SearchOutcome.Failed.class);
  }

  @Test
  void a_lookup_by_nhs_number_reads_the_patient_with_their_postcode() throws Exception {
    spine.stubFor(
        get(urlPathEqualTo("/Patient/" + JONES.value()))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody(PdsPayloads.patient(JONES))));

    SearchOutcome outcome = adapter.lookup(JONES, CONTEXT);

    SearchOutcome.Match match = ((SearchOutcome.Matches) outcome).matches().getFirst();
    assertThat(match.identity().nhsNumber()).isEqualTo(JONES);
    assertThat(match.postcode()).contains("LS6 2AB");
    assertThat(match.score()).isEqualTo(1.0);
  }

  @Test
  void a_lookup_of_a_number_the_spine_does_not_hold_is_no_match() throws Exception {
    spine.stubFor(
        get(urlPathEqualTo("/Patient/" + WALKER.value()))
            .willReturn(aResponse().withStatus(404).withBody(PdsPayloads.notFound())));

    SearchOutcome outcome = adapter.lookup(WALKER, CONTEXT);

    assertThat(((SearchOutcome.Matches) outcome).matches()).isEmpty();
  }

  private static String entry(String patient, double score) {
    return "{\"resource\":" + patient + ",\"search\":{\"mode\":\"match\",\"score\":" + score + "}}";
  }

  private static String bundle(String... entries) {
    return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":"
        + entries.length
        + ",\"entry\":["
        + String.join(",", entries)
        + "]}";
  }

  private static void answer(int status, String body) {
    spine.stubFor(
        get(urlPathEqualTo("/Patient"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody(body)));
  }
}
