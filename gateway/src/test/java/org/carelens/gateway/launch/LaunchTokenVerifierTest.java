package org.carelens.gateway.launch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.carelens.gateway.consent.MutableClock;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The launch token verifier, one check per test, against two trusted launching systems with
 * different keys (an out-of-hours system and a community pharmacy system) and a third whose JWKS is
 * down. Every refusal is asserted by its reason code. Time is a hand-moved clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaunchTokenVerifierTest {

  static final String PATIENT = "9000000009";
  static final String OOH_ISSUER = "https://ooh.test";
  static final String PHARMACY_ISSUER = "https://pharmacy.test";
  static final String OFFLINE_ISSUER = "https://offline.test";
  static final String AUDIENCE = "carelens-gateway";
  static final String OOH_JWKS = "/ooh/jwks.json";
  static final String PHARMACY_JWKS = "/pharmacy/jwks.json";
  static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

  final WireMockServer jwks = new WireMockServer(options().dynamicPort());
  RSAKey oohKey;
  RSAKey pharmacyKey;
  RSAKey attackerKey;
  HikariDataSource database;

  MutableClock clock;
  LaunchProperties settings;
  LaunchTokenVerifier verifier;

  @BeforeAll
  void keys() throws Exception {
    oohKey = new RSAKeyGenerator(2048).keyID("ooh-1").generate();
    pharmacyKey = new RSAKeyGenerator(2048).keyID("pharmacy-1").generate();
    attackerKey = new RSAKeyGenerator(2048).keyID("attacker-1").generate();
    jwks.start();
    database = TestDatabases.h2Memory();
  }

  @AfterAll
  void stop() {
    jwks.stop();
    database.close();
  }

  @BeforeEach
  void freshVerifier() {
    jwks.resetAll();
    publish(OOH_JWKS, oohKey);
    publish(PHARMACY_JWKS, pharmacyKey);
    jwks.stubFor(get("/offline/jwks.json").willReturn(aResponse().withStatus(503)));
    clock = new MutableClock(START);
    settings = new LaunchProperties();
    // Generous, so a busy test machine does not turn a slow JWKS reply into a refusal.
    settings.setJwksTimeout(Duration.ofSeconds(10));
    verifier = verifier(new JtiRegister(database, clock, settings));
  }

  @AfterEach
  void noTokenNamedItsOwnKeyLocation() {
    assertThat(jwks.findAll(getRequestedFor(urlEqualTo("/attacker/jwks.json")))).isEmpty();
  }

  // --- Accepted: the positive controls, so each refusal below is the check's doing.

  @Test
  void a_token_from_each_trusted_system_verifies_with_that_systems_own_key() {
    LaunchContext ooh = verifier.verify(oohToken(c -> c));

    LaunchContext pharmacy = verifier.verify(pharmacyToken(c -> c));

    assertThat(List.of(ooh.issuer(), ooh.organisationOds(), ooh.role().code()))
        .containsExactly(OOH_ISSUER, "Y03012", "clinician");
    assertThat(List.of(pharmacy.issuer(), pharmacy.organisationOds(), pharmacy.role().code()))
        .containsExactly(PHARMACY_ISSUER, "FA123", "pharmacist");
  }

  // --- Size and shape.

  @Test
  void an_oversized_token_is_refused_before_it_is_parsed() {
    String token = oohToken(c -> c.claim("padding", "x".repeat(20_000)));

    assertRefused(token, LaunchRefusal.TOKEN_TOO_LARGE);
  }

  @Test
  void a_token_that_is_not_a_jwt_is_refused_as_malformed() {
    String token = "this-is-not-a-token";

    assertRefused(token, LaunchRefusal.TOKEN_MALFORMED);
  }

  // --- Algorithm allow-list (RFC 8725 sections 2.1 and 3.1).

  @Test
  void an_unsigned_token_with_alg_none_is_refused() {
    String token = new PlainJWT(new PlainHeader.Builder().type(type()).build(), ooh()).serialize();

    assertRefused(token, LaunchRefusal.ALGORITHM_NOT_ALLOWED);
  }

  @Test
  void hs256_keyed_with_the_issuers_public_key_is_refused() throws Exception {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(type()).build();
    String token = sign(ooh(), header, new MACSigner(oohKey.toRSAPublicKey().getEncoded()));

    assertRefused(token, LaunchRefusal.ALGORITHM_NOT_ALLOWED);
  }

  @Test
  void a_token_of_another_type_is_refused() {
    String token = sign(ooh(), oohKey, h -> h.type(JOSEObjectType.JWT));

    assertRefused(token, LaunchRefusal.TOKEN_TYPE_INVALID);
  }

  @Test
  void a_token_naming_its_own_key_location_is_refused_without_fetching_it() {
    URI attackerJwks = URI.create(jwks.baseUrl() + "/attacker/jwks.json");
    String token = sign(ooh(), attackerKey, h -> h.jwkURL(attackerJwks));

    assertRefused(token, LaunchRefusal.HEADER_NAMES_KEY);
  }

  @Test
  void a_token_with_a_critical_header_extension_is_refused() {
    String token =
        sign(
            ooh(),
            oohKey,
            h -> h.criticalParams(Set.of("urn:carelens:x")).customParam("urn:carelens:x", true));

    assertRefused(token, LaunchRefusal.CRITICAL_HEADER_UNSUPPORTED);
  }

  // --- Issuer and keys.

  @Test
  void a_token_from_an_issuer_not_in_the_registry_is_refused() {
    String token = sign(claims("https://evil.test", "clinician", OOH_ORG).build(), attackerKey);

    assertRefused(token, LaunchRefusal.ISSUER_UNKNOWN);
  }

  @Test
  void a_token_signed_with_a_key_the_issuer_never_published_is_refused() {
    String token = sign(ooh(), attackerKey);

    assertRefused(token, LaunchRefusal.KEY_UNKNOWN);
  }

  @Test
  void a_forged_signature_under_the_issuers_own_kid_is_refused() {
    String token = sign(ooh(), attackerKey, h -> h.keyID(oohKey.getKeyID()));

    assertRefused(token, LaunchRefusal.SIGNATURE_INVALID);
  }

  @Test
  void a_token_naming_the_out_of_hours_system_but_signed_by_the_pharmacy_system_is_refused() {
    verifier.verify(pharmacyToken(c -> c));
    String token = sign(ooh(), pharmacyKey);

    assertRefused(token, LaunchRefusal.ISSUER_KEY_MISMATCH);
  }

  @Test
  void a_token_naming_the_pharmacy_system_but_signed_by_the_out_of_hours_system_is_refused() {
    verifier.verify(oohToken(c -> c));
    String token = sign(pharmacy(), oohKey);

    assertRefused(token, LaunchRefusal.ISSUER_KEY_MISMATCH);
  }

  @Test
  void a_cross_issuer_token_never_makes_the_gateway_fetch_the_signing_systems_keys() {
    String token = sign(pharmacy(), oohKey);

    assertRefused(token, LaunchRefusal.KEY_UNKNOWN);
    assertThat(jwks.findAll(getRequestedFor(urlEqualTo(OOH_JWKS)))).isEmpty();
  }

  @Test
  void a_token_is_refused_when_its_issuers_keys_cannot_be_fetched() {
    String token = sign(claims(OFFLINE_ISSUER, "clinician", OOH_ORG).build(), oohKey);

    assertRefused(token, LaunchRefusal.ISSUER_KEYS_UNAVAILABLE);
  }

  @Test
  void a_flood_of_unknown_kids_refetches_the_jwks_at_most_twice_per_interval() {
    verifier.verify(oohToken(c -> c));
    int before = fetches(OOH_JWKS);

    for (int i = 0; i < 50; i++) {
      assertRefused(
          sign(ooh(), attackerKey, h -> h.keyID("made-up-" + UUID.randomUUID())),
          LaunchRefusal.KEY_UNKNOWN);
    }

    assertThat(before).isEqualTo(1);
    assertThat(fetches(OOH_JWKS)).isEqualTo(3);
    assertThat(verifier.verify(oohToken(c -> c)).issuer()).isEqualTo(OOH_ISSUER);
    assertThat(fetches(OOH_JWKS)).isEqualTo(3);
  }

  @Test
  void unknown_kids_may_refetch_the_jwks_again_once_the_interval_has_passed() {
    verifier.verify(oohToken(c -> c));
    for (int i = 0; i < 5; i++) {
      assertRefused(sign(ooh(), attackerKey), LaunchRefusal.KEY_UNKNOWN);
    }
    clock.advance(settings.getJwksRefetchInterval());

    assertRefused(sign(ooh(), attackerKey), LaunchRefusal.KEY_UNKNOWN);

    assertThat(fetches(OOH_JWKS)).isEqualTo(4);
  }

  @Test
  void a_rotated_key_is_picked_up_by_refetching_on_its_unknown_kid() throws Exception {
    verifier.verify(oohToken(c -> c));
    RSAKey rotated = new RSAKeyGenerator(2048).keyID("ooh-2").generate();
    publish(OOH_JWKS, rotated);
    String token = sign(ooh(), rotated);

    LaunchContext launch = verifier.verify(token);

    assertThat(launch.issuer()).isEqualTo(OOH_ISSUER);
  }

  // --- Audience and time (RFC 7519 aud, exp, nbf, iat).

  @Test
  void a_token_for_another_audience_is_refused() {
    String token = oohToken(c -> c.audience("someone-else"));

    assertRefused(token, LaunchRefusal.AUDIENCE_INVALID);
  }

  @Test
  void an_expired_token_is_refused() {
    String token = oohToken(c -> times(c, START.minusSeconds(600), START.minusSeconds(300)));

    assertRefused(token, LaunchRefusal.TOKEN_EXPIRED);
  }

  @Test
  void a_token_used_before_its_nbf_is_refused() {
    String token = oohToken(c -> c.notBeforeTime(Date.from(START.plusSeconds(120))));

    assertRefused(token, LaunchRefusal.TOKEN_NOT_YET_VALID);
  }

  @Test
  void a_token_issued_in_the_future_is_refused() {
    String token =
        oohToken(
            c ->
                c.issueTime(Date.from(START.plusSeconds(120)))
                    .expirationTime(Date.from(START.plusSeconds(300))));

    assertRefused(token, LaunchRefusal.TOKEN_ISSUED_IN_FUTURE);
  }

  @Test
  void a_token_living_longer_than_an_hour_is_refused() {
    String token = oohToken(c -> times(c, START, START.plus(Duration.ofMinutes(61))));

    assertRefused(token, LaunchRefusal.TOKEN_LIFETIME_TOO_LONG);
  }

  @Test
  void clock_skew_tolerates_a_token_expired_and_issued_within_it() {
    String token = oohToken(c -> times(c, START.minusSeconds(300), START));
    clock.advance(settings.getClockSkew().minusSeconds(1));

    LaunchContext launch = verifier.verify(token);

    assertThat(launch.expiresAt()).isEqualTo(START);
  }

  @Test
  void clock_skew_does_not_stretch_past_its_bound() {
    String token = oohToken(c -> times(c, START.minusSeconds(300), START));
    clock.advance(settings.getClockSkew());

    assertRefused(token, LaunchRefusal.TOKEN_EXPIRED);
  }

  // --- Single use.

  @Test
  void a_token_used_twice_is_refused_the_second_time_naming_the_user() {
    String token = oohToken(c -> c);
    verifier.verify(token);

    LaunchRejectedException refused = refusal(token);

    assertThat(refused.reason()).isEqualTo(LaunchRefusal.TOKEN_REPLAYED);
    assertThat(refused.launch())
        .hasValueSatisfying(l -> assertThat(l.userId()).isEqualTo("555010000101"));
  }

  @Test
  void a_launch_is_refused_as_temporary_when_the_jti_register_cannot_be_written() {
    HikariDataSource closed = TestDatabases.h2Memory();
    closed.close();
    LaunchTokenVerifier withoutRegister = verifier(new JtiRegister(closed, clock, settings));

    LaunchRejectedException refused = refusal(withoutRegister, oohToken(c -> c));

    assertThat(refused.reason()).isEqualTo(LaunchRefusal.REPLAY_CHECK_UNAVAILABLE);
    assertThat(refused.temporary()).isTrue();
  }

  // --- The GP Connect claim set.

  @Test
  void a_token_without_requested_record_is_refused() {
    String token = oohToken(c -> c.claim("requested_record", null));

    assertRefused(token, LaunchRefusal.CLAIM_MISSING);
  }

  @Test
  void a_requested_record_with_a_bad_nhs_number_is_refused() {
    String token = sign(claims(OOH_ISSUER, "clinician", OOH_ORG, "9000000008").build(), oohKey);

    assertRefused(token, LaunchRefusal.REQUESTED_RECORD_INVALID);
  }

  @Test
  void a_practitioner_without_a_role_is_refused() {
    String token = oohToken(c -> c.claim("requesting_practitioner", Map.of("id", "1")));

    assertRefused(token, LaunchRefusal.CLAIM_MISSING);
  }

  @Test
  void a_practitioner_role_that_is_not_a_string_is_refused() {
    String token = oohToken(c -> c.claim("requesting_practitioner", Map.of("role", 7)));

    assertRefused(token, LaunchRefusal.CLAIM_INVALID);
  }

  @Test
  void an_unknown_practitioner_role_is_refused() {
    String token = sign(claims(OOH_ISSUER, "superuser", OOH_ORG).build(), oohKey);

    assertRefused(token, LaunchRefusal.ROLE_UNKNOWN);
  }

  @Test
  void a_reason_for_request_other_than_direct_care_is_refused() {
    String token = oohToken(c -> c.claim("reason_for_request", "research"));

    assertRefused(token, LaunchRefusal.REASON_NOT_DIRECT_CARE);
  }

  @Test
  void a_registered_claim_of_the_wrong_type_is_refused() {
    String token = oohToken(c -> c.claim("exp", "tomorrow"));

    assertRefused(token, LaunchRefusal.CLAIM_INVALID);
  }

  @Test
  void a_token_without_an_issuer_is_refused() {
    String token = oohToken(c -> c.issuer(null));

    assertRefused(token, LaunchRefusal.CLAIM_MISSING);
  }

  // --- What each issuer may assert.

  @Test
  void the_pharmacy_system_may_not_assert_another_organisation() {
    String token = sign(claims(PHARMACY_ISSUER, "pharmacist", OOH_ORG).build(), pharmacyKey);

    assertRefused(token, LaunchRefusal.ISSUER_MAY_NOT_ASSERT_ORGANISATION);
  }

  @Test
  void the_pharmacy_system_may_not_assert_its_own_ods_code_with_another_organisation_type() {
    Org disguised = new Org("FA123", "Riverside Pharmacy", "out-of-hours");
    String token = sign(claims(PHARMACY_ISSUER, "pharmacist", disguised).build(), pharmacyKey);

    assertRefused(token, LaunchRefusal.ISSUER_MAY_NOT_ASSERT_ORGANISATION);
  }

  @Test
  void the_pharmacy_system_may_not_assert_a_clinician() {
    String token = sign(claims(PHARMACY_ISSUER, "clinician", PHARMACY_ORG).build(), pharmacyKey);

    assertRefused(token, LaunchRefusal.ISSUER_MAY_NOT_ASSERT_ROLE);
  }

  @Test
  void a_refused_assertion_does_not_use_up_the_tokens_jti() {
    JWTClaimsSet refused = claims(PHARMACY_ISSUER, "clinician", PHARMACY_ORG).build();
    assertRefused(sign(refused, pharmacyKey), LaunchRefusal.ISSUER_MAY_NOT_ASSERT_ROLE);
    JWTClaimsSet sameJti = new JWTClaimsSet.Builder(pharmacy()).jwtID(refused.getJWTID()).build();

    LaunchContext launch = verifier.verify(sign(sameJti, pharmacyKey));

    assertThat(launch.role()).isEqualTo(Role.PHARMACIST);
  }

  // --- Helpers.

  record Org(String ods, String name, String type) {}

  static final Org OOH_ORG = new Org("Y03012", "Carelens Out-of-Hours Service", "out-of-hours");
  static final Org PHARMACY_ORG = new Org("FA123", "Riverside Pharmacy", "community-pharmacy");

  private LaunchTokenVerifier verifier(JtiRegister register) {
    String base = jwks.baseUrl();
    TrustedIssuer ooh =
        new TrustedIssuer(
            "out-of-hours",
            OOH_ISSUER,
            AUDIENCE,
            new TrustedIssuer.Keys.Url(URI.create(base + OOH_JWKS)),
            TrustedIssuer.Allowed.of(List.of("Y03012", "RXX01"), "ods-codes"),
            TrustedIssuer.Allowed.of(List.of("out-of-hours", "acute-trust"), "organisation-types"),
            TrustedIssuer.Allowed.of(List.of("clinician", "pharmacist"), "roles"));
    TrustedIssuer pharmacy =
        new TrustedIssuer(
            "community-pharmacy",
            PHARMACY_ISSUER,
            AUDIENCE,
            new TrustedIssuer.Keys.Url(URI.create(base + PHARMACY_JWKS)),
            TrustedIssuer.Allowed.of(List.of("FA123"), "ods-codes"),
            TrustedIssuer.Allowed.of(List.of("community-pharmacy"), "organisation-types"),
            TrustedIssuer.Allowed.of(List.of("pharmacist"), "roles"));
    TrustedIssuer offline =
        new TrustedIssuer(
            "offline",
            OFFLINE_ISSUER,
            AUDIENCE,
            new TrustedIssuer.Keys.Url(URI.create(base + "/offline/jwks.json")),
            TrustedIssuer.Allowed.anything(),
            TrustedIssuer.Allowed.anything(),
            TrustedIssuer.Allowed.anything());
    return new LaunchTokenVerifier(
        TrustedIssuers.of(List.of(ooh, pharmacy, offline), settings, clock),
        settings,
        clock,
        register);
  }

  private void publish(String path, RSAKey key) {
    jwks.stubFor(
        get(path)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(new JWKSet(key.toPublicJWK()).toString())));
  }

  private int fetches(String path) {
    return jwks.findAll(getRequestedFor(urlEqualTo(path))).size();
  }

  private void assertRefused(String token, LaunchRefusal expected) {
    assertThat(refusal(token).reason()).isEqualTo(expected);
  }

  private LaunchRejectedException refusal(String token) {
    return refusal(verifier, token);
  }

  private static LaunchRejectedException refusal(LaunchTokenVerifier verifier, String token) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> verifier.verify(token));
    assertThat(thrown).isInstanceOf(LaunchRejectedException.class);
    return (LaunchRejectedException) thrown;
  }

  private JWTClaimsSet ooh() {
    return claims(OOH_ISSUER, "clinician", OOH_ORG).build();
  }

  private JWTClaimsSet pharmacy() {
    return claims(PHARMACY_ISSUER, "pharmacist", PHARMACY_ORG).build();
  }

  private String oohToken(UnaryOperator<JWTClaimsSet.Builder> change) {
    return sign(change.apply(claims(OOH_ISSUER, "clinician", OOH_ORG)).build(), oohKey);
  }

  private String pharmacyToken(UnaryOperator<JWTClaimsSet.Builder> change) {
    return sign(
        change.apply(claims(PHARMACY_ISSUER, "pharmacist", PHARMACY_ORG)).build(), pharmacyKey);
  }

  private static JWTClaimsSet.Builder times(
      JWTClaimsSet.Builder claims, Instant issuedAt, Instant expiresAt) {
    return claims
        .issueTime(Date.from(issuedAt))
        .notBeforeTime(Date.from(issuedAt))
        .expirationTime(Date.from(expiresAt));
  }

  private JWTClaimsSet.Builder claims(String issuer, String role, Org org) {
    return claims(issuer, role, org, PATIENT);
  }

  /** A valid GP Connect-style claim set at the clock's current time, as the simulator mints. */
  private JWTClaimsSet.Builder claims(String issuer, String role, Org org, String nhsNumber) {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("555010000101")
        .audience(AUDIENCE)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .jwtID(UUID.randomUUID().toString())
        .claim("reason_for_request", "directcare")
        .claim(
            "requested_record",
            Map.of(
                "resourceType",
                "Patient",
                "identifier",
                List.of(Map.of("system", LaunchClaims.NHS_NUMBER_SYSTEM, "value", nhsNumber))))
        .claim(
            "requesting_practitioner",
            Map.of(
                "resourceType",
                "Practitioner",
                "name",
                List.of(Map.of("family", "Khan", "given", List.of("Amira"))),
                "role",
                role))
        .claim(
            "requesting_organization",
            Map.of(
                "resourceType",
                "Organization",
                "identifier",
                List.of(Map.of("system", LaunchClaims.ODS_SYSTEM, "value", org.ods())),
                "name",
                org.name(),
                "type",
                org.type()))
        .claim(
            "requesting_device", Map.of("resourceType", "Device", "model", "test", "version", "1"));
  }

  private static JOSEObjectType type() {
    return LaunchTokenVerifier.TOKEN_TYPE;
  }

  private static String sign(JWTClaimsSet claims, RSAKey key) {
    return sign(claims, key, h -> h);
  }

  /** RS256 with {@code key} and its kid, typed as a launch token, then {@code change}d. */
  private static String sign(
      JWTClaimsSet claims, RSAKey key, UnaryOperator<JWSHeader.Builder> change) {
    try {
      JWSHeader header =
          change
              .apply(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type()))
              .build();
      return sign(claims, header, new RSASSASigner(key));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(JWTClaimsSet claims, JWSHeader header, JWSSigner signer) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
