package org.carelens.portal.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The portal's ID token checks (issue 11), one per test: each bad nonce, state, issuer, audience,
 * expiry or signature is refused with its own code, and a good token is accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdTokenChecksTest {

  static final String ISSUER = "http://cis2.test";
  static final String CLIENT = "carelens-portal";
  static final Nonce NONCE = new Nonce("the-nonce-this-browser-sent");

  RSAKey providerKey;
  RSAKey attackerKey;
  IdTokenChecks checks;

  @BeforeAll
  void keys() throws Exception {
    providerKey = new RSAKeyGenerator(2048).keyID("cis2-1").generate();
    // Same kid, different key: the signature, not the key lookup, must refuse it.
    attackerKey = new RSAKeyGenerator(2048).keyID("cis2-1").generate();
    checks =
        new IdTokenChecks(
            new Issuer(ISSUER),
            new ClientID(CLIENT),
            new ImmutableJWKSet<>(new JWKSet(providerKey.toPublicJWK())));
  }

  @Test
  void a_good_token_is_accepted_with_its_claims() throws Exception {
    JWTClaimsSet claims = checks.check(token(c -> {}, providerKey), NONCE);

    assertThat(claims.getStringClaim("nhsid_useruid")).isEqualTo("555010000102");
  }

  @Test
  void a_bad_nonce_is_refused() {
    assertRefused(
        token(c -> c.claim("nonce", "someone-elses-nonce"), providerKey), "NONCE_MISMATCH");
  }

  @Test
  void a_missing_nonce_is_refused() {
    assertRefused(token(c -> c.claim("nonce", null), providerKey), "NONCE_MISMATCH");
  }

  @Test
  void another_issuer_is_refused() {
    assertRefused(token(c -> c.issuer("http://evil.test"), providerKey), "ISSUER_INVALID");
  }

  @Test
  void another_audience_is_refused() {
    assertRefused(token(c -> c.audience("another-client"), providerKey), "AUDIENCE_INVALID");
  }

  @Test
  void an_expired_token_is_refused() {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    assertRefused(
        token(
            c -> c.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(600))),
            providerKey),
        "TOKEN_EXPIRED");
  }

  @Test
  void a_bad_signature_is_refused() {
    assertRefused(token(c -> {}, attackerKey), "SIGNATURE_INVALID");
  }

  @Test
  void a_callback_with_another_state_is_refused() {
    PendingSignIn pending = new PendingSignIn("state-sent", NONCE.getValue(), "v".repeat(43));

    assertThatThrownBy(() -> OidcSignIn.checkState(new State("state-injected"), pending))
        .isInstanceOfSatisfying(
            SignInException.class, e -> assertThat(e.code()).isEqualTo("STATE_MISMATCH"));
    assertThatThrownBy(() -> OidcSignIn.checkState(null, pending))
        .isInstanceOfSatisfying(
            SignInException.class, e -> assertThat(e.code()).isEqualTo("STATE_MISMATCH"));
  }

  @Test
  void the_callback_with_its_own_state_passes_the_state_check() {
    PendingSignIn pending = new PendingSignIn("state-sent", NONCE.getValue(), "v".repeat(43));

    OidcSignIn.checkState(new State("state-sent"), pending);
  }

  private void assertRefused(SignedJWT token, String code) {
    assertThatThrownBy(() -> checks.check(token, NONCE))
        .isInstanceOfSatisfying(SignInException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static SignedJWT token(Consumer<JWTClaimsSet.Builder> change, RSAKey key) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject("555010000102")
            .audience(CLIENT)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(600)))
            .jwtID(UUID.randomUUID().toString())
            .claim("nonce", NONCE.getValue())
            .claim("nhsid_useruid", "555010000102");
    change.accept(claims);
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
