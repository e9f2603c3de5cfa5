package org.carelens.gateway.consent.sequences;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.gateway.audit.AuditEntry;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditQuery;
import org.carelens.gateway.audit.AuditSearch;
import org.carelens.gateway.consent.MutableClock;
import org.carelens.gateway.consent.oracle.AgreementRules;
import org.carelens.gateway.fanout.SourceProperties;
import org.yaml.snakeyaml.Yaml;

/**
 * One real gateway in process for a whole property run: the demo sharing agreement, a test issuer
 * of launch tokens and a CIS2-like identity provider ({@value #IDENTITY_PROVIDER}) whose keys are
 * configured inline, every configured source plus one the agreement does not know ({@value
 * #UNAGREED_SOURCE}), all answered by in-memory sources ({@link SequenceGatewayBeans}), and a clock
 * the test moves. Talks to it over HTTP as the portal does.
 */
final class SequenceGateway implements AutoCloseable {

  /** The agreement the gateway runs under, which the oracle reads for itself. */
  static final String AGREEMENT = "agreements/riverside.yml";

  /** A source configured after the agreement was written: it must be withheld from everyone. */
  static final String UNAGREED_SOURCE = "hospice";

  /** The identity provider users sign in with (the {@code cis2} entry, its issuer changed). */
  static final String IDENTITY_PROVIDER = "https://cis2.sequences.test";

  /** The portal's client id, which ID tokens name as their audience. */
  static final String PORTAL_CLIENT = "carelens-portal";

  /** Session limits long enough for break-glass to end inside a session, short enough to end. */
  static final Duration SESSION_LIFETIME = Duration.ofHours(12);

  static final Duration SESSION_IDLE = Duration.ofHours(6);

  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

  /** For its claim set only (shared: making one generates an RSA key this class does not use). */
  private static final TestLaunchTokens CLAIMS = new TestLaunchTokens();

  /**
   * This issuer's signing key: P-256, as the verifier allows (ES256), because signing with it costs
   * a small fraction of RSA's and the test signs a token for every launch.
   */
  private final ECKey key = ecKey();

  /** The identity provider's signing key: P-256 too (ES256), which the ID token checks allow. */
  private final ECKey idKey = ecKey();

  private final EmbeddedServer server;
  private final MutableClock clock;
  private final List<String> sources;

  private final Agreement agreement;

  /** An answer: status, the problem's reason code if any, and the body. */
  record Response(int status, String code, String body) {}

  /**
   * The sharing agreements the gateways run under: the demo's as shipped, where a permission to
   * view lets only its recorder see, and the same with {@code permissionToView.scope:
   * organisation}, where it lets every user of their organisation see.
   */
  enum Agreement {
    AS_SHIPPED("the demo agreement (permission for its recorder)"),
    ORGANISATION_WIDE("the demo agreement with organisation-wide permission");

    final String told;

    Agreement(String told) {
      this.told = told;
    }

    /** The agreement's YAML, which the gateway loads and the oracle reads for itself. */
    String text() {
      String shipped = AgreementRules.text(AGREEMENT);
      if (this == AS_SHIPPED) {
        return shipped;
      }
      String changed = shipped.replaceFirst("(?m)^  scope: user$", "  scope: organisation");
      if (changed.equals(shipped)) {
        throw new IllegalStateException(AGREEMENT + " no longer says 'scope: user'");
      }
      return changed;
    }
  }

