package org.carelens.simulators.gp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.util.Objects;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.Practice;
import org.carelens.simulators.wiremock.QuietWireMock;

/**
 * One GP practice's GP Connect Access Record: Structured 1.6 endpoint, serving the patients of a
 * {@link Population} registered at that practice. Start it, point an adapter at {@link #baseUrl()},
 * stop it. Not restartable: make a new one instead.
 */
public final class GpPracticeSimulator implements AutoCloseable {

  private static final FhirContext FHIR = FhirContext.forDstu3Cached();

  private final Population population;
  private final Practice practice;
  private final Clock clock;
  private final Fixtures fixtures;
  private WireMockServer server;

  /** The population's first practice, answering with the system clock. */
  public GpPracticeSimulator(Population population) {
    this(population, population.practices().getFirst(), Clock.systemUTC());
  }

  /**
   * @param practice the practice this endpoint answers for; patients registered elsewhere are
   *     {@code PATIENT_NOT_FOUND} here
   * @param clock dates the bundle and bounds {@code medicationSearchFromDate}
   */
  public GpPracticeSimulator(Population population, Practice practice, Clock clock) {
    this(population, practice, clock, Fixtures.none());
  }

  /**
   * @param fixtures {@code DIR/gp/<nhsNumber>.json} replaces this practice's answer for a patient
   *     registered here
   */
  public GpPracticeSimulator(
      Population population, Practice practice, Clock clock, Fixtures fixtures) {
    this.population = Objects.requireNonNull(population, "population");
    this.practice = Objects.requireNonNull(practice, "practice");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fixtures = Objects.requireNonNull(fixtures, "fixtures");
  }

  /**
   * Starts serving on {@code port} on all interfaces; 0 picks a free port.
   *
   * @return this, for chaining
   */
  public synchronized GpPracticeSimulator start(int port) {
    if (server != null) {
      throw new IllegalStateException("GP practice simulator already started on " + port());
    }
    WireMockServer wireMock =
        new WireMockServer(
            QuietWireMock.configure(options().port(port))
                .extensions(
                    new StructuredRecordTransformer(FHIR, population, practice, clock, fixtures)));
    wireMock.stubFor(
        post(urlPathEqualTo(GpConnect.OPERATION_PATH))
            .willReturn(aResponse().withTransformers(StructuredRecordTransformer.NAME)));
    wireMock.start();
    server = wireMock;
    return this;
  }

  public synchronized int port() {
    return running().port();
  }

  /** The running WireMock server, for fault profiles. */
  public synchronized WireMockServer server() {
    return running();
  }

  /** The FHIR base URL, e.g. {@code http://localhost:8091}; the operation is under it. */
  public String baseUrl() {
    return "http://localhost:" + port();
  }

  public Practice practice() {
    return practice;
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

  private WireMockServer running() {
    if (server == null) {
      throw new IllegalStateException("GP practice simulator is not running");
    }
    return server;
  }
}
