package org.carelens.simulators.socialcare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.wiremock.QuietWireMock;

/**
 * The council's adult social care API on WireMock.
 *
 * <ul>
 *   <li>{@code POST /oauth/token}, form {@code grant_type=client_credentials}, client id and secret
 *       in HTTP Basic → {@code {"access_token", "token_type": "Bearer", "expires_in": 300}}; wrong
 *       credentials → 401 {@code invalid_client}.
 *   <li>{@code GET /api/v1/people?nhsNumber=...} → a page whose {@code content} holds the person
 *       (with {@code id}), or is empty for a patient the council does not know.
 *   <li>{@code GET /api/v1/people/{id}/involvements}, {@code /care-packages}, {@code /safeguarding}
 *       with {@code page} (from 0) and {@code size} (1 to {@value #MAX_PAGE_SIZE}, default 20) →
 *       {@code {"content": [...], "page", "size", "totalElements", "totalPages", "_links": {"self",
 *       "next"}}}; {@code next} is present while more pages follow.
 *   <li>Without a valid, unexpired bearer token → 401 {@code invalid_token}.
 * </ul>
 *
 * <p><b>Fixtures.</b> {@code DIR/social-care/<nhsNumber>.json} replaces the person's whole
 * document: {@code {"person": {"id", "nhsNumber", "name": {"title", "given", "family"},
 * "dateOfBirth", "gender", "address"}, "involvements": [...], "carePackages": [...],
 * "safeguarding": [...]}} with items shaped as the API serves them. The API pages through the
 * fixture's arrays. A file that is not such a document (no {@code person.id}) is served verbatim as
 * the answer to the people search, to replay malformed payloads.
 *
 * <p>Not restartable: make a new one instead.
 */
public final class SocialCareSimulator implements AutoCloseable {

  public static final String COUNCIL_CODE = "LA001";
  public static final String COUNCIL_NAME = "Riverside Council Adult Social Care";
  public static final String TOKEN_PATH = "/oauth/token";

  /** Simulated client credentials; not secrets. */
  public static final String DEFAULT_CLIENT_ID = "carelens-gateway";

  public static final String DEFAULT_CLIENT_SECRET = "la001-simulated-client-secret";

  public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);
  public static final int MAX_PAGE_SIZE = 50;

  private final Population population;
  private final Fixtures fixtures;
  private final Clock clock;
  private final String clientId;
  private final String clientSecret;
  private final Duration tokenLifetime;
  private WireMockServer server;

  public SocialCareSimulator(Population population, Fixtures fixtures, Clock clock) {
    this(population, fixtures, clock, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, TOKEN_LIFETIME);
  }

  /**
   * @param clock decides token expiry
   */
  public SocialCareSimulator(
      Population population,
      Fixtures fixtures,
      Clock clock,
      String clientId,
      String clientSecret,
      Duration tokenLifetime) {
    this.population = Objects.requireNonNull(population, "population");
    this.fixtures = Objects.requireNonNull(fixtures, "fixtures");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    this.tokenLifetime = Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
      throw new IllegalArgumentException("tokenLifetime must be positive, was " + tokenLifetime);
    }
  }

  /**
   * Starts serving on {@code port}; 0 picks a free port.
   *
   * @return this, for chaining
   */
  public synchronized SocialCareSimulator start(int port) {
    if (server != null) {
      throw new IllegalStateException("social care simulator already started on " + port());
    }
    SocialCareApi api =
        new SocialCareApi(
            population, fixtures, new TokenStore(clock, tokenLifetime), clientId, clientSecret);
    WireMockServer wireMock =
        new WireMockServer(QuietWireMock.configure(options().port(port)).extensions(api));
    wireMock.stubFor(
        any(urlPathMatching("/(oauth|api)/.*"))
            .willReturn(aResponse().withTransformers(SocialCareApi.NAME)));
    wireMock.start();
    server = wireMock;
    return this;
  }

  public synchronized int port() {
    return server().port();
  }

  /** The API root, e.g. {@code http://localhost:8097}. */
  public String baseUrl() {
    return "http://localhost:" + port();
  }

  /** The running WireMock server, for fault profiles. */
  public synchronized WireMockServer server() {
    if (server == null) {
      throw new IllegalStateException("social care simulator is not running");
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