  SequenceGateway(Agreement agreement) {
    this.agreement = agreement;
    Map<String, Object> properties = new HashMap<>(generousTimeLimits());
    properties.putAll(
        Map.ofEntries(
            Map.entry(SequenceGatewayBeans.ENABLED, "true"),
            Map.entry("micronaut.server.port", "-1"),
            Map.entry("carelens.policy.agreement", location(agreement)),
            Map.entry("carelens.launch.issuer", TestLaunchTokens.ISSUER),
            Map.entry("carelens.launch.audience", TestLaunchTokens.AUDIENCE),
            Map.entry("carelens.launch.jwks", new JWKSet(key.toPublicJWK()).toString()),
            Map.entry("carelens.session.lifetime", SESSION_LIFETIME.toString()),
            Map.entry("carelens.session.idle-timeout", SESSION_IDLE.toString()),
            Map.entry("carelens.launch.issuers.cis2.issuer", IDENTITY_PROVIDER),
            Map.entry("carelens.launch.issuers.cis2.audience", PORTAL_CLIENT),
            Map.entry("carelens.launch.issuers.cis2.jwks-url", ""),
            Map.entry(
                "carelens.launch.issuers.cis2.jwks", new JWKSet(idKey.toPublicJWK()).toString()),
            // Every sequence calls from 127.0.0.1: no per-minute abuse limit may answer for the
            // oracle, which has none (RateLimitsTest and the limits' API tests cover them). Off,
            // they
            // also stop costing a database write per request, 6 % of this run's CPU. The daily caps
            // on claims and break-glass are consent rules and stay on.
            Map.entry("carelens.limits.enabled", "false"),
            Map.entry("carelens.sources." + UNAGREED_SOURCE + ".type", "gp-connect"),
            Map.entry("carelens.sources." + UNAGREED_SOURCE + ".name", "Riverside Hospice"),
            Map.entry("carelens.sources." + UNAGREED_SOURCE + ".url", "http://127.0.0.1:9")));
    server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    clock = (MutableClock) server.getApplicationContext().getBean(java.time.Clock.class);
    sources =
        server.getApplicationContext().getBeansOfType(SourceProperties.class).stream()
            .filter(SourceProperties::isEnabled)
            .map(SourceProperties::getId)
            .sorted()
            .toList();
  }

  /**
   * Time limits no loaded machine reaches, so an in-memory source is never cut off by the view's
   * deadline: a source missing for lack of time would read as a permitted item left out.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, String> generousTimeLimits() {
    Map<String, String> limits = new HashMap<>();
    limits.put("carelens.fanout.deadline", "60s");
    try (var in = SequenceGateway.class.getClassLoader().getResourceAsStream("application.yml")) {
      Map<String, Object> root = new Yaml().load(in);
      Map<String, Object> carelens = (Map<String, Object>) root.get("carelens");
      Set<String> ids = new HashSet<>(((Map<String, Object>) carelens.get("sources")).keySet());
      ids.add(UNAGREED_SOURCE);
      for (String id : ids) {
        limits.put("carelens.sources." + id + ".time-limit", "50s");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return limits;
  }

  /** The sources the gateway has configured, each answered by an in-memory source. */
  List<String> sources() {
    return sources;
  }

  Agreement agreement() {
    return agreement;
  }

