package org.carelens.simulators.mentalhealth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Objects;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.wiremock.QuietWireMock;

/**
 * The mental health trust's RiO-style XML API on WireMock:
 *
 * <ul>
 *   <li>{@code GET /rio/api/v2/clients/{nhsNumber}/summary} with header {@code X-Api-Key} → 200
 *       {@code application/xml} client summary;
 *   <li>401 {@code UNAUTHORISED} without the right key, 400 {@code INVALID_NHS_NUMBER}, 404 {@code
 *       CLIENT_NOT_FOUND} for a patient the trust does not know, 403 {@code SHARING_REFUSED} for a
 *       client who asked the trust not to share — each with an XML {@code <Error>} body.
 * </ul>
 *
 * A fixture ({@code DIR/mental-health/<nhsNumber>.xml}) replaces the summary verbatim. Not
 * restartable: make a new one instead.
 */
public final class MentalHealthSimulator implements AutoCloseable {

  public static final String TRUST_ODS = "RXY";
  public static final String TRUST_NAME = "Riverside Mental Health NHS Foundation Trust";
  public static final String API_KEY_HEADER = "X-Api-Key";

  /** The simulated API key; a simulated credential, not a secret. */
  public static final String DEFAULT_API_KEY = "rxy-simulated-api-key";

  public static final String SUMMARY_PATH_PATTERN = "/rio/api/v2/clients/[^/]+/summary";
  static final String CONTENT_TYPE = "application/xml;charset=UTF-8";

  private final Population population;
  private final Fixtures fixtures;
  private final String apiKey;
  private WireMockServer server;

  public MentalHealthSimulator(Population population) {
    this(population, Fixtures.none(), DEFAULT_API_KEY);
  }

  public MentalHealthSimulator(Population population, Fixtures fixtures) {
    this(population, fixtures, DEFAULT_API_KEY);
  }

  public MentalHealthSimulator(Population population, Fixtures fixtures, String apiKey) {
    this.population = Objects.requireNonNull(population, "population");
    this.fixtures = Objects.requireNonNull(fixtures, "fixtures");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank");
    }
  }

  /**
   * Starts serving on {@code port}; 0 picks a free port.
   *
   * @return this, for chaining
   */
  public synchronized MentalHealthSimulator start(int port) {
    if (server != null) {
      throw new IllegalStateException("mental health simulator already started on " + port());
    }
    WireMockServer wireMock =
        new WireMockServer(
            QuietWireMock.configure(options().port(port))
                .extensions(new SummaryTransformer(population, fixtures, apiKey)));
    wireMock.stubFor(
        get(urlPathMatching(SUMMARY_PATH_PATTERN))
            .willReturn(aResponse().withTransformers(SummaryTransformer.NAME)));
    wireMock.start();
    server = wireMock;
    return this;
  }

  public synchronized int port() {
    return server().port();
  }

  /** The API root, e.g. {@code http://localhost:8096}; paths start {@code /rio/api/v2}. */
  public String baseUrl() {
    return "http://localhost:" + port();
  }

  /** The running WireMock server, for fault profiles. */
  public synchronized WireMockServer server() {
    if (server == null) {
      throw new IllegalStateException("mental health simulator is not running");
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
