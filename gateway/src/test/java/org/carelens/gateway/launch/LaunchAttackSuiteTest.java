package org.carelens.gateway.launch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.gateway.audit.AuditEntry;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditQuery;
import org.carelens.gateway.audit.AuditSearch;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The launch attack suite (issues 6 and 10): crafted tokens against two gateway instances sharing
 * one database, which trust two launching systems with different keys (the test launcher, through
 * the single-issuer shorthand, and a community pharmacy system from the issuer registry). Every one
 * must be refused with 401 — none accepted, no server error — and leave exactly one {@code
 * LAUNCH_REJECTED} audit entry, found by the correlation id the attacker sent, whose reason code
 * says which defence fired.
 *
 * <p>Then the access chains of issue 10 (Why items 1 and 2), with valid launches: each step of each
 * chain is refused with its own reason code, so a test can tell which defence fired, and the daily
 * caps hold across the two instances (counted in the shared database, not in either process).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaunchAttackSuiteTest {

  static final String PATIENT = Population.SHOWCASE_NHS_NUMBER;
  static final String PHARMACY_ISSUER = "http://pharmacy-system.test";

  final TestLaunchTokens tokens = new TestLaunchTokens();
  final WireMockServer issuer = new WireMockServer(options().dynamicPort());
  final WireMockServer attacker = new WireMockServer(options().dynamicPort());
  final WireMockServer pharmacySystem = new WireMockServer(options().dynamicPort());
  final HttpClient http = HttpClient.newHttpClient();
  final String database = TestDatabases.h2MemoryUrl();
  RSAKey attackerKey;
  RSAKey pharmacyKey;
  EmbeddedServer first;
  EmbeddedServer second;

  @BeforeAll
  void start() throws Exception {
    attackerKey = new RSAKeyGenerator(2048).keyID("attacker").generate();
    pharmacyKey = new RSAKeyGenerator(2048).keyID("pharmacy").generate();
    pharmacySystem.start();
    pharmacySystem.stubFor(
        get("/jwks.json").willReturn(json(new JWKSet(pharmacyKey.toPublicJWK()).toString())));
    issuer.start();
    issuer.stubFor(get("/jwks.json").willReturn(json(tokens.jwksJson())));
    attacker.start();
    attacker.stubFor(
        get(anyUrl()).willReturn(json(new JWKSet(attackerKey.toPublicJWK()).toString())));
    first = gateway();
    second = gateway();
  }

  @AfterAll
  void stop() {
    first.getApplicationContext().close();
    second.getApplicationContext().close();
    issuer.stop();
    attacker.stop();
    pharmacySystem.stop();
  }

  @Test
  void no_crafted_token_is_accepted_none_causes_a_server_error_and_each_is_audited()
      throws Exception {
    String used = tokens.token("clinician", PATIENT);
    assertCreated(exchange(first, used, "setup"));
    // Both instances have seen a genuine launch from each system, so they hold both key sets.
    assertCreated(exchange(second, tokens.token("clinician", PATIENT), "setup"));
    for (EmbeddedServer instance : List.of(first, second)) {
      assertCreated(exchange(instance, pharmacyToken(c -> c), "setup"));
    }
    Map<String, Attack> attacks = attacks(used);
    assertThat(attacks).hasSizeGreaterThanOrEqualTo(40);

    Map<String, Integer> statuses = new LinkedHashMap<>();
    for (Map.Entry<String, Attack> a : attacks.entrySet()) {
      statuses.put(a.getKey(), a.getValue().send(this, "attack-" + a.getKey()).statusCode());
    }

    assertThat(statuses).allSatisfy((name, status) -> assertThat(status).as(name).isEqualTo(401));
    List<AuditEntry> rejected =
        first
            .getApplicationContext()
            .getBean(AuditSearch.class)
            .find(
                new AuditQuery(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(AuditEventType.LAUNCH_REJECTED),
                    Optional.empty(),
                    Optional.empty(),
                    AuditQuery.MAX_LIMIT));
    assertThat(rejected)
        .extracting(AuditEntry::correlationId)
        .containsExactlyInAnyOrderElementsOf(
            attacks.keySet().stream().map(name -> "attack-" + name).toList());
    Map<String, String> codes = new LinkedHashMap<>();
    rejected.forEach(
        e -> codes.put(e.correlationId().substring("attack-".length()), e.reasonCode().orElse("")));
    assertThat(codes).containsExactlyInAnyOrderEntriesOf(expectedCodes());
    attacker.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void a_used_token_is_still_refused_by_an_instance_started_after_a_restart() throws Exception {
    String token = tokens.token("clinician", PATIENT);
    assertThat(exchange(first, token, "before-restart").statusCode()).isEqualTo(201);
    EmbeddedServer restarted = gateway();
    try {
      HttpResponse<String> replay = exchange(restarted, token, "after-restart");

      assertThat(replay.statusCode()).isEqualTo(401);
      assertThat(replay.body()).contains("TOKEN_REPLAYED");
    } finally {
      restarted.getApplicationContext().close();
    }
  }

  /**
   * The token's single use commits with the session it opens (issue 14): sent eight times at once,
   * one launch token opens exactly one session, and every other exchange is a replay.
   */
  @Test
  void one_token_sent_eight_times_at_once_opens_exactly_one_session() throws Exception {
    String token = tokens.token("clinician", PATIENT);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<HttpResponse<String>>> sent = new java.util.ArrayList<>();
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 8; i++) {
        String correlationId = "at-once-" + i;
        sent.add(
            threads.submit(
                () -> {
                  go.await();
                  return exchange(first, token, correlationId);
                }));
      }
      go.countDown();
    }

    List<Integer> statuses = new java.util.ArrayList<>();
    for (var answer : sent) {
      HttpResponse<String> response = answer.get();
      statuses.add(response.statusCode());
      if (response.statusCode() != 201) {
        assertThat(response.body()).contains("TOKEN_REPLAYED");
      }
    }
    assertThat(statuses).containsOnly(201, 401).filteredOn(s -> s == 201).hasSize(1);
  }

  // Issue 10, Why item 1: "any patient, a whole year, by a pharmacist".
  @Test
  void a_pharmacist_launched_for_one_patient_cannot_claim_record_permission_for_or_read_another()
      throws Exception {
    String pharmacist = session(first, "pharmacist", PATIENT, "pharmacist-1");

    HttpResponse<String> claim = call(first, "POST", relationship(OTHER), pharmacist, CLAIM);
    HttpResponse<String> permission =
        call(first, "POST", permission(OTHER), pharmacist, "{\"until\":\"2099-01-01T00:00:00Z\"}");
    HttpResponse<String> read = call(first, "GET", record(OTHER), pharmacist, null);

    assertThat(claim.statusCode()).isEqualTo(403);
    assertThat(code(claim)).isEqualTo("ROLE_MAY_NOT_SELF_CLAIM");
    assertThat(permission.statusCode()).isEqualTo(403);
    assertThat(code(permission)).isEqualTo("PERMISSION_NEEDS_LAUNCHED_PATIENT");
    assertThat(read.statusCode()).isEqualTo(403);
    assertThat(code(read)).isEqualTo("PATIENT_NOT_IN_SESSION");
  }

  @Test
  void a_clinician_cannot_record_permission_for_a_claimed_patient_nor_for_a_year_for_their_own()
      throws Exception {
    String clinician = session(first, "clinician", PATIENT, "clinician-1");
    assertThat(call(first, "POST", relationship(OTHER), clinician, CLAIM).statusCode())
        .isEqualTo(201);

    HttpResponse<String> forClaimed = call(first, "POST", permission(OTHER), clinician, "{}");
    HttpResponse<String> forAYear =
        call(
            first,
            "POST",
            permission(PATIENT),
            clinician,
            "{\"until\":\"" + Instant.now().plus(java.time.Duration.ofDays(365)) + "\"}");

    assertThat(forClaimed.statusCode()).isEqualTo(403);
    assertThat(code(forClaimed)).isEqualTo("PERMISSION_NEEDS_LAUNCHED_PATIENT");
    assertThat(forAYear.statusCode()).isEqualTo(400);
    assertThat(code(forAYear)).isEqualTo("PERMISSION_TOO_LONG");
  }

  @Test
  void looping_over_nhs_numbers_stops_at_the_daily_cap_on_every_instance_and_after_a_restart()
      throws Exception {
    // The same user launches twice, once on each instance: two sessions, one daily cap.
    String onFirst = session(first, "clinician", PATIENT, "clinician-looping");
    String onSecond = session(second, "clinician", PATIENT, "clinician-looping");
    List<String> patients = validNhsNumbers(12);
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> claimed =
          i % 2 == 0
              ? call(first, "POST", relationship(patients.get(i)), onFirst, CLAIM)
              : call(second, "POST", relationship(patients.get(i)), onSecond, CLAIM);
      assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(201);
    }

    HttpResponse<String> eleventh =
        call(second, "POST", relationship(patients.get(10)), onSecond, CLAIM);

    assertThat(eleventh.statusCode()).isEqualTo(429);
    assertThat(code(eleventh)).isEqualTo("SELF_CLAIM_LIMIT");
    assertThat(eleventh.headers().firstValue("Retry-After")).isPresent();
    EmbeddedServer restarted = gateway();
    try {
      String later = session(restarted, "clinician", PATIENT, "clinician-looping");
      HttpResponse<String> afterRestart =
          call(restarted, "POST", relationship(patients.get(11)), later, CLAIM);
      assertThat(afterRestart.statusCode()).isEqualTo(429);
      assertThat(code(afterRestart)).isEqualTo("SELF_CLAIM_LIMIT");
    } finally {
      restarted.getApplicationContext().close();
    }
  }

  // Issue 10, Why item 2: "break-glass is open to every direct-care role, for any NHS number,
  // without limit, and carries over into the user's later sessions".
  @Test
  void break_glass_by_a_social_worker_or_pharmacist_is_refused() throws Exception {
    String socialWorker = session(first, "social-worker", PATIENT, "social-worker-1");
    String pharmacist = session(second, "pharmacist", PATIENT, "pharmacist-2");

    HttpResponse<String> bySocialWorker =
        call(first, "POST", breakGlass(OTHER), socialWorker, BREAK_GLASS);
    HttpResponse<String> byPharmacist =
        call(second, "POST", breakGlass(PATIENT), pharmacist, BREAK_GLASS);

    assertThat(bySocialWorker.statusCode()).isEqualTo(403);
    assertThat(code(bySocialWorker)).isEqualTo("ROLE_MAY_NOT_BREAK_GLASS");
    assertThat(byPharmacist.statusCode()).isEqualTo(403);
    assertThat(code(byPharmacist)).isEqualTo("ROLE_MAY_NOT_BREAK_GLASS");
  }

  @Test
  void break_glass_for_another_patient_stays_in_its_session_and_stops_at_the_daily_cap()
      throws Exception {
    // The same user launches twice, once on each instance: two sessions, one daily cap.
    String onFirst = session(first, "clinician", PATIENT, "clinician-glass");
    String onSecond = session(second, "clinician", PATIENT, "clinician-glass");
    List<String> patients = validNhsNumbers(11);
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> declared =
          i % 2 == 0
              ? call(first, "POST", breakGlass(patients.get(i)), onFirst, BREAK_GLASS)
              : call(second, "POST", breakGlass(patients.get(i)), onSecond, BREAK_GLASS);
      assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
    }
    String nextSession = session(first, "clinician", PATIENT, "clinician-glass");

    HttpResponse<String> eleventh =
        call(second, "POST", breakGlass(patients.get(10)), onSecond, BREAK_GLASS);
    HttpResponse<String> inNextSession =
        call(first, "GET", record(patients.get(0)), nextSession, null);

    assertThat(eleventh.statusCode()).isEqualTo(429);
    assertThat(code(eleventh)).isEqualTo("BREAK_GLASS_LIMIT");
    assertThat(eleventh.headers().firstValue("Retry-After")).isPresent();
    assertThat(inNextSession.statusCode()).isEqualTo(403);
    assertThat(code(inNextSession)).isEqualTo("PATIENT_NOT_IN_SESSION");
  }

  static final String OTHER = "9434765919";
  static final String CLAIM =
      "{\"reasonCode\":\"covering-colleague\",\"reason\":\"Covering the ward round\"}";
  static final String BREAK_GLASS =
      "{\"reason\":\"Immediate risk to life\",\"detail\":\"Collapsed in the waiting room\"}";

  private String session(EmbeddedServer server, String role, String patient, String user)
      throws Exception {
    HttpResponse<String> response =
        exchange(server, tokens.token(role, patient, c -> c.subject(user)), "setup-" + user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(response.body());
    assertThat(token.find()).isTrue();
    return token.group(1);
  }

  private HttpResponse<String> call(
      EmbeddedServer server, String method, String path, String session, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .header("Authorization", "Bearer " + session)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String code(HttpResponse<String> response) {
    java.util.regex.Matcher code =
        java.util.regex.Pattern.compile("\"code\":\"([A-Z_]+)\"").matcher(response.body());
    return code.find() ? code.group(1) : "no code in " + response.body();
  }

  private static String relationship(String patient) {
    return "/api/v1/patients/" + patient + "/relationship";
  }

  private static String permission(String patient) {
    return "/api/v1/patients/" + patient + "/consent/permission-to-view";
  }

  private static String breakGlass(String patient) {
    return "/api/v1/patients/" + patient + "/break-glass";
  }

  private static String record(String patient) {
    return "/api/v1/patients/" + patient + "/record";
  }

  /** {@code n} valid NHS numbers in the 999 test range (Modulus 11), none the launched patient. */
  private static List<String> validNhsNumbers(int n) {
    List<String> numbers = new java.util.ArrayList<>();
    for (int serial = 500_000; numbers.size() < n; serial++) {
      String base = "999" + String.format("%06d", serial);
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        sum += (base.charAt(i) - '0') * (10 - i);
      }
      int check = (11 - sum % 11) % 11;
      if (check != 10 && !(base + check).equals(PATIENT)) {
        numbers.add(base + check);
      }
    }
    return numbers;
  }

  /** One crafted request: which instance it goes to and what Authorization header it carries. */
  record Attack(boolean toSecond, Optional<String> authorization) {
    HttpResponse<String> send(LaunchAttackSuiteTest suite, String correlationId) throws Exception {
      return suite.post(toSecond ? suite.second : suite.first, authorization, correlationId);
    }
  }

  private Map<String, Attack> attacks(String used) throws Exception {
    Map<String, String> t = new LinkedHashMap<>();
    JWTClaimsSet good = tokens.claims("clinician", PATIENT).build();
    byte[] publicKeyBytes = tokens.key().toRSAPublicKey().getEncoded();
    String[] usedParts = used.split("\\.");

    // Unsigned and algorithm confusion (RFC 8725 sections 2.1, 3.1).
    t.put("alg-none", new PlainJWT(plainHeader(), good).serialize());
    t.put(
        "alg-none-with-signature",
        part("{\"alg\":\"none\",\"typ\":\"carelens-launch+jwt\"}")
            + "."
            + usedParts[1]
            + "."
            + usedParts[2]);
    t.put(
        "alg-NONE-uppercase",
        part("{\"alg\":\"NONE\",\"typ\":\"carelens-launch+jwt\"}") + "." + usedParts[1] + ".");
    t.put(
        "hs256-with-public-key",
        sign(good, header(JWSAlgorithm.HS256), new MACSigner(publicKeyBytes)));
    t.put(
        "hs384-with-public-key",
        sign(good, header(JWSAlgorithm.HS384), new MACSigner(publicKeyBytes)));
    t.put(
        "hs512-with-public-key",
        sign(good, header(JWSAlgorithm.HS512), new MACSigner(publicKeyBytes)));
    t.put(
        "hs256-with-public-jwk-json",
        sign(
            good,
            header(JWSAlgorithm.HS256),
            new MACSigner(
                tokens.key().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8))));
    t.put(
        "es256-header-rsa-signature",
        part(
                "{\"alg\":\"ES256\",\"typ\":\"carelens-launch+jwt\",\"kid\":\""
                    + tokens.key().getKeyID()
                    + "\"}")
            + "."
            + usedParts[1]
            + "."
            + usedParts[2]);
    t.put("signature-stripped", usedParts[0] + "." + usedParts[1] + ".");
    t.put(
        "payload-swapped",
        usedParts[0]
            + "."
            + part(good.toString().replace(PATIENT, "9434765919"))
            + "."
            + usedParts[2]);

    // Keys the token names itself, or keys the issuer never published (RFC 8725 section 3.10).
    t.put(
        "unknown-kid",
        sign(good, rsaHeader(attackerKey.getKeyID(), h -> h), new RSASSASigner(attackerKey)));
    t.put(
        "trusted-kid-attacker-key",
        sign(good, rsaHeader(tokens.key().getKeyID(), h -> h), new RSASSASigner(attackerKey)));
    t.put(
        "no-kid-attacker-key", sign(good, rsaHeader(null, h -> h), new RSASSASigner(attackerKey)));
    t.put(
        "jku-attacker",
        sign(
            good,
            rsaHeader(
                attackerKey.getKeyID(),
                h -> h.jwkURL(URI.create(attacker.baseUrl() + "/jwks.json"))),
            new RSASSASigner(attackerKey)));
    t.put(
        "jku-with-trusted-kid",
        sign(
            good,
            rsaHeader(
                tokens.key().getKeyID(),
                h -> h.jwkURL(URI.create(attacker.baseUrl() + "/jwks.json"))),
            new RSASSASigner(attackerKey)));
    t.put(
        "x5u-attacker",
        sign(
            good,
            rsaHeader(
                attackerKey.getKeyID(),
                h -> h.x509CertURL(URI.create(attacker.baseUrl() + "/cert.pem"))),
            new RSASSASigner(attackerKey)));
    t.put(
        "jwk-embedded",
        sign(
            good,
            rsaHeader(attackerKey.getKeyID(), h -> h.jwk(attackerKey.toPublicJWK())),
            new RSASSASigner(attackerKey)));
    t.put(
        "x5c-embedded",
        sign(
            good,
            rsaHeader(
                attackerKey.getKeyID(),
                h -> h.x509CertChain(List.of(Base64.encode("not a certificate")))),
            new RSASSASigner(attackerKey)));
    t.put(
        "jku-on-genuine-signature",
        signGenuine(good, h -> h.jwkURL(URI.create(attacker.baseUrl() + "/jwks.json"))));

    // Time (RFC 7519 exp, nbf, iat) and lifetime.
    Instant now = Instant.now();
    t.put(
        "expired",
        tokens.token(
            "clinician",
            PATIENT,
            c ->
                c.issueTime(Date.from(now.minusSeconds(900)))
                    .notBeforeTime(Date.from(now.minusSeconds(900)))
                    .expirationTime(Date.from(now.minusSeconds(300)))));
    t.put(
        "not-yet-valid",
        tokens.token(
            "clinician",
            PATIENT,
            c ->
                c.notBeforeTime(Date.from(now.plusSeconds(300)))
                    .expirationTime(Date.from(now.plusSeconds(600)))));
    t.put(
        "issued-in-the-future",
        tokens.token(
            "clinician",
            PATIENT,
            c ->
                c.issueTime(Date.from(now.plusSeconds(300)))
                    .expirationTime(Date.from(now.plusSeconds(600)))));
    t.put(
        "lifetime-over-an-hour",
        tokens.token(
            "clinician", PATIENT, c -> c.expirationTime(Date.from(now.plusSeconds(7200)))));

    // Audience, issuer, type.
    t.put("wrong-aud", tokens.token("clinician", PATIENT, c -> c.audience("someone-else")));
    t.put("wrong-iss", tokens.token("clinician", PATIENT, c -> c.issuer("http://evil.test")));
    t.put(
        "typ-missing",
        signGenuine(
            good, h -> new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(tokens.key().getKeyID())));
    t.put("typ-jwt", signGenuine(good, h -> h.type(JOSEObjectType.JWT)));
    t.put("typ-access-token", signGenuine(good, h -> h.type(new JOSEObjectType("at+jwt"))));
    t.put(
        "unknown-critical-header",
        signGenuine(
            good,
            h ->
                h.criticalParams(Set.of("urn:carelens:unknown"))
                    .customParam("urn:carelens:unknown", true)));

    // Each required claim missing.
    for (String claim :
        List.of(
            "iss",
            "sub",
            "aud",
            "exp",
            "iat",
            "jti",
            "reason_for_request",
            "requested_record",
            "requesting_practitioner",
            "requesting_organization",
            "requesting_device")) {
      t.put("missing-" + claim, tokens.token("clinician", PATIENT, c -> c.claim(claim, null)));
    }

    // Wrong types and values.
    t.put("exp-as-string", tokens.token("clinician", PATIENT, c -> c.claim("exp", "tomorrow")));
    t.put("aud-as-number", tokens.token("clinician", PATIENT, c -> c.claim("aud", 42)));
    t.put(
        "jti-as-object", tokens.token("clinician", PATIENT, c -> c.claim("jti", Map.of("id", 1))));
    t.put(
        "requested-record-as-string",
        tokens.token("clinician", PATIENT, c -> c.claim("requested_record", PATIENT)));
    t.put(
        "role-as-number",
        tokens.token(
            "clinician", PATIENT, c -> c.claim("requesting_practitioner", Map.of("role", 7))));
    t.put("unknown-role", tokens.token("superuser", PATIENT));
    t.put(
        "reason-not-direct-care",
        tokens.token("clinician", PATIENT, c -> c.claim("reason_for_request", "research")));
    t.put("nhs-number-bad-check-digit", tokens.token("clinician", "9990000019"));
    t.put(
        "organisation-without-ods",
        tokens.token(
            "clinician",
            PATIENT,
            c -> c.claim("requesting_organization", Map.of("type", "out-of-hours"))));
    t.put("jti-oversized", tokens.token("clinician", PATIENT, c -> c.jwtID("j".repeat(1_000))));

    // Two trusted systems (issue 10): keys only from the issuer a token names, and each system
    // asserts only its own organisations and roles.
    t.put("cross-issuer-pharmacy-key-naming-launcher", signWith(good, pharmacyKey));
    t.put(
        "cross-issuer-launcher-key-naming-pharmacy",
        signWith(pharmacyClaims(c -> c), tokens.key()));
    t.put(
        "pharmacy-system-asserting-out-of-hours-organisation",
        pharmacyToken(
            c -> c.claim("requesting_organization", good.getClaim("requesting_organization"))));
    t.put(
        "pharmacy-system-asserting-clinician",
        pharmacyToken(
            c -> c.claim("requesting_practitioner", Map.of("role", "clinician", "id", "1"))));

    // Replay (single use across instances).
    Map<String, Attack> attacks = new LinkedHashMap<>();
    attacks.put("replay-same-instance", new Attack(false, Optional.of("Bearer " + used)));
    attacks.put("replay-second-instance", new Attack(true, Optional.of("Bearer " + used)));
    String sameJti =
        tokens.sign(
            new JWTClaimsSet.Builder(tokens.claims("clinician", PATIENT).build())
                .jwtID(good.getJWTID())
                .build());
    assertThat(exchange(first, sameJti, "setup-same-jti").statusCode()).isEqualTo(201);
    attacks.put(
        "new-token-reusing-a-jti-on-second-instance",
        new Attack(true, Optional.of("Bearer " + sameJti)));

    // Malformed, truncated, oversized, garbage.
    t.put("truncated-half", used.substring(0, used.length() / 2));
    t.put("truncated-signature", used.substring(0, used.length() - 10));
    t.put("two-parts", usedParts[0] + "." + usedParts[1]);
    t.put("five-parts-jwe-shaped", "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d");
    t.put("garbage", "this-is-not-a-token");
    t.put("garbage-dots", "...");
    t.put("json-not-jwt", "{\"alg\":\"none\"}");
    t.put("base64-of-non-json", "bm90IGpzb24.bm90IGpzb24.c2ln");
    t.put(
        "oversized",
        tokens.token("clinician", PATIENT, c -> c.claim("padding", "x".repeat(20_000))));
    for (Map.Entry<String, String> e : t.entrySet()) {
      attacks.put(
          e.getKey(), new Attack(attacks.size() % 2 == 0, Optional.of("Bearer " + e.getValue())));
    }
    attacks.put("no-authorization-header", new Attack(false, Optional.empty()));
    attacks.put("basic-scheme", new Attack(true, Optional.of("Basic dXNlcjpwYXNz")));
    return attacks;
  }

  private static void assertCreated(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  /** Which defence refuses each attack: its reason code in the problem and the audit. */
  private static Map<String, String> expectedCodes() {
    Map<String, String> c = new LinkedHashMap<>();
    for (String name :
        List.of(
            "alg-none",
            "hs256-with-public-key",
            "hs384-with-public-key",
            "hs512-with-public-key",
            "hs256-with-public-jwk-json")) {
      c.put(name, "ALGORITHM_NOT_ALLOWED");
    }
    // Nimbus reads these as a JWS with an empty or unparseable signature part.
    c.put("alg-none-with-signature", "TOKEN_MALFORMED");
    c.put("alg-NONE-uppercase", "TOKEN_MALFORMED");
    c.put("es256-header-rsa-signature", "KEY_UNKNOWN");
    c.put("signature-stripped", "TOKEN_MALFORMED");
    c.put("payload-swapped", "SIGNATURE_INVALID");
    c.put("unknown-kid", "KEY_UNKNOWN");
    c.put("trusted-kid-attacker-key", "SIGNATURE_INVALID");
    c.put("no-kid-attacker-key", "SIGNATURE_INVALID");
    for (String name :
        List.of(
            "jku-attacker",
            "jku-with-trusted-kid",
            "x5u-attacker",
            "jwk-embedded",
            "x5c-embedded",
            "jku-on-genuine-signature")) {
      c.put(name, "HEADER_NAMES_KEY");
    }
    c.put("expired", "TOKEN_EXPIRED");
    c.put("not-yet-valid", "TOKEN_NOT_YET_VALID");
    c.put("issued-in-the-future", "TOKEN_ISSUED_IN_FUTURE");
    c.put("lifetime-over-an-hour", "TOKEN_LIFETIME_TOO_LONG");
    c.put("wrong-aud", "AUDIENCE_INVALID");
    c.put("wrong-iss", "ISSUER_UNKNOWN");
    c.put("typ-missing", "TOKEN_TYPE_INVALID");
    c.put("typ-jwt", "TOKEN_TYPE_INVALID");
    c.put("typ-access-token", "TOKEN_TYPE_INVALID");
    c.put("unknown-critical-header", "CRITICAL_HEADER_UNSUPPORTED");
    for (String claim :
        List.of(
            "iss",
            "sub",
            "aud",
            "exp",
            "iat",
            "jti",
            "reason_for_request",
            "requested_record",
            "requesting_practitioner",
            "requesting_organization",
            "requesting_device")) {
      c.put("missing-" + claim, "CLAIM_MISSING");
    }
    c.put("exp-as-string", "CLAIM_INVALID");
    // Nimbus's builder leaves a numeric aud out of the serialised token altogether.
    c.put("aud-as-number", "CLAIM_MISSING");
    c.put("jti-as-object", "CLAIM_INVALID");
    c.put("requested-record-as-string", "CLAIM_INVALID");
    c.put("role-as-number", "CLAIM_INVALID");
    c.put("unknown-role", "ROLE_UNKNOWN");
    c.put("reason-not-direct-care", "REASON_NOT_DIRECT_CARE");
    c.put("nhs-number-bad-check-digit", "REQUESTED_RECORD_INVALID");
    c.put("organisation-without-ods", "CLAIM_MISSING");
    c.put("jti-oversized", "CLAIM_INVALID");
    c.put("cross-issuer-pharmacy-key-naming-launcher", "ISSUER_KEY_MISMATCH");
    c.put("cross-issuer-launcher-key-naming-pharmacy", "ISSUER_KEY_MISMATCH");
    c.put(
        "pharmacy-system-asserting-out-of-hours-organisation",
        "ISSUER_MAY_NOT_ASSERT_ORGANISATION");
    c.put("pharmacy-system-asserting-clinician", "ISSUER_MAY_NOT_ASSERT_ROLE");
    c.put("replay-same-instance", "TOKEN_REPLAYED");
    c.put("replay-second-instance", "TOKEN_REPLAYED");
    c.put("new-token-reusing-a-jti-on-second-instance", "TOKEN_REPLAYED");
    for (String name :
        List.of(
            "truncated-half",
            "two-parts",
            "five-parts-jwe-shaped",
            "garbage",
            "garbage-dots",
            "json-not-jwt",
            "base64-of-non-json")) {
      c.put(name, "TOKEN_MALFORMED");
    }
    c.put("truncated-signature", "SIGNATURE_INVALID");
    c.put("oversized", "TOKEN_TOO_LARGE");
    c.put("no-authorization-header", "MISSING_TOKEN");
    c.put("basic-scheme", "INVALID_TOKEN");
    return c;
  }

  /** The community pharmacy system's claims: its issuer, pharmacy and pharmacist. */
  private JWTClaimsSet pharmacyClaims(UnaryOperator<JWTClaimsSet.Builder> change) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder(tokens.claims("pharmacist", PATIENT).build())
            .issuer(PHARMACY_ISSUER)
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
                            "FA123")),
                    "name",
                    "Riverside Pharmacy",
                    "type",
                    "community-pharmacy"));
    return change.apply(claims).build();
  }

  private String pharmacyToken(UnaryOperator<JWTClaimsSet.Builder> change) {
    return signWith(pharmacyClaims(change), pharmacyKey);
  }

  /** RS256 with {@code key} under its own kid, a well-formed launch token in every other way. */
  private static String signWith(JWTClaimsSet claims, RSAKey key) {
    try {
      return sign(claims, rsaHeader(key.getKeyID(), h -> h), new RSASSASigner(key));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private EmbeddedServer gateway() {
    return ApplicationContext.run(
        EmbeddedServer.class,
        Map.ofEntries(
            Map.entry("micronaut.server.port", -1),
            // The single-issuer shorthand, as earlier versions configured it.
            Map.entry("carelens.launch.issuer", TestLaunchTokens.ISSUER),
            Map.entry("carelens.launch.audience", TestLaunchTokens.AUDIENCE),
            Map.entry("carelens.launch.jwks-url", issuer.baseUrl() + "/jwks.json"),
            // Generous, so a busy test machine does not turn a slow JWKS reply into a refusal.
            Map.entry("carelens.launch.jwks-timeout", "10s"),
            // A second system from the registry, with its own key.
            Map.entry("carelens.launch.issuers.test-pharmacy.issuer", PHARMACY_ISSUER),
            Map.entry(
                "carelens.launch.issuers.test-pharmacy.jwks-url",
                pharmacySystem.baseUrl() + "/jwks.json"),
            Map.entry("carelens.launch.issuers.test-pharmacy.ods-codes", List.of("FA123")),
            Map.entry(
                "carelens.launch.issuers.test-pharmacy.organisation-types",
                List.of("community-pharmacy")),
            Map.entry("carelens.launch.issuers.test-pharmacy.roles", List.of("pharmacist")),
            Map.entry("datasources.default.url", database)),
        "test");
  }

  private HttpResponse<String> exchange(EmbeddedServer server, String token, String correlationId)
      throws Exception {
    return post(server, Optional.of("Bearer " + token), correlationId);
  }

  HttpResponse<String> post(
      EmbeddedServer server, Optional<String> authorization, String correlationId)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/sessions"))
            .header("X-Correlation-ID", correlationId)
            .POST(HttpRequest.BodyPublishers.noBody());
    authorization.ifPresent(a -> request.header("Authorization", a));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }

  private static PlainHeader plainHeader() {
    return new PlainHeader.Builder().type(new JOSEObjectType("carelens-launch+jwt")).build();
  }

  private static JWSHeader header(JWSAlgorithm algorithm) {
    return new JWSHeader.Builder(algorithm).type(new JOSEObjectType("carelens-launch+jwt")).build();
  }

  private static JWSHeader rsaHeader(String kid, UnaryOperator<JWSHeader.Builder> change) {
    JWSHeader.Builder builder =
        new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("carelens-launch+jwt"));
    if (kid != null) {
      builder.keyID(kid);
    }
    return change.apply(builder).build();
  }

  /** Signed with the trusted key, so only the header change can make it fail. */
  private String signGenuine(JWTClaimsSet claims, UnaryOperator<JWSHeader.Builder> change)
      throws Exception {
    return sign(
        claims,
        change
            .apply(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(tokens.key().getKeyID())
                    .type(new JOSEObjectType("carelens-launch+jwt")))
            .build(),
        new RSASSASigner(tokens.key()));
  }

  private static String sign(JWTClaimsSet claims, JWSHeader header, JWSSigner signer)
      throws Exception {
    // Fresh jti per token, so no attack is refused merely as a replay of another.
    JWTClaimsSet fresh =
        claims.getJWTID() == null
            ? claims
            : new JWTClaimsSet.Builder(claims).jwtID(UUID.randomUUID().toString()).build();
    SignedJWT jwt = new SignedJWT(header, fresh);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static String part(String json) {
    return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
