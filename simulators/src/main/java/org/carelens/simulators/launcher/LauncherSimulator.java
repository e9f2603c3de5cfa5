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
 * The simulated out-of-hours system: a case list, launch-token minting and the JWKS the gateway
 * verifies those tokens with. Serves on the JDK's built-in HTTP server.
 *
 * <ul>
 *   <li>{@code GET /} — the case list (HTML)
 *   <li>{@code POST /launch} — form {@code persona}, {@code nhsNumber}: a page that posts a fresh
 *       token to {@code <portalUrl>/launch}
 *   <li>{@code GET /.well-known/jwks.json} — the public signing key
 *   <li>{@code GET /api/patients} — every patient in the population (JSON)
 *   <li>{@code POST /api/launch-token} — {@code {"persona","nhsNumber"}} to {@code {"token"}}
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
  private final LaunchTokenIssuer issuer;
  private final PatientTags tags;
  private final List<AdminRoute> adminRoutes = new java.util.concurrent.CopyOnWriteArrayList<>();
  private HttpServer server;
  private ExecutorService executor;

  /** Default configuration and the system clock. */
  public LauncherSimulator(Population population) {
    this(population, LauncherConfig.defaults(), Clock.systemUTC());
  }

  /**
   * Generates the RSA signing key at once, so {@link #mintToken} works before {@link #start}.
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
    this.issuer = new LaunchTokenIssuer(config, Objects.requireNonNull(clock, "clock"));
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
   * Mints a signed launch token in-process.
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
    return issuer.mint(persona(persona), patient(nhsNumber).nhsNumber(), overrides);
  }

  /** The public key set, as served at {@link #jwksUrl()}. */
  public String publicJwkSetJson() {
    return issuer.publicJwkSetJson();
  }

  /** The {@code kid} of the signing key. */
  public String keyId() {
    return issuer.keyId();
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

  public String jwksUrl() {
    return baseUrl() + "/.well-known/jwks.json";
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
      switch (route) {
        case "GET /" -> send(exchange, 200, "text/html; charset=utf-8", caseList());
        case "POST /launch" -> launchPage(exchange);
        case "GET /.well-known/jwks.json" ->
            send(exchange, 200, "application/json", issuer.publicJwkSetJson());
        case "GET /api/patients" -> send(exchange, 200, "application/json", patientsJson());
        case "POST /api/launch-token" -> launchToken(exchange);
        default -> problem(exchange, 404, "about:blank", "Not Found", "no route for " + route);
      }
    } catch (RuntimeException e) {
      // Keep the connection answered: a simulator bug should read as a 500, not a reset.
      problem(exchange, 500, "about:blank", "Internal Server Error", String.valueOf(e));
    }
  }

  private String caseList() {
    return Pages.caseList(
        Pages.cases(population.patients()),
        Personas.ALL,
        tags.scenarios(),
        Pages.byScenario(population.patients(), tags.scenarios()));
  }

  private void launchPage(HttpExchange exchange) throws IOException {
    try {
      Map<String, String> form = form(readBody(exchange));
      Persona persona = persona(form.getOrDefault("persona", ""));
      SyntheticPatient patient = patient(form.getOrDefault("nhsNumber", ""));
      String token = issuer.mint(persona, patient.nhsNumber(), claims -> {});
      send(
          exchange,
          200,
          "text/html; charset=utf-8",
          Pages.handOver(config.portalLaunchUrl(), token, patient, persona));
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
      String token =
          mintToken(required(body, "persona"), required(body, "nhsNumber"), claims -> {});
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

  private static Persona persona(String id) {
    return Personas.find(id)
        .orElseThrow(
            () ->
                new LaunchException(
                    Reason.UNKNOWN_PERSONA,
                    "unknown persona '%s'; known personas are %s"
                        .formatted(id, Personas.ALL.stream().map(Persona::id).toList())));
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
