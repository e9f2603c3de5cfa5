package org.carelens.portal.signin;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * OpenID Connect sign-in with a CIS2-like provider: authorization code flow with PKCE (S256),
 * through the Nimbus OAuth 2.0 SDK. {@link #begin()} gives the provider's authorize URL and what
 * the browser's session must remember; {@link #complete} checks the callback's {@code state},
 * redeems the code with the PKCE verifier at the token endpoint and checks the ID token ({@link
 * IdTokenChecks}: signature against the provider's JWKS, issuer, audience, expiry, nonce). The
 * provider's discovery document is read on first use and kept. Thread-safe.
 */
public final class OidcSignIn {

  /** CIS2's scopes for the user's identity, their national RBAC roles and organisations. */
  static final Scope SCOPE =
      new Scope("openid", "profile", "nationalrbacaccess", "associatedorgs", "selectedrole");

  private final Issuer issuer;
  private final ClientID clientId;
  private final URI redirectUri;
  private volatile @Nullable Provider provider;

  /** The provider's endpoints and the checks its ID tokens get. */
  private record Provider(OIDCProviderMetadata metadata, IdTokenChecks checks) {}

  /**
   * @param issuer the provider's issuer; its discovery document is {@code
   *     <issuer>/.well-known/openid-configuration}
   * @param redirectUri the portal's registered callback, {@code <portal>/login/callback}
   */
  public OidcSignIn(URI issuer, String clientId, URI redirectUri) {
    this.issuer = new Issuer(Objects.requireNonNull(issuer, "issuer"));
    this.clientId = new ClientID(Objects.requireNonNull(clientId, "clientId"));
    this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
  }

  /** A new sign-in: what to remember, and where to send the browser. */
  public record Started(PendingSignIn pending, URI authorizeUri) {}

  public Started begin() {
    Provider p = provider();
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    URI authorize =
        new AuthenticationRequest.Builder(ResponseType.CODE, SCOPE, clientId, redirectUri)
            .endpointURI(p.metadata().getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build()
            .toURI();
    return new Started(
        new PendingSignIn(state.getValue(), nonce.getValue(), verifier.getValue()), authorize);
  }

  /**
   * Completes the sign-in the provider redirected back with.
   *
   * @param callback the full callback URL, with its query
   * @return the verified ID token, serialised, for the gateway
   * @throws SignInException naming the check that refused the sign-in
   */
  public String complete(URI callback, PendingSignIn pending) {
    AuthenticationResponse response;
    try {
      response = AuthenticationResponseParser.parse(callback);
    } catch (ParseException e) {
      throw new SignInException("CALLBACK_INVALID", "The sign-in response could not be read", e);
    }
    checkState(response.getState(), pending);
    if (response instanceof AuthenticationErrorResponse error) {
      throw new SignInException(
          "PROVIDER_REFUSED",
          "The identity provider refused the sign-in: "
              + error.getErrorObject().getCode()
              + (error.getErrorObject().getDescription() == null
                  ? ""
                  : " (" + error.getErrorObject().getDescription() + ")"));
    }
    AuthorizationCode code = ((AuthenticationSuccessResponse) response).getAuthorizationCode();
    if (code == null) {
      throw new SignInException("CALLBACK_INVALID", "The sign-in response carried no code");
    }
    Provider p = provider();
    OIDCTokens tokens = redeem(p, code, new CodeVerifier(pending.codeVerifier()));
    JWT idToken = tokens.getIDToken();
    if (idToken == null) {
      throw new SignInException("ID_TOKEN_MISSING", "The identity provider sent no ID token");
    }
    p.checks().check(idToken, new Nonce(pending.nonce()));
    return idToken.serialize();
  }

  /**
   * RFC 6749 section 10.12: the callback must carry the {@code state} this browser sent, or it is
   * someone else's sign-in being injected (login CSRF).
   */
  static void checkState(@Nullable State returned, PendingSignIn pending) {
    if (returned == null || !returned.getValue().equals(pending.state())) {
      throw new SignInException(
          "STATE_MISMATCH",
          "The sign-in response does not belong to this browser's sign-in; start again");
    }
  }

  private OIDCTokens redeem(Provider p, AuthorizationCode code, CodeVerifier verifier) {
    TokenRequest request =
        new TokenRequest(
            p.metadata().getTokenEndpointURI(),
            clientId,
            new AuthorizationCodeGrant(code, redirectUri, verifier));
    TokenResponse response;
    try {
      response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    } catch (IOException | ParseException e) {
      throw new SignInException(
          "TOKEN_REQUEST_FAILED", "The identity provider's token endpoint could not be used", e);
    }
    if (response instanceof TokenErrorResponse error) {
      throw new SignInException(
          "TOKEN_REQUEST_FAILED",
          "The identity provider refused the code: " + error.getErrorObject().getCode());
    }
    return response.toSuccessResponse().getTokens().toOIDCTokens();
  }

  private Provider provider() {
    Provider known = provider;
    if (known != null) {
      return known;
    }
    try {
      OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer);
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).retrying(true).build();
      Provider resolved = new Provider(metadata, new IdTokenChecks(issuer, clientId, keys));
      provider = resolved;
      return resolved;
    } catch (com.nimbusds.oauth2.sdk.GeneralException | IOException e) {
      throw new SignInException(
          "PROVIDER_UNAVAILABLE",
          "The identity provider at " + issuer + " could not be reached; try again shortly",
          e);
    }
  }

  /** For diagnostics: never a secret. */
  @Override
  public String toString() {
    return "OidcSignIn[issuer=" + issuer + ", client=" + clientId + "]";
  }
}
