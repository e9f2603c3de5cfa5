package org.carelens.simulators.acute;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Objects;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.wiremock.QuietWireMock;

/**
 * The acute trust's UK Core FHIR R4 API ({@value AcuteRecords#TRUST_NAME}, ODS {@value
 * AcuteRecords#TRUST_ODS}) on WireMock.
 *
 * <ul>
 *   <li>{@code GET /Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{nhs}}
 *   <li>{@code GET /{Encounter|Condition|AllergyIntolerance|MedicationStatement|DiagnosticReport|
 *       DocumentReference|Observation}?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|{nhs}}
 *       ({@code subject:identifier}, {@code patient.identifier} and {@code subject.identifier} are
 *       accepted too; {@code _id} narrows to one resource); {@code DiagnosticReport} honours {@code
 *       _include=DiagnosticReport:result}
 *   <li>→ a searchset Bundle; empty for a patient the trust does not know, as FHIR servers answer
 *   <li>{@code GET /{Type}/{id}} reads one resource; {@code GET /Binary/{id}} returns the document
 *       (discharge summary as {@code text/html}, clinic letter as {@code text/plain}) unless {@code
 *       Accept: application/fhir+json} asks for the Binary resource
 * </ul>
 *
 * <p><b>Fixtures.</b> {@code DIR/acute/<nhsNumber>.json} is a Bundle holding all the patient's
 * resources; each search is answered from it, filtered by resource type. Reads by id find fixture
 * resources whose ids start with the patient's key (as generated ids do). A fixture that is not a
 * Bundle is served verbatim as the answer to every search, to replay malformed payloads.
 *
 * <p>Not restartable: make a new one instead.
 */
public final class AcuteHospitalSimulator implements AutoCloseable {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final Population population;
  private final Fixtures fixtures;
  private WireMockServer server;

  public AcuteHospitalSimulator(Population population, Fixtures fixtures) {
    this.population = Objects.requireNonNull(population, "population");
    this.fixtures = Objects.requireNonNull(fixtures, "fixtures");
  }

  /**
   * Starts serving on {@code port}; 0 picks a free port.
   *
   * @return this, for chaining
   */
  public synchronized AcuteHospitalSimulator start(int port) {
    if (server != null) {
      throw new IllegalStateException("acute hospital simulator already started on " + port());
    }
    WireMockServer wireMock =
        new WireMockServer(
            QuietWireMock.configure(options().port(port))
                .extensions(new AcuteFhirApi(FHIR, population, fixtures)));
    wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(AcuteFhirApi.NAME)));
    wireMock.start();
    server = wireMock;
    return this;
  }

  public synchronized int port() {
    return server().port();
  }

  /** The FHIR base URL, e.g. {@code http://localhost:8095}. */
  public String baseUrl() {
    return "http://localhost:" + port();
  }

  /** The running WireMock server, for fault profiles. */
  public synchronized WireMockServer server() {
    if (server == null) {
      throw new IllegalStateException("acute hospital simulator is not running");
    }
    return server;
  }

  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
