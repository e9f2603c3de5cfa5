package org.carelens.simulators.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.carelens.simulators.launcher.AdminRoute;
import org.carelens.simulators.launcher.Persona;
import org.carelens.simulators.launcher.Personas;

/**
 * A CIS2-like OpenID Connect provider (authorization code flow with PKCE), served on the launcher's
 * port as an {@link AdminRoute}. Its issuer is the launcher's base URL, so discovery is where
 * OpenID Connect Discovery 1.0 section 4 puts it:
 *
 * <ul>
 *   <li>{@code GET /.well-known/openid-configuration} — the discovery document
 *   <li>{@code GET /oidc/jwks.json} — the provider's public signing key (its own, not a launching
 *       system's)
 *   <li>{@code GET /oidc/authorize} — validates the request, then a login page listing the
 *       personas, one "Sign in" button each (the simulator's stand-in for smartcard, app or
 *       passkey)
 *   <li>{@code POST /oidc/authorize} — the chosen persona: a redirect to the client with a one-time
 *       code and the client's {@code state}
 *   <li>{@code POST /oidc/token} — code, {@code redirect_uri}, {@code client_id} and the PKCE
 *       {@code code_verifier} (RFC 7636, S256 only) for an ID token and an access token
 * </ul>
 *
 * <p>ID tokens carry CIS2's claims (CIS2 Authentication, "Scopes and claims" and "Role selection"):
 * {@code nhsid_useruid} (the user's SDS user id), {@code name}, {@code given_name}, {@code
 * family_name}, {@code selected_roleid} (the SDS role profile id the user chose), {@code
 * nhsid_nrbac_roles} (each with {@code person_roleid}, {@code org_code}, {@code role_name} and
 * {@code role_code}), {@code nhsid_user_orgs} ({@code org_code}, {@code org_name}), {@code
 * id_assurance_level} and {@code authentication_assurance_level}, plus the client's {@code nonce}.
 * CIS2 returns the RBAC claims from its userinfo endpoint; this simulator puts them in the ID token
 * so the gateway can verify them in one signed document.
 *
 * <p>One public client is registered: {@code clientId} with redirect URI {@code <portal>/login/
 * callback}. Codes live 60 seconds and are single-use. Thread-safe.
 */
public final class IdentityProviderSimulator implements AdminRoute {

  public static final String DEFAULT_CLIENT_ID = "carelens-portal";
  public static final String CALLBACK_PATH = "/login/callback";
  public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
  public static final String JWKS_PATH = "/oidc/jwks.json";
  public static final String AUTHORIZE_PATH = "/oidc/authorize";
  public static final String TOKEN_PATH = "/oidc/token";

  static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
  static final Duration ID_TOKEN_LIFETIME = Duration.ofMinutes(10);

  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Everyone who may sign in: the out-of-hours system's users and the community pharmacist. */
  public static final List<Persona> PERSONAS =
      Stream.concat(Personas.ALL.stream(), Stream.of(Personas.COMMUNITY_PHARMACIST)).toList();

  private final String issuer;
  private final String clientId;
  private final String redirectUri;
  private final Clock clock;
  private final RSAKey key;
  private final RSASSASigner signer;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();

  /**
   * @param issuer the launcher's base URL, e.g. {@code http://localhost:8090}: the tokens' {@code
   *     iss} and the base of every endpoint
   * @param portalUrl the registered client's base URL; its redirect URI is this plus {@link
   *     #CALLBACK_PATH}
   */
  public IdentityProviderSimulator(String issuer, URI portalUrl, String clientId, Clock clock) {
    this.issuer = strip(Objects.requireNonNull(issuer, "issuer"));
    this.redirectUri = strip(portalUrl.toString()) + CALLBACK_PATH;
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clock = Objects.requireNonNull(clock, "clock");
    try {
      this.key =
          new RSAKeyGenerator(2048)
              .keyID("cis2-sim-" + UUID.randomUUID())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      this.signer = new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("could not generate the identity provider's key", e);
    }
  }

  public String issuer() {
    return issuer;
  }

  public String clientId() {
    return clientId;
  }

  public String redirectUri() {
    return redirectUri;
  }

  public String jwksUrl() {
    return issuer + JWKS_PATH;
  }

  public String publicJwkSetJson() {
    return new JWKSet(key.toPublicJWK()).toString(true);
  }

