package org.carelens.simulators.socialcare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.fixtures.SourceKind;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;

/**
 * The council API: the token endpoint and the bearer-protected, paged resources. Thread-safe: the
 * token store and the person-id index are concurrent maps; everything else is derived per request.
 */
final class SocialCareApi implements ResponseDefinitionTransformerV2 {

  static final String NAME = "social-care-api";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RESOURCE =
      Pattern.compile(
          "/api/v1/people/([A-Za-z0-9-]{1,40})/(involvements|care-packages|safeguarding)");
  private static final Map<String, String> DOCUMENT_KEYS =
      Map.of(
          "involvements", "involvements",
          "care-packages", "carePackages",
          "safeguarding", "safeguarding");

  private final Population population;
  private final Fixtures fixtures;
  private final TokenStore tokens;
  private final byte[] expectedBasic;

  /** Person id → NHS number, for ids the API has handed out (generated or from fixtures). */
  private final Map<String, NhsNumber> people = new ConcurrentHashMap<>();

  SocialCareApi(
      Population population,
      Fixtures fixtures,
      TokenStore tokens,
      String clientId,
      String clientSecret) {
    this.population = population;
    this.fixtures = fixtures;
    this.tokens = tokens;
    this.expectedBasic =
        Base64.getEncoder()
            .encode((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    String path = URI.create(request.getUrl()).getPath();
    if (path.equals(SocialCareSimulator.TOKEN_PATH)) {
      return request.getMethod().equals(RequestMethod.POST)
          ? token(request)
          : error(405, "method_not_allowed", "use POST");
    }
    if (!authorised(request)) {
      return json(401, errorBody("invalid_token", "a valid bearer token is required"))
          .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
          .build();
    }
    if (path.equals("/api/v1/people")) {
      return search(request);
    }
    Matcher resource = RESOURCE.matcher(path);
    if (resource.matches()) {
      return page(request, resource.group(1), DOCUMENT_KEYS.get(resource.group(2)));
    }
    return error(404, "not_found", "no such resource");
  }

  /** RFC 6749 §4.4.2: client credentials grant, client authenticated with HTTP Basic (§2.3.1). */
  private ResponseDefinition token(Request request) {
    String authorization = request.getHeader("Authorization");
    boolean clientOk =
        authorization != null
            && authorization.startsWith("Basic ")
            && MessageDigest.isEqual(
                expectedBasic, authorization.substring(6).strip().getBytes(StandardCharsets.UTF_8));
    if (!clientOk) {
      // RFC 6749 §5.2: invalid_client, 401 with WWW-Authenticate when Basic was used.
      return json(401, errorBody("invalid_client", "client authentication failed"))
          .withHeader("WWW-Authenticate", "Basic realm=\"riverside-asc\"")
          .build();
    }
    String grant = formValue(request.getBodyAsString(), "grant_type").orElse("");
    if (!grant.equals("client_credentials")) {
      return error(400, "unsupported_grant_type", "only client_credentials is supported");
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("access_token", tokens.issue());
    body.put("token_type", "Bearer");
    body.put("expires_in", tokens.lifetime().toSeconds());
    body.put("scope", "asc.read");
    return json(200, body.toString()).withHeader("Cache-Control", "no-store").build();
  }

  private boolean authorised(Request request) {
    String authorization = request.getHeader("Authorization");
    return authorization != null
        && authorization.startsWith("Bearer ")
        && tokens.valid(authorization.substring(7).strip());
  }

  private ResponseDefinition search(Request request) {
    String digits = query(request, "nhsNumber").orElse("");
    if (!NhsNumber.isValid(digits)) {
      return error(400, "bad_request", "nhsNumber must be a valid NHS number");
    }
    NhsNumber nhsNumber = NhsNumber.parse(digits);
    Optional<SyntheticPatient> patient = population.find(nhsNumber);
    ArrayNode content = JSON.createArrayNode();
    if (patient.isPresent()) {
      Optional<String> fixture = fixtures.find(SourceKind.SOCIAL_CARE, nhsNumber);
      if (fixture.isPresent()) {
        Optional<ObjectNode> document = parse(fixture.get());
        if (document.isEmpty()) {
          // Not a person document: replay it verbatim as the search answer.
          return json(200, fixture.get()).build();
        }
        content.add(summary(document.get(), nhsNumber));
      } else if (SocialCareRecords.knownToSocialCare(population, nhsNumber)) {
        content.add(summary(SocialCareRecords.document(population, patient.get()), nhsNumber));
      }
    }
    return json(200, paged(content, 0, 20, "/api/v1/people?nhsNumber=" + digits).toString())
        .build();
  }

  private ObjectNode summary(ObjectNode document, NhsNumber nhsNumber) {
    ObjectNode person = ((ObjectNode) document.get("person")).deepCopy();
    people.put(person.path("id").asText(), nhsNumber);
    return person;
  }

  private ResponseDefinition page(Request request, String personId, String key) {
    int page;
    int size;
    try {
      page = Integer.parseInt(query(request, "page").orElse("0"));
      size = Integer.parseInt(query(request, "size").orElse("20"));
    } catch (NumberFormatException e) {
      return error(400, "bad_request", "page and size must be whole numbers");
    }
    if (page < 0 || size < 1 || size > SocialCareSimulator.MAX_PAGE_SIZE) {
      return error(
          400,
          "bad_request",
          "page must be 0 or more and size 1 to " + SocialCareSimulator.MAX_PAGE_SIZE);
    }
    Optional<ObjectNode> document = document(personId);
    if (document.isEmpty()) {
      return error(404, "not_found", "no person with id " + personId);
    }
    JsonNode all = document.get().path(key);
    ArrayNode content = JSON.createArrayNode();
    int total = all.isArray() ? all.size() : 0;
    for (int i = page * size; i < Math.min(total, (page + 1) * size); i++) {
      content.add(all.get(i));
    }
    String base = "/api/v1/people/" + personId + "/" + resourceName(key);
    ObjectNode body = paged(content, page, size, base + "?");
    body.put("totalElements", total);
    int totalPages = (total + size - 1) / size;
    body.put("totalPages", totalPages);
    ObjectNode links = body.putObject("_links");
    links.put("self", base + "?page=" + page + "&size=" + size);
    if (page + 1 < totalPages) {
      links.put("next", base + "?page=" + (page + 1) + "&size=" + size);
    }
    return json(200, body.toString()).build();
  }

  private Optional<ObjectNode> document(String personId) {
    NhsNumber nhsNumber = people.get(personId);
    if (nhsNumber == null) {
      return Optional.empty();
    }
    Optional<String> fixture = fixtures.find(SourceKind.SOCIAL_CARE, nhsNumber);
    if (fixture.isPresent()) {
      return parse(fixture.get());
    }
    return population
        .find(nhsNumber)
        .filter(p -> SocialCareRecords.knownToSocialCare(population, nhsNumber))
        .map(p -> SocialCareRecords.document(population, p));
  }

  /** The fixture as a person document, if it is one ({@code {"person": {"id": ...}, ...}}). */
  private static Optional<ObjectNode> parse(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node instanceof ObjectNode document && document.path("person").path("id").isTextual()) {
        return Optional.of(document);
      }
    } catch (JsonProcessingException e) {
      // Fall through: served verbatim by the caller.
    }
    return Optional.empty();
  }

  private static ObjectNode paged(ArrayNode content, int page, int size, String self) {
    ObjectNode body = JSON.createObjectNode();
    body.set("content", content);
    body.put("page", page);
    body.put("size", size);
    body.put("totalElements", content.size());
    body.put("totalPages", content.isEmpty() ? 0 : 1);
    body.putObject("_links").put("self", self);
    return body;
  }

  private static String resourceName(String key) {
    return key.equals("carePackages") ? "care-packages" : key;
  }

  private static Optional<String> query(Request request, String name) {
    QueryParameter parameter = request.queryParameter(name);
    return parameter != null && parameter.isPresent()
        ? Optional.of(parameter.firstValue())
        : Optional.empty();
  }

  private static Optional<String> formValue(String body, String name) {
    if (body == null) {
      return Optional.empty();
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  private static ResponseDefinition error(int status, String code, String description) {
    return json(status, errorBody(code, description)).build();
  }

  private static String errorBody(String code, String description) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error", code);
    body.put("error_description", description);
    return body.toString();
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
