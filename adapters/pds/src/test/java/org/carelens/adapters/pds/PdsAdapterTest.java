package org.carelens.adapters.pds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.HumanName;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PdsAdapterTest {

  private static final NhsNumber PATIENT = new NhsNumber("9990000018");
  private static final RequestContext CONTEXT =
      new RequestContext("corr-1", "555123456789", "Dr Anna Clarke", "R0260", "RY448", "UCC");

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
  void a_patient_on_the_spine_is_loaded_with_their_registered_practice() throws Exception {
    answer(PdsPayloads.patient(PATIENT));

    SourceOutcome outcome = adapter.fetch(request());

    assertThat(identity(outcome))
        .isEqualTo(
            new PatientIdentity(
                PATIENT,
                new HumanName("Jones", List.of("Margaret"), Optional.of("Mrs")),
                LocalDate.of(1950, 3, 12),
                Gender.FEMALE,
                Optional.of("12 Acacia Avenue, Headingley, Leeds, LS6 2AB"),
                Optional.of("0113 496 0018"),
                Optional.of("A81001"),
                Optional.empty(),
                false));
    assertThat(((SourceOutcome.Loaded) outcome).record().sections()).isEmpty();
  }

  @Test
  void a_restricted_patient_is_flagged_and_deceased_dates_are_kept() throws Exception {
    answer(PdsPayloads.restrictedPatient(PATIENT));

    PatientIdentity identity = identity(adapter.fetch(request()));

    assertThat(identity.restricted()).isTrue();
    assertThat(identity.address()).isEmpty();
    assertThat(identity.registeredPracticeOds()).isEmpty();
    assertThat(identity.deceasedDate()).contains(LocalDate.of(2026, 10, 2));
  }

  @Test
  void the_read_sends_a_request_id_and_the_correlation_id() throws Exception {
    answer(PdsPayloads.patient(PATIENT));

    adapter.fetch(request());

    spine.verify(
        getRequestedFor(urlEqualTo("/Patient/9990000018"))
            .withHeader("Accept", matching("application/fhir\\+json"))
            .withHeader("X-Request-ID", matching("[0-9a-f-]{36}"))
            .withHeader("X-Correlation-ID", matching("corr-1")));
  }

  @Test
  void an_answer_for_another_patient_is_discarded() throws Exception {
    answer(PdsPayloads.patient(new NhsNumber("9990000026")));

    SourceOutcome outcome = adapter.fetch(request());

    assertThat(outcome).isInstanceOf(SourceOutcome.Failed.class);
    assertThat(((SourceOutcome.Failed) outcome).detail()).contains("requested NHS number");
  }

  private void answer(String body) {
    spine.stubFor(
        get(urlEqualTo("/Patient/" + PATIENT.value()))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody(body)));
  }

  private static SourceRequest request() {
    return new SourceRequest(PATIENT, Set.of(), CONTEXT);
  }

  private static PatientIdentity identity(SourceOutcome outcome) {
    assertThat(outcome).isInstanceOf(SourceOutcome.Loaded.class);
    return ((SourceOutcome.Loaded) outcome).record().patient().orElseThrow();
  }
}