  @Override
  public boolean handle(HttpExchange exchange) throws IOException {
    String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    switch (route) {
      case "GET " + DISCOVERY_PATH -> send(exchange, 200, "application/json", discovery());
      case "GET " + JWKS_PATH -> send(exchange, 200, "application/json", publicJwkSetJson());
      case "GET " + AUTHORIZE_PATH -> authorizePage(exchange);
      case "POST " + AUTHORIZE_PATH -> authorize(exchange);
      case "POST " + TOKEN_PATH -> token(exchange);
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * Signs an ID token for {@code persona} in-process, as the token endpoint would, after letting
   * {@code overrides} change any claim (for tests of the relying parties' checks).
   */
  public String mintIdToken(
      Persona persona, String audience, String nonce, Consumer<JWTClaimsSet.Builder> overrides) {
    NationalRbacRole role =
        NationalRbacRole.of(persona)
            .orElseThrow(
                () -> new IllegalArgumentException("persona " + persona.id() + " has no role"));
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> nrbac = new LinkedHashMap<>();
    nrbac.put("person_orgid", "5550" + persona.userId().substring(4));
    nrbac.put("person_roleid", persona.roleProfileId());
    nrbac.put("org_code", persona.organisation().odsCode());
    nrbac.put("role_name", role.name());
    nrbac.put("role_code", role.roleCode());
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(persona.userId())
            .audience(audience)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ID_TOKEN_LIFETIME)))
            .jwtID(UUID.randomUUID().toString())
            .claim("auth_time", now.getEpochSecond())
            .claim("nonce", nonce)
            .claim("acr", "AAL3_ANY")
            .claim("id_assurance_level", "3")
            .claim("authentication_assurance_level", "3")
            .claim("nhsid_useruid", persona.userId())
            .claim("name", persona.displayName())
            .claim("given_name", persona.given())
            .claim("family_name", persona.family())
            .claim("selected_roleid", persona.roleProfileId())
            .claim("nhsid_nrbac_roles", List.of(nrbac))
            .claim(
                "nhsid_user_orgs",
                List.of(
                    Map.of(
                        "org_code",
                        persona.organisation().odsCode(),
                        "org_name",
                        persona.organisation().name())));
    overrides.accept(claims);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign an ID token for " + persona.id(), e);
    }
    return jwt.serialize();
  }

  private String discovery() throws JsonProcessingException {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("issuer", issuer);
    document.put("authorization_endpoint", issuer + AUTHORIZE_PATH);
    document.put("token_endpoint", issuer + TOKEN_PATH);
    document.put("jwks_uri", issuer + JWKS_PATH);
    document.put("response_types_supported", List.of("code"));
    document.put("grant_types_supported", List.of("authorization_code"));
    document.put("subject_types_supported", List.of("public"));
    document.put("id_token_signing_alg_values_supported", List.of("RS256"));
    document.put("token_endpoint_auth_methods_supported", List.of("none"));
    document.put("code_challenge_methods_supported", List.of("S256"));
    document.put(
        "scopes_supported",
        List.of("openid", "profile", "nationalrbacaccess", "associatedorgs", "selectedrole"));
    document.put(
        "claims_supported",
        List.of(
            "sub",
            "nhsid_useruid",
            "name",
            "given_name",
            "family_name",
            "selected_roleid",
            "nhsid_nrbac_roles",
            "nhsid_user_orgs",
            "id_assurance_level",
            "authentication_assurance_level",
            "nonce"));
    return JSON.writeValueAsString(document);
  }

  /** The request as {@code GET /oidc/authorize} received it, validated. */
  private record AuthorizeRequest(
      String redirectUri, String state, String nonce, String codeChallenge) {}

  private void authorizePage(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()));
    Optional<AuthorizeRequest> request = validate(exchange, query);
    if (request.isPresent()) {
      send(
          exchange,
          200,
          "text/html; charset=utf-8",
          LoginPage.render(PERSONAS, request.get().redirectUri(), query));
    }
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> form = form(Optional.of(readBody(exchange)));
    Optional<AuthorizeRequest> request = validate(exchange, form);
    if (request.isEmpty()) {
      return;
    }
    Optional<Persona> persona =
        PERSONAS.stream().filter(p -> p.id().equals(form.get("persona"))).findFirst();
    if (persona.isEmpty()) {
      redirectError(exchange, request.get(), "access_denied", "unknown persona");
      return;
    }
    String code = randomToken();
    codes.put(
        code,
        new Grant(
            persona.get(),
            request.get().redirectUri(),
            request.get().nonce(),
            request.get().codeChallenge(),
            clock.instant().plus(CODE_LIFETIME)));
    redirect(
        exchange,
        request.get().redirectUri()
            + "?code="
            + encode(code)
            + "&state="
            + encode(request.get().state()));
  }

  /**
   * RFC 6749 section 4.1.2.1: a bad client or redirect URI is shown to the user, never redirected
   * to; other errors go back to the client.
   */
  private Optional<AuthorizeRequest> validate(HttpExchange exchange, Map<String, String> params)
      throws IOException {
    if (!clientId.equals(params.get("client_id"))) {
      send(
          exchange,
          400,
          "text/html; charset=utf-8",
          LoginPage.error("Unknown client", "client_id is not a registered client"));
      return Optional.empty();
    }
    if (!redirectUri.equals(params.get("redirect_uri"))) {
      send(
          exchange,
          400,
          "text/html; charset=utf-8",
          LoginPage.error(
              "Unregistered redirect URI", "redirect_uri must be the client's registered URI"));
      return Optional.empty();
    }
    AuthorizeRequest request =
        new AuthorizeRequest(
            redirectUri,
            params.getOrDefault("state", ""),
            params.getOrDefault("nonce", ""),
            params.getOrDefault("code_challenge", ""));
    String problem = null;
    if (!"code".equals(params.get("response_type"))) {
      problem = "response_type must be code";
    } else if (!List.of(params.getOrDefault("scope", "").split(" ")).contains("openid")) {
      problem = "scope must include openid";
    } else if (request.state().isBlank() || request.nonce().isBlank()) {
      problem = "state and nonce are required";
    } else if (!"S256".equals(params.get("code_challenge_method"))
        || !request.codeChallenge().matches("[A-Za-z0-9_-]{43}")) {
      problem = "PKCE is required: code_challenge with code_challenge_method S256";
    }
    if (problem != null) {
      redirectError(exchange, request, "invalid_request", problem);
      return Optional.empty();
    }
    return Optional.of(request);
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form = form(Optional.of(readBody(exchange)));
    if (!"authorization_code".equals(form.get("grant_type"))) {
      tokenError(exchange, 400, "unsupported_grant_type", "grant_type must be authorization_code");
      return;
    }
    if (!clientId.equals(form.get("client_id"))) {
      tokenError(exchange, 401, "invalid_client", "client_id is not a registered client");
      return;
    }
    // Single use: removed whether or not the rest checks out (RFC 6749 section 4.1.2).
    Grant grant = codes.remove(form.getOrDefault("code", ""));
    if (grant == null || !clock.instant().isBefore(grant.expiresAt())) {
      tokenError(exchange, 400, "invalid_grant", "the code is unknown, used or expired");
      return;
    }
    if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
      tokenError(exchange, 400, "invalid_grant", "redirect_uri differs from the authorize request");
      return;
    }
    String verifier = form.getOrDefault("code_verifier", "");
    if (!verifier.matches("[A-Za-z0-9._~-]{43,128}")
        || !MessageDigest.isEqual(
            s256(verifier).getBytes(StandardCharsets.US_ASCII),
            grant.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
      // RFC 7636 section 4.6.
      tokenError(exchange, 400, "invalid_grant", "code_verifier does not match code_challenge");
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", randomToken());
    body.put("token_type", "Bearer");
    body.put("expires_in", ID_TOKEN_LIFETIME.toSeconds());
    body.put("scope", "openid profile nationalrbacaccess associatedorgs selectedrole");
    body.put("id_token", mintIdToken(grant.persona(), clientId, grant.nonce(), claims -> {}));
    send(exchange, 200, "application/json", JSON.writeValueAsString(body));
  }

  /** RFC 7636 appendix B: BASE64URL(SHA-256(ASCII(code_verifier))). */
  static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform must provide SHA-256", e);
    }
  }

  private record Grant(
      Persona persona, String redirectUri, String nonce, String codeChallenge, Instant expiresAt) {}

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void redirectError(
      HttpExchange exchange, AuthorizeRequest request, String error, String description)
      throws IOException {
    redirect(
        exchange,
        request.redirectUri()
            + "?error="
            + encode(error)
            + "&error_description="
            + encode(description)
            + (request.state().isBlank() ? "" : "&state=" + encode(request.state())));
  }

  private static void tokenError(
      HttpExchange exchange, int status, String error, String description) throws IOException {
    send(
        exchange,
        status,
        "application/json",
        JSON.writeValueAsString(Map.of("error", error, "error_description", description)));
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(302, -1);
  }

  private static String readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      return new String(bytes, 0, Math.min(bytes.length, MAX_BODY_BYTES), StandardCharsets.UTF_8);
    }
  }

  static Map<String, String> form(Optional<String> body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.orElse("").split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
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
