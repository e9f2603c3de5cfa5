package org.carelens.adapters.careplans;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import org.carelens.sdk.model.AlertItem;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.DocumentItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.DocumentOutcome;
import org.carelens.sdk.spi.DocumentRequest;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceRequest;
import org.carelens.simulators.careplans.CarePlansSimulator;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The adapter against the demo's simulated pointer service: what a clinician will see. */
class CarePlansSimulatorReadTest {

  private static final Population POPULATION =
      Population.generate(42, 200, LocalDate.of(2026, 11, 22));
  private static final NhsNumber SHOWCASE = new NhsNumber(Population.SHOWCASE_NHS_NUMBER);
  private static final RequestContext CONTEXT =
      new RequestContext(
          "0b5e8c1a-55c4-4f1e-9a77-3f5d0f1c2d3e",
          "555123456789",
          "Dr Anna Clarke",
          "S0030:G0100:R0260",
          "RY448",
          "Urgent Care Centre Leeds");

  private static CarePlansSimulator service;
  private static CarePlansAdapter adapter;

  @BeforeAll
  static void start() {
    service = new CarePlansSimulator(POPULATION, Fixtures.none()).start(0);
    adapter =
        new CarePlansAdapter(
            CarePlansConfig.withDefaults(
                "care-plans", "Care plans", URI.create(service.baseUrl()), "X26"));
    // As the gateway and SimulatorsMain do, HAPI builds its models before the first timed
    // request (seconds on a loaded machine): here by one untimed search of the simulator.
    adapter.warmUp();
    try {
      java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(
                      URI.create(
                          service.baseUrl()
                              + "/DocumentReference?subject:identifier="
                              + "https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9990000018"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.discarding());
    } catch (Exception e) {
      throw new IllegalStateException("the simulator did not answer", e);
    }
  }

  @AfterAll
  static void stop() {
    adapter.close();
    service.stop();
  }

  @Test
  void the_showcase_patient_shows_her_respect_form_as_an_alert_and_the_old_one_as_superseded()
      throws Exception {
    SourceOutcome outcome =
        adapter.fetch(new SourceRequest(SHOWCASE, EnumSet.allOf(Section.class), CONTEXT));

    assertThat(outcome).as("%s", outcome).isInstanceOf(SourceOutcome.Loaded.class);
    var record = ((SourceOutcome.Loaded) outcome).record();
    var alerts = record.section(Section.ALERTS).orElseThrow();
    var documents = record.section(Section.DOCUMENTS).orElseThrow();
    assertThat(alerts.items())
        .singleElement()
        .isInstanceOfSatisfying(
            AlertItem.class,
            alert -> {
              assertThat(alert.kind()).isEqualTo(AlertItem.Kind.RESPECT);
              assertThat(alert.note()).hasValueSatisfying(n -> assertThat(n).contains("A81001"));
            });
    assertThat(documents.items())
        .extracting(i -> ((DocumentItem) i).title())
        .containsExactly(
            "ReSPECT (Recommended Summary Plan for Emergency Care and Treatment) form",
            "ReSPECT (Recommended Summary Plan for Emergency Care and Treatment) form"
                + " (superseded)");
    assertThat(alerts.completeness()).isEqualTo(Completeness.complete());
    assertThat(documents.completeness()).isEqualTo(Completeness.complete());
  }

  @Test
  void the_showcase_patients_respect_form_opens() throws Exception {
    SourceOutcome outcome =
        adapter.fetch(new SourceRequest(SHOWCASE, EnumSet.of(Section.DOCUMENTS), CONTEXT));
    assertThat(outcome).as("%s", outcome).isInstanceOf(SourceOutcome.Loaded.class);
    DocumentItem current =
        (DocumentItem)
            ((SourceOutcome.Loaded) outcome)
                .record()
                .section(Section.DOCUMENTS)
                .orElseThrow()
                .items()
                .get(0);

    DocumentOutcome content =
        adapter.fetchDocument(
            new DocumentRequest(SHOWCASE, current.contentReference().orElseThrow(), CONTEXT));

    assertThat(content)
        .isInstanceOfSatisfying(
            DocumentOutcome.Content.class,
            c ->
                assertThat(new String(c.bytes(), StandardCharsets.UTF_8))
                    .contains("CPR to be attempted"));
  }
}
