package org.carelens.portal.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.util.Locale;
import java.util.Objects;

/**
 * The portal's checks of an ID token (OpenID Connect Core 1.0 section 3.1.3.7), through Nimbus's
 * {@link IDTokenValidator}: signed with RS256 by a key in the provider's JWKS, {@code iss} the
 * provider, {@code aud} this client, not expired (one minute's clock skew), and {@code nonce} the
 * one this browser's sign-in sent. Each failure is a {@link SignInException} naming the check, so a
 * test can tell which one fired. Thread-safe.
 */
public final class IdTokenChecks {

  private final IDTokenValidator validator;

  /**
   * @param keys the provider's keys (a remote, cached JWKS in production; a fixed set in tests)
   */
  public IdTokenChecks(Issuer issuer, ClientID clientId, JWKSource<SecurityContext> keys) {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientId, "clientId");
    this.validator =
        new IDTokenValidator(
            issuer, clientId, new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys), null);
  }

  /**
   * @return the token's verified claims
   * @throws SignInException naming the check that refused it
   */
  public JWTClaimsSet check(JWT idToken, Nonce expectedNonce) {
    try {
      return validator.validate(idToken, expectedNonce).toJWTClaimsSet();
    } catch (BadJOSEException e) {
      throw classify(e);
    } catch (JOSEException | com.nimbusds.oauth2.sdk.ParseException e) {
      throw new SignInException(
          "ID_TOKEN_INVALID", "The sign-in could not be verified: " + e.getMessage(), e);
    }
  }

  /** Nimbus says which check failed in its message; each becomes its own code. */
  private static SignInException classify(BadJOSEException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    String code;
    if (message.contains("nonce")) {
      code = "NONCE_MISMATCH";
    } else if (message.contains("expired")) {
      code = "TOKEN_EXPIRED";
    } else if (message.contains("issuer")) {
      code = "ISSUER_INVALID";
    } else if (message.contains("audience")) {
      code = "AUDIENCE_INVALID";
    } else if (message.contains("signature") || message.contains("key")) {
      code = "SIGNATURE_INVALID";
    } else {
      code = "ID_TOKEN_INVALID";
    }
    return new SignInException(code, "The sign-in was refused: " + e.getMessage(), e);
  }
}
