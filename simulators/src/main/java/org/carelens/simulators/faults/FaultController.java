package org.carelens.simulators.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carelens.simulators.launcher.AdminRoute;

/**
 * The simulated sources and their fault profiles, and the admin API that switches them:
 *
 * <ul>
 *   <li>{@code GET /api/sources} — {@code [{"id","kind","port","ports","fault":{"profile",...}}]}
 *   <li>{@code PUT /api/sources/{id}/fault} — {@code {"profile":"slow","delayMs":3000}}: switches
 *       the source and answers with its new entry; 400 for an unknown profile or parameter, 404 for
 *       an unknown source
 * </ul>
 *
 * Thread-safe. Register sources in the order they should be listed.
 */
public final class FaultController implements AdminRoute {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FAULT_PATH = Pattern.compile("/api/sources/([a-zA-Z0-9-]+)/fault");
  private static final int MAX_BODY_BYTES = 4096;

  private final Map<String, SimulatedSource> sources = new ConcurrentHashMap<>();
  private final Map<String, SimulatedSource> members = new ConcurrentHashMap<>();
  private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Registers a source served by {@code servers} (already started).
   *
   * @param id the source id as the gateway reports it, e.g. {@code gp}
   * @param kind the source kind, e.g. {@code gp}, {@code pds}, {@code directory}
   */
  public SimulatedSource register(String id, String kind, WireMockServer server) {
    return register(id, kind, List.of(server), List.of(id));
  }

  /**
   * Registers a source served by several servers, each with a member id of its own (e.g. {@code gp}
   * with {@code gp-A81001} and {@code gp-B82005}); PUT accepts the source id (every server) or a
   * member id (that server alone).
   */
  public SimulatedSource register(
      String id, String kind, List<WireMockServer> servers, List<String> memberIds) {
    SimulatedSource source = new SimulatedSource(id, kind, servers, memberIds);
    if (sources.putIfAbsent(id, source) != null) {
      throw new IllegalArgumentException("source '" + id + "' is already registered");
    }
    for (String member : memberIds) {
      if (!member.equals(id)) {
        members.put(member, source);
      }
    }
    order.add(id);
    return source;
  }

  public Optional<SimulatedSource> source(String id) {
    return Optional.ofNullable(sources.get(id));
  }

  /** The listed sources, in registration order. */
  public List<SimulatedSource> sources() {
    List<SimulatedSource> listed = new ArrayList<>();
    for (Iterator<String> it = order.iterator(); it.hasNext(); ) {
      listed.add(sources.get(it.next()));
    }
    return listed;
  }

  /** Reads a fault request body: {@code {"profile":"flaky","errorRate":30}}. */
  public static FaultSettings parse(String body) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
    JsonNode profileNode = json.get("profile");
    if (profileNode == null || !profileNode.isTextual()) {
      throw new IllegalArgumentException("\"profile\" is required: one of " + profileKeys());
    }
    FaultProfile profile =
        FaultProfile.fromKey(profileNode.asText())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown profile '%s'; known profiles are %s"
                            .formatted(profileNode.asText(), profileKeys())));
    Map<String, Long> params = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equals("profile")) {
        continue;
      }
      if (!field.getValue().canConvertToLong() || !field.getValue().isIntegralNumber()) {
        throw new IllegalArgumentException(field.getKey() + " must be a whole number");
      }
      params.put(field.getKey(), field.getValue().asLong());
    }
    return new FaultSettings(profile, params);
  }

  @Override
  public boolean handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/api/sources") && method.equals("GET")) {
      send(
          exchange,
          200,
          "application/json",
          JSON.writeValueAsString(sources().stream().map(FaultController::entry).toList()));
      return true;
    }
    Matcher matcher = FAULT_PATH.matcher(path);
    if (!matcher.matches()) {
      return false;
    }
    if (!method.equals("PUT")) {
      problem(exchange, 405, "Method Not Allowed", "use PUT to change a source's fault profile");
      return true;
    }
    String id = matcher.group(1);
    SimulatedSource source = sources.get(id);
    SimulatedSource parent = members.get(id);
    if (source == null && parent == null) {
      problem(
          exchange,
          404,
          "Unknown source",
          "no simulated source '%s'; known sources are %s".formatted(matcher.group(1), order));
      return true;
    }
    FaultSettings settings;
    try {
      settings = parse(readBody(exchange));
    } catch (IllegalArgumentException e) {
      problem(exchange, 400, "Invalid fault profile", e.getMessage());
      return true;
    }
    if (source != null) {
      source.apply(settings);
    } else {
      parent.apply(id, settings);
      source = parent;
    }
    send(exchange, 200, "application/json", JSON.writeValueAsString(entry(source)));
    return true;
  }

  private static Map<String, Object> entry(SimulatedSource source) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", source.id());
    json.put("kind", source.kind());
    json.put("port", source.ports().getFirst());
    json.put("ports", source.ports());
    json.put("fault", source.fault().toJson());
    if (source.memberIds().size() > 1) {
      List<Map<String, Object>> members = new ArrayList<>();
      for (int i = 0; i < source.memberIds().size(); i++) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("id", source.memberIds().get(i));
        member.put("port", source.ports().get(i));
        member.put("fault", source.memberFaults().get(i).toJson());
        members.add(member);
      }
      json.put("members", members);
    }
    return json;
  }

  private static List<String> profileKeys() {
    return java.util.Arrays.stream(FaultProfile.values()).map(FaultProfile::key).toList();
  }

  private static String readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new IllegalArgumentException("the body must be at most " + MAX_BODY_BYTES + " bytes");
      }
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static void problem(HttpExchange exchange, int status, String title, String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    send(exchange, status, "application/problem+json", JSON.writeValueAsString(problem));
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