  /** Where the gateway reads {@code agreement}: a file under target/ for a changed one. */
  private static String location(Agreement agreement) {
    if (agreement == Agreement.AS_SHIPPED) {
      return "classpath:" + AGREEMENT;
    }
    try {
      Path dir = Files.createDirectories(Path.of("target", "consent-sequences"));
      Path file = Files.createTempFile(dir, agreement.name().toLowerCase(Locale.ROOT), ".yml");
      Files.writeString(file, agreement.text());
      return "file:" + file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Instant now() {
    return clock.instant();
  }

  void advance(Duration by) {
    clock.advance(by);
  }

  /** A launch in context, signed now by the test issuer; the session's access token. */
  Response launch(String userId, String role, String ods, String type, String patient) {
    Instant now = now();
    String token =
        sign(
            CLAIMS
                .claims(role, patient)
                .subject(userId)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim(
                    "requesting_organization",
                    Map.of(
                        "resourceType",
                        "Organization",
                        "identifier",
                        List.of(
                            Map.of(
                                "system",
                                "https://fhir.nhs.uk/Id/ods-organization-code",
                                "value",
                                ods)),
                        "name",
                        ods,
                        "type",
                        type))
                .build());
    return send("POST", "/api/v1/sessions", token, null, "");
  }

  /**
   * A sign-in with an ID token the identity provider signs now, CIS2's claims: {@code userId}
   * selected the national RBAC job role {@code nationalRole} (e.g. {@code R8000}) at organisation
   * {@code ods}; the session's access token, or why it was refused.
   */
  Response signIn(String userId, String nationalRole, String ods) {
    Instant now = now();
    String roleProfile = "rp-" + userId;
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(IDENTITY_PROVIDER)
            .subject(userId)
            .audience(PORTAL_CLIENT)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
            .jwtID(UUID.randomUUID().toString())
            .claim("nonce", UUID.randomUUID().toString())
            .claim("nhsid_useruid", userId)
            .claim("name", userId)
            .claim("selected_roleid", roleProfile)
            .claim(
                "nhsid_nrbac_roles",
                List.of(
                    Map.of(
                        "person_roleid",
                        roleProfile,
                        "org_code",
                        ods,
                        "role_name",
                        "Role " + nationalRole,
                        "role_code",
                        "S8000:G8000:" + nationalRole)))
            .build();
    String token = sign(claims, idKey, JOSEObjectType.JWT);
    return send("POST", "/api/v1/sessions", token, null, "");
  }

  /** The audit's patient-search entries of {@code userId}, newest first, read in process. */
  List<AuditEntry> searchesAudited(String userId) {
    return server
        .getApplicationContext()
        .getBean(AuditSearch.class)
        .find(
            new AuditQuery(
                Optional.empty(),
                Optional.of(userId),
                Optional.empty(),
                Optional.of(AuditEventType.PATIENT_SEARCH),
                Optional.empty(),
                Optional.empty(),
                AuditQuery.MAX_LIMIT));
  }

  private static ECKey ecKey() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID("sequences-" + UUID.randomUUID()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private String sign(JWTClaimsSet claims) {
    return sign(claims, key, new JOSEObjectType("carelens-launch+jwt"));
  }

  private static String sign(JWTClaimsSet claims, ECKey key, JOSEObjectType type) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(type).build(),
              claims);
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  Response post(String path, String accessToken, String json) {
    return send("POST", path, accessToken, null, json);
  }

  Response get(String path, String accessToken, boolean eventStream) {
    return send("GET", path, accessToken, eventStream ? "text/event-stream" : null, null);
  }

  /**
   * One request over a kept-alive connection. {@link HttpURLConnection} rather than the JDK's
   * {@code HttpClient}: it answers on the calling thread, and the asynchronous client's selector
   * and worker threads cost this CPU-bound run about 5 % of its CPU.
   */
  private Response send(String method, String path, String bearer, String accept, String body) {
    try {
      HttpURLConnection c = (HttpURLConnection) uri(path).toURL().openConnection();
      c.setRequestMethod(method);
      c.setConnectTimeout(30_000);
      c.setReadTimeout(30_000);
      c.setRequestProperty("Authorization", "Bearer " + bearer);
      if (accept != null) {
        c.setRequestProperty("Accept", accept);
      }
      if (body != null && !body.isEmpty()) {
        // No body, no output: with one, HttpURLConnection would call it a form (415 here). Not in
        // streaming mode either, where a 401 (WWW-Authenticate) comes without its body.
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        c.setRequestProperty("Content-Type", "application/json");
        c.setDoOutput(true);
        try (OutputStream out = c.getOutputStream()) {
          out.write(bytes);
        }
      }
      int status = c.getResponseCode();
      String text;
      try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
        text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String code = "";
      if (status >= 400) {
        Matcher m = CODE.matcher(text);
        code = m.find() ? m.group(1) : "";
      }
      return new Response(status, code, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }

  @Override
  public void close() {
    server.getApplicationContext().close();
  }
}
