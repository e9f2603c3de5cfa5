package org.carelens.gateway.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.gateway.consent.MutableClock;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Role;
import org.carelens.policy.agreement.AgreementLoader;
import org.carelens.simulators.identity.IdentityProviderSimulator;
import org.carelens.simulators.launcher.Persona;
import org.carelens.simulators.launcher.Personas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ID token verifier for users who sign in (issue 11), one check per test, against ID tokens the
 * simulated CIS2 provider mints, so the claim names are the ones the provider really sends. Every
 * refusal is asserted by its reason code; time is a hand-moved clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdTokenVerifierTest {

  static final String PROVIDER = "http://cis2.test";
  static final String CLIENT = "carelens-portal";
  static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

  HikariDataSource database;
  MutableClock clock;
  IdentityProviderSimulator provider;
  IdTokenVerifier verifier;
  AccessPolicy policy;

  @BeforeAll
  void database() throws Exception {
    database = TestDatabases.h2Memory();
    try (var in = getClass().getResourceAsStream("/agreements/test.yml")) {
      policy =
          new AccessPolicy(
              AgreementLoader.parse(
                  new String(in.readAllBytes(), StandardCharsets.UTF_8), "test.yml"));
    }
  }

  @AfterAll
  void stop() {
    database.close();
  }

  @BeforeEach
  void freshVerifier() {
    clock = new MutableClock(START);
    provider =
        new IdentityProviderSimulator(PROVIDER, URI.create("http://portal.test"), CLIENT, clock);
    LaunchProperties settings = new LaunchProperties();
    TrustedIssuer cis2 =
        new TrustedIssuer(
            "cis2",
            PROVIDER,
            CLIENT,
            new TrustedIssuer.Keys.Inline(provider.publicJwkSetJson()),
            TrustedIssuer.Allowed.anything(),
            TrustedIssuer.Allowed.anything(),
            TrustedIssuer.Allowed.of(
                List.of("clinician", "pharmacist", "social-worker", "ig-officer"), "roles"),
            TrustedIssuer.Kind.OIDC);
    // A launching system with the same iss, as in the demo: its key must never verify ID tokens.
    TrustedIssuer launcher =
        new TrustedIssuer(
            "launcher",
            PROVIDER,
            TestLaunchTokens.AUDIENCE,
            new TrustedIssuer.Keys.Inline(new TestLaunchTokens().jwksJson()),
            TrustedIssuer.Allowed.anything(),
            TrustedIssuer.Allowed.anything(),
            TrustedIssuer.Allowed.anything());
    verifier =
        new IdTokenVerifier(
            TrustedIssuers.of(List.of(launcher, cis2), settings, clock),
            settings,
            clock,
            new JtiRegister(database, clock, settings),
            policy);
  }

  // --- Accepted: the positive controls.

  @Test
  void a_pharmacists_id_token_opens_a_session_bound_to_no_patient() {
    LaunchContext user = verifier.verify(token(Personas.PHARMACIST, c -> {}));

    assertThat(user.signedIn()).isTrue();
    assertThat(user.launchedPatient()).isEmpty();
    assertThat(user.userId()).isEqualTo("555010000102");
    assertThat(user.userName()).isEqualTo("Ms Priya Shah");
    assertThat(user.role()).isEqualTo(Role.PHARMACIST);
    assertThat(user.organisationOds()).isEqualTo("RXX01");
    assertThat(user.organisationType()).isEqualTo("acute-trust");
    assertThat(user.issuer()).isEqualTo(PROVIDER);
  }

  @Test
  void a_social_workers_national_role_maps_to_social_worker() {
    LaunchContext user = verifier.verify(token(Personas.SOCIAL_WORKER, c -> {}));

    assertThat(user.role()).isEqualTo(Role.SOCIAL_WORKER);
    assertThat(user.organisationType()).isEqualTo("local-authority");
  }

  @Test
  void an_id_token_is_recognised_and_a_launch_token_is_not() {
    assertThat(verifier.accepts(token(Personas.OOH_DOCTOR, c -> {}))).isTrue();
    assertThat(verifier.accepts(new TestLaunchTokens().token("clinician", "9000000009"))).isFalse();
    assertThat(verifier.accepts("not a token")).isFalse();
  }

  // --- Refused, one check each.

  @Test
  void a_bad_signature_is_refused() {
    String forged = resign(token(Personas.OOH_DOCTOR, c -> {}), attackerKeyWithProvidersKid());

    assertRefused(forged, LaunchRefusal.SIGNATURE_INVALID);
  }

  @Test
  void a_key_the_provider_does_not_publish_is_refused() throws Exception {
    String foreign =
        new IdentityProviderSimulator(PROVIDER, URI.create("http://portal.test"), CLIENT, clock)
            .mintIdToken(Personas.OOH_DOCTOR, CLIENT, "n", c -> {});

    assertRefused(foreign, LaunchRefusal.KEY_UNKNOWN);
  }

  @Test
  void an_unknown_issuer_is_refused() {
    assertRefused(
        token(Personas.OOH_DOCTOR, c -> c.issuer("http://evil.test")),
        LaunchRefusal.ISSUER_UNKNOWN);
  }

  @Test
  void another_audience_is_refused() {
    assertRefused(
        token(Personas.OOH_DOCTOR, c -> c.audience("someone-else")),
        LaunchRefusal.AUDIENCE_INVALID);
  }

  @Test
  void an_authorized_party_other_than_the_portal_is_refused() {
    assertRefused(
        token(Personas.OOH_DOCTOR, c -> c.audience(List.of(CLIENT, "other")).claim("azp", "other")),
        LaunchRefusal.AUDIENCE_INVALID);
  }

  @Test
  void an_expired_token_is_refused() {
    String token = token(Personas.OOH_DOCTOR, c -> {});
    clock.advance(Duration.ofMinutes(11));

    assertRefused(token, LaunchRefusal.TOKEN_EXPIRED);
  }

  @Test
  void a_token_without_nonce_is_refused() {
    assertRefused(
        token(Personas.OOH_DOCTOR, c -> c.claim("nonce", null)), LaunchRefusal.CLAIM_MISSING);
  }

  @Test
  void a_replayed_token_is_refused_the_second_time() {
    String token = token(Personas.OOH_DOCTOR, c -> {});
    verifier.verify(token);

    assertRefused(token, LaunchRefusal.TOKEN_REPLAYED);
  }

  @Test
  void a_token_typed_as_a_launch_token_is_refused() {
    String token = token(Personas.OOH_DOCTOR, c -> {});
    String relabelled = resign(token, null, new JOSEObjectType("carelens-launch+jwt"));

    assertRefused(relabelled, LaunchRefusal.TOKEN_TYPE_INVALID);
  }

  @Test
  void an_unmapped_national_role_is_refused_with_a_clear_message() {
    assertThatThrownBy(() -> verifier.verify(token(Personas.ADMINISTRATOR, c -> {})))
        .isInstanceOfSatisfying(
            LaunchRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(LaunchRefusal.NATIONAL_ROLE_NOT_MAPPED);
              assertThat(e.getMessage()).contains("R1984").contains("not mapped");
            });
  }

  @Test
  void an_organisation_not_party_to_the_agreement_is_refused() {
    Persona outsider =
        new Persona(
            "outsider",
            "555010000999",
            "555010000998",
            "Dr",
            "Olu",
            "Ade",
            "clinician",
            "GP",
            new Persona.Organisation("ZZ999", "Elsewhere Surgery", "gp-practice"));

    assertRefused(token(outsider, c -> {}), LaunchRefusal.ORGANISATION_NOT_IN_AGREEMENT);
  }

  @Test
  void a_selected_role_the_user_does_not_hold_is_refused() {
    assertRefused(
        token(Personas.OOH_DOCTOR, c -> c.claim("selected_roleid", "999999999999")),
        LaunchRefusal.SELECTED_ROLE_INVALID);
  }

  @Test
  void a_role_the_provider_may_not_assert_is_refused() {
    assertRefused(token(Personas.FEDERATION_IG, c -> {}), LaunchRefusal.ISSUER_MAY_NOT_ASSERT_ROLE);
  }

  private String token(Persona persona, Consumer<com.nimbusds.jwt.JWTClaimsSet.Builder> overrides) {
    return provider.mintIdToken(persona, CLIENT, "nonce-" + persona.id(), overrides);
  }

  private void assertRefused(String token, LaunchRefusal reason) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOfSatisfying(
            LaunchRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private RSAKey attackerKeyWithProvidersKid() {
    try {
      String kid = SignedJWT.parse(token(Personas.OOH_DOCTOR, c -> {})).getHeader().getKeyID();
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String resign(String token, RSAKey key) {
    return resign(token, key, JOSEObjectType.JWT);
  }

  /** The token's claims signed again: with {@code key}, or the provider's own when null. */
  private String resign(String token, RSAKey key, JOSEObjectType type) {
    try {
      SignedJWT original = SignedJWT.parse(token);
      if (key == null) {
        // Only the header changes; a fresh, correctly signed token with the other typ.
        Map<String, Object> claims = original.getJWTClaimsSet().toJSONObject();
        SignedJWT relabelled =
            new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(original.getHeader().getKeyID())
                    .type(type)
                    .build(),
                com.nimbusds.jwt.JWTClaimsSet.parse(claims));
        relabelled.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        return relabelled.serialize();
      }
      SignedJWT forged =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type).build(),
              original.getJWTClaimsSet());
      forged.sign(new RSASSASigner(key));
      return forged.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
