package org.carelens.simulators.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.carelens.simulators.launcher.LauncherConfig;
import org.carelens.simulators.launcher.LauncherSimulator;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdentityProviderSimulatorTest {

  private static final Instant NOW = Instant.parse("2026-12-03T09:30:00Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VERIFIER =
      "a".repeat(20) + "-verifier-of-pkce-rfc7636-" + "b".repeat(10);
  private static final String PORTAL = "http://portal.test";

  private static LauncherSimulator launcher;
  private static IdentityProviderSimulator provider;
  private static String base;

  @BeforeAll
  static void start() {
    Population population = Population.generate(42, 20, LocalDate.of(2026, 12, 3));
    launcher =
        new LauncherSimulator(
                population,
                new LauncherConfig("http://launcher.test", "carelens-gateway", URI.create(PORTAL)),
                Clock.fixed(NOW, ZoneOffset.UTC))
            .start(0);
    base = launcher.baseUrl();
    provider =
        new IdentityProviderSimulator(
            base, URI.create(PORTAL), "carelens-portal", Clock.fixed(NOW, ZoneOffset.UTC));
    launcher.addAdminRoute(provider);
  }

  @AfterAll
  static void stop() {
    launcher.stop();
  }

  @Test
  void discovery_names_the_issuer_and_each_endpoint_under_it() throws Exception {
    JsonNode discovery = JSON.readTree(get(base + "/.well-known/openid-configuration").body());

    assertThat(discovery.get("issuer").asText()).isEqualTo(base);
    assertThat(discovery.get("authorization_endpoint").asText())
        .isEqualTo(base + "/oidc/authorize");
    assertThat(discovery.get("token_endpoint").asText()).isEqualTo(base + "/oidc/token");
    assertThat(discovery.get("jwks_uri").asText()).isEqualTo(base + "/oidc/jwks.json");
    assertThat(discovery.get("code_challenge_methods_supported").toString())
        .isEqualTo("[\"S256\"]");
    assertThat(discovery.get("id_token_signing_alg_values_supported").toString())
        .isEqualTo("[\"RS256\"]");
  }

  @Test
  void the_launchers_own_routes_still_answer_beside_the_provider() throws Exception {
    HttpResponse<String> launcherJwks = get(base + "/.well-known/jwks.json");

    assertThat(launcherJwks.statusCode()).isEqualTo(200);
    assertThat(JWKSet.parse(launcherJwks.body()).getKeyByKeyId(launcher.keyId())).isNotNull();
  }

  @Test
  void the_login_page_has_a_sign_in_button_per_persona_naming_its_id() throws Exception {
    HttpResponse<String> page = get(authorizeUrl(Map.of()));

    assertThat(page.statusCode()).isEqualTo(200);
    for (String id :
        List.of(
            "ooh-doctor", "pharmacist", "social-worker", "ig-officer", "community-pharmacist")) {
      assertThat(page.body()).containsPattern("aria-label=\"Sign in as [^\"]*\\(" + id + "\\)\"");
    }
  }

  @Test
  void an_unregistered_redirect_uri_is_shown_an_error_and_never_redirected_to() throws Exception {
    HttpResponse<String> page = get(authorizeUrl(Map.of("redirect_uri", "http://evil.test/cb")));

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Location")).isEmpty();
    assertThat(page.body()).contains("Unregistered redirect URI");
  }

  @Test
  void a_request_without_pkce_goes_back_to_the_client_as_invalid_request() throws Exception {
    HttpResponse<String> response = get(authorizeUrl(Map.of("code_challenge_method", "plain")));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .startsWith(PORTAL + "/login/callback?error=invalid_request")
        .contains("state=st4te");
  }

  @Test
  void a_code_redeemed_with_its_verifier_gives_a_signed_id_token_with_cis2_claims()
      throws Exception {
    String code = signIn("pharmacist");

    HttpResponse<String> response = token(code, VERIFIER, provider.redirectUri());

    assertThat(response.statusCode()).isEqualTo(200);
    SignedJWT idToken = SignedJWT.parse(JSON.readTree(response.body()).get("id_token").asText());
    RSAKey key =
        JWKSet.parse(get(base + "/oidc/jwks.json").body())
            .getKeyByKeyId(idToken.getHeader().getKeyID())
            .toRSAKey();
    assertThat(idToken.verify(new RSASSAVerifier(key))).isTrue();
    JWTClaimsSet claims = idToken.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(base);
    assertThat(claims.getAudience()).containsExactly("carelens-portal");
    assertThat(claims.getStringClaim("nonce")).isEqualTo("n0nce");
    assertThat(claims.getStringClaim("nhsid_useruid")).isEqualTo("555010000102");
    assertThat(claims.getStringClaim("name")).isEqualTo("Ms Priya Shah");
    assertThat(claims.getStringClaim("selected_roleid")).isEqualTo("555010000202");
    @SuppressWarnings("unchecked")
    Map<String, Object> role =
        (Map<String, Object>) claims.getListClaim("nhsid_nrbac_roles").get(0);
    assertThat(role)
        .containsEntry("person_roleid", "555010000202")
        .containsEntry("org_code", "RXX01")
        .containsEntry("role_code", "S8000:G8000:R8003");
    assertThat(claims.getExpirationTime().toInstant()).isAfter(NOW);
  }

  @Test
  void a_wrong_code_verifier_is_refused_as_invalid_grant() throws Exception {
    String code = signIn("ooh-doctor");

    HttpResponse<String> response = token(code, "c".repeat(43), provider.redirectUri());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void a_code_is_single_use() throws Exception {
    String code = signIn("social-worker");
    assertThat(token(code, VERIFIER, provider.redirectUri()).statusCode()).isEqualTo(200);

    HttpResponse<String> again = token(code, VERIFIER, provider.redirectUri());

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(again.body()).get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void a_code_redeemed_for_another_redirect_uri_is_refused() throws Exception {
    String code = signIn("ig-officer");

    HttpResponse<String> response = token(code, VERIFIER, "http://portal.test/elsewhere");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  private static String signIn(String persona) throws Exception {
    Map<String, String> form = new java.util.LinkedHashMap<>(authorizeParams(Map.of()));
    form.put("persona", persona);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/oidc/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(302);
    String location = response.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(PORTAL + "/login/callback?code=").endsWith("&state=st4te");
    Map<String, String> query =
        IdentityProviderSimulator.form(Optional.of(URI.create(location).getRawQuery()));
    return query.get("code");
  }

  private static HttpResponse<String> token(String code, String verifier, String redirectUri)
      throws Exception {
    Map<String, String> form =
        Map.of(
            "grant_type", "authorization_code",
            "code", code,
            "redirect_uri", redirectUri,
            "client_id", "carelens-portal",
            "code_verifier", verifier);
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + "/oidc/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> authorizeParams(Map<String, String> overrides) {
    Map<String, String> params = new java.util.LinkedHashMap<>();
    params.put("response_type", "code");
    params.put("client_id", "carelens-portal");
    params.put("redirect_uri", PORTAL + "/login/callback");
    params.put("scope", "openid profile nationalrbacaccess");
    params.put("state", "st4te");
    params.put("nonce", "n0nce");
    params.put("code_challenge", IdentityProviderSimulator.s256(VERIFIER));
    params.put("code_challenge_method", "S256");
    params.putAll(overrides);
    return params;
  }

  private static String authorizeUrl(Map<String, String> overrides) {
    return base + "/oidc/authorize?" + encode(authorizeParams(overrides));
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
