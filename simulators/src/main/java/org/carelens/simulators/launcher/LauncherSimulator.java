package org.carelens.simulators.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.launcher.LaunchException.Reason;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;

/**
 * The simulated launching systems ({@link LaunchingSystems}: the out-of-hours system and a
 * community pharmacy system), each with its own issuer and signing key: case lists, launch-token
 * minting and the JWKS the gateway verifies each system's tokens with. Serves on the JDK's built-in
 * HTTP server.
 *
 * <ul>
 *   <li>{@code GET /} — the out-of-hours case list (HTML); {@code GET /?system=community-pharmacy}
 *       another system's
 *   <li>{@code POST /launch} — form {@code persona}, {@code nhsNumber} and optional {@code system}
 *       (default: the persona's own): a page that posts a fresh token to {@code <portalUrl>/launch}
 *   <li>{@code GET /.well-known/jwks.json} — the out-of-hours system's public signing key; {@code
 *       GET /pharmacy-system/.well-known/jwks.json} the community pharmacy system's
 *   <li>{@code GET /api/systems} — each system's id, name, issuer, JWKS URL and personas (JSON)
 *   <li>{@code GET /api/patients} — every patient in the population (JSON)
 *   <li>{@code POST /api/launch-token} — {@code {"persona","nhsNumber"}} (optional {@code
 *       "system"}) to {@code {"token"}}
 * </ul>
 *
 * <p>Errors are RFC 9457 problem details ({@code application/problem+json}) on the API and short
 * HTML pages on the browser routes. Not restartable: make a new one instead.
 */
public final class LauncherSimulator implements AutoCloseable {

  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Population population;
  private final LauncherConfig config;
  private final Map<String, LaunchTokenIssuer> issuers;
  private final PatientTags tags;
  private final List<AdminRoute> adminRoutes = new java.util.concurrent.CopyOnWriteArrayList<>();
  private HttpServer server;
  private ExecutorService executor;

  /** Default configuration and the system clock. */
  public LauncherSimulator(Population population) {
    this(population, LauncherConfig.defaults(), Clock.systemUTC());
  }

  /**
   * Generates each system's RSA signing key at once, so {@link #mintToken} works before {@link
   * #start}.
   *
   * @param clock gives the tokens' {@code iat}, {@code nbf} and {@code exp}
   */
  public LauncherSimulator(Population population, LauncherConfig config, Clock clock) {
    this(population, config, clock, PatientTags.fromPopulation());
  }

  /**
   * @param tags the scenario tags and known sources listed for each patient
   */
  public LauncherSimulator(
      Population population, LauncherConfig config, Clock clock, PatientTags tags) {
    this.population = Objects.requireNonNull(population, "population");
    this.config = Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    Map<String, LaunchTokenIssuer> byId = new LinkedHashMap<>();
    for (LaunchingSystem system : LaunchingSystems.ALL) {
      byId.put(system.id(), new LaunchTokenIssuer(system, config, clock));
    }
    this.issuers = java.util.Collections.unmodifiableMap(byId);
    this.tags = Objects.requireNonNull(tags, "tags");
  }

  /**
   * Serves another API on the launcher's port (the simulators' admin API lives here). Routes added
   * are consulted, in order, before the launcher's own; a route answers by returning {@code true}.
   */
  public void addAdminRoute(AdminRoute route) {
    adminRoutes.add(Objects.requireNonNull(route, "route"));
  }

  /**
   * Mints a signed launch token in-process, signed by the persona's own system.
   *
   * @throws LaunchException UNKNOWN_PERSONA, INVALID_NHS_NUMBER (with {@link NhsNumber}'s message)
   *     or PATIENT_NOT_FOUND
   */
  public String mintToken(String persona, String nhsNumber) {
    return mintToken(persona, nhsNumber, claims -> {});
  }

  /**
   * Mints a token after letting {@code overrides} change any claim, e.g. to make an expired token
   * or one for another audience in a test.
   */
  public String mintToken(
      String persona, String nhsNumber, Consumer<JWTClaimsSet.Builder> overrides) {
    Launch launch = resolve("", persona);
    return launch.issuer().mint(launch.persona(), patient(nhsNumber).nhsNumber(), overrides);
  }

  /** The out-of-hours system's public key set, as served at {@link #jwksUrl()}. */
  public String publicJwkSetJson() {
    return publicJwkSetJson(LaunchingSystems.OUT_OF_HOURS.id());
  }

  /** That system's public key set, as served at {@link #jwksUrl(String)}. */
  public String publicJwkSetJson(String system) {
    return issuerOf(system).publicJwkSetJson();
  }

  /** The {@code kid} of the out-of-hours system's signing key. */
  public String keyId() {
    return keyId(LaunchingSystems.OUT_OF_HOURS.id());
  }

  /** The {@code kid} of that system's signing key. */
  public String keyId(String system) {
    return issuerOf(system).keyId();
  }

  /** The {@code iss} of that system's tokens. */
  public String issuer(String system) {
    return issuerOf(system).issuer();
  }

  public LauncherConfig config() {
    return config;
  }

  /**
   * Starts serving on {@code port} on all interfaces; 0 picks a free port.
   *
   * @return this, for chaining
   */
  public synchronized LauncherSimulator start(int port) {
    if (server != null) {
      throw new IllegalStateException("launcher already started on " + port());
    }
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(port), 0);
      executor = Executors.newVirtualThreadPerTaskExecutor();
      http.setExecutor(executor);
      http.createContext("/", this::handle);
      http.start();
      server = http;
    } catch (IOException e) {
      throw new IllegalStateException("launcher could not listen on port " + port, e);
    }
    return this;
  }

  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("launcher is not running");
    }
    return server.getAddress().getPort();
  }

  public String baseUrl() {
    return "http://localhost:" + port();
  }

  /** The out-of-hours system's JWKS URL. */
  public String jwksUrl() {
    return jwksUrl(LaunchingSystems.OUT_OF_HOURS.id());
  }

  public String jwksUrl(String system) {
    return baseUrl() + issuerOf(system).system().jwksPath();
  }

  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      executor.close();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      handleRoute(exchange);
    }
  }

  private void handleRoute(HttpExchange exchange) throws IOException {
    try {
      for (AdminRoute admin : adminRoutes) {
        if (admin.handle(exchange)) {
          return;
        }
      }
      String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      for (LaunchTokenIssuer issuer : issuers.values()) {
        if (route.equals("GET " + issuer.system().jwksPath())) {
          send(exchange, 200, "application/json", issuer.publicJwkSetJson());
          return;
        }
      }
      switch (route) {
        case "GET /" -> caseListPage(exchange);
        case "POST /launch" -> launchPage(exchange);
        case "GET /api/systems" -> send(exchange, 200, "application/json", systemsJson());
        case "GET /api/patients" -> send(exchange, 200, "application/json", patientsJson());
        case "POST /api/launch-token" -> launchToken(exchange);
        default -> problem(exchange, 404, "about:blank", "Not Found", "no route for " + route);
      }
    } catch (RuntimeException e) {
      // Keep the connection answered: a simulator bug should read as a 500, not a reset.
      problem(exchange, 500, "about:blank", "Internal Server Error", String.valueOf(e));
    }
  }

  private void caseListPage(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String systemId =
        form(query == null ? "" : query).getOrDefault("system", LaunchingSystems.OUT_OF_HOURS.id());
    LaunchingSystem system;
    try {
      system = system(systemId);
    } catch (LaunchException e) {
      send(
          exchange,
          404,
          "text/html; charset=utf-8",
          Pages.error(e.reason().title(), e.getMessage()));
      return;
    }
    send(
        exchange,
        200,
        "text/html; charset=utf-8",
        Pages.caseList(
            system,
            issuers.get(system.id()).issuer(),
            LaunchingSystems.ALL,
            Pages.cases(population.patients()),
            tags.scenarios(),
            Pages.byScenario(population.patients(), tags.scenarios())));
  }

  private void launchPage(HttpExchange exchange) throws IOException {
    try {
      Map<String, String> form = form(readBody(exchange));
      Launch launch = resolve(form.getOrDefault("system", ""), form.getOrDefault("persona", ""));
      SyntheticPatient patient = patient(form.getOrDefault("nhsNumber", ""));
      String token = launch.issuer().mint(launch.persona(), patient.nhsNumber(), claims -> {});
      send(
          exchange,
          200,
          "text/html; charset=utf-8",
          Pages.handOver(config.portalLaunchUrl(), token, patient, launch.persona()));
    } catch (LaunchException e) {
      send(
          exchange,
          e.reason().status(),
          "text/html; charset=utf-8",
          Pages.error(e.reason().title(), e.getMessage()));
    }
  }

  private void launchToken(HttpExchange exchange) throws IOException {
    try {
      JsonNode body = parseJson(readBody(exchange));
      Launch launch = resolve(optional(body, "system"), required(body, "persona"));
      String token =
          launch
              .issuer()
              .mint(launch.persona(), patient(required(body, "nhsNumber")).nhsNumber(), c -> {});
      send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("token", token)));
    } catch (LaunchException e) {
      problem(exchange, e.reason().status(), e.reason().type(), e.reason().title(), e.getMessage());
    }
  }

  private String patientsJson() throws JsonProcessingException {
    List<Map<String, Object>> patients =
        population.patients().stream()
            .map(
                p -> {
                  Map<String, Object> json = new LinkedHashMap<>();
                  json.put("nhsNumber", p.nhsNumber().value());
                  json.put("name", p.displayName());
                  json.put("family", p.family());
                  json.put("given", p.given());
                  json.put("title", p.title());
                  json.put("birthDate", p.birthDate().toString());
                  json.put("gender", p.gender().name().toLowerCase());
                  json.put("practiceOds", p.practice().odsCode());
                  json.put("scenarios", tags.scenarios().apply(p));
                  json.put("knownTo", tags.knownTo().apply(p));
                  return json;
                })
            .toList();
    return JSON.writeValueAsString(patients);
  }

  private String systemsJson() throws JsonProcessingException {
    List<Map<String, Object>> systems =
        issuers.values().stream()
            .map(
                issuer -> {
                  Map<String, Object> json = new LinkedHashMap<>();
                  json.put("id", issuer.system().id());
                  json.put("name", issuer.system().name());
                  json.put("issuer", issuer.issuer());
                  json.put("jwksUrl", baseUrl() + issuer.system().jwksPath());
                  json.put(
                      "personas", issuer.system().personas().stream().map(Persona::id).toList());
                  return json;
                })
            .toList();
    return JSON.writeValueAsString(systems);
  }

  /** A persona and the system that signs for them. */
  private record Launch(LaunchTokenIssuer issuer, Persona persona) {}

  /**
   * The persona, signed for by {@code systemId}, or by the persona's own system when that is blank.
   */
  private Launch resolve(String systemId, String personaId) {
    if (systemId.isBlank()) {
      LaunchingSystem system =
          LaunchingSystems.of(personaId)
              .orElseThrow(
                  () ->
                      new LaunchException(
                          Reason.UNKNOWN_PERSONA,
                          "unknown persona '%s'; known personas are %s"
                              .formatted(
                                  personaId,
                                  LaunchingSystems.ALL.stream()
                                      .flatMap(s -> s.personas().stream())
                                      .map(Persona::id)
                                      .toList())));
      return new Launch(issuers.get(system.id()), system.persona(personaId).orElseThrow());
    }
    LaunchingSystem system = system(systemId);
    Persona persona =
        system
            .persona(personaId)
            .orElseThrow(
                () ->
                    new LaunchException(
                        Reason.UNKNOWN_PERSONA,
                        "persona '%s' is not a user of %s; its users are %s"
                            .formatted(
                                personaId,
                                system.name(),
                                system.personas().stream().map(Persona::id).toList())));
    return new Launch(issuers.get(system.id()), persona);
  }

  private static LaunchingSystem system(String id) {
    return LaunchingSystems.find(id)
        .orElseThrow(
            () ->
                new LaunchException(
                    Reason.UNKNOWN_SYSTEM,
                    "unknown launching system '%s'; the simulated systems are %s"
                        .formatted(
                            id, LaunchingSystems.ALL.stream().map(LaunchingSystem::id).toList())));
  }

  private LaunchTokenIssuer issuerOf(String systemId) {
    return issuers.get(system(systemId).id());
  }

  private SyntheticPatient patient(String nhsNumber) {
    NhsNumber parsed;
    try {
      parsed = NhsNumber.parse(nhsNumber);
    } catch (InvalidNhsNumberException e) {
      throw new LaunchException(Reason.INVALID_NHS_NUMBER, e.getMessage());
    }
    return population
        .find(parsed)
        .orElseThrow(
            () ->
                new LaunchException(
                    Reason.PATIENT_NOT_FOUND,
                    "no patient with NHS number %s in the simulated population"
                        .formatted(parsed.formatted())));
  }

  private static JsonNode parseJson(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new LaunchException(Reason.INVALID_REQUEST, "the request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new LaunchException(
          Reason.INVALID_REQUEST, "the request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static String required(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual()) {
      throw new LaunchException(
          Reason.INVALID_REQUEST, "the request needs a string field '" + field + "'");
    }
    return value.asText();
  }

  private static String optional(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw new LaunchException(
          Reason.INVALID_REQUEST, "the request's field '" + field + "' must be a string");
    }
    return value.asText();
  }

  private static String readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new LaunchException(
            Reason.INVALID_REQUEST, "the request body exceeds " + MAX_BODY_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  private static void problem(
      HttpExchange exchange, int status, String type, String title, String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type);
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    send(exchange, status, "application/problem+json", JSON.writeValueAsString(problem));
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
