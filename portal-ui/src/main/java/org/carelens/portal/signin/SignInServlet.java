package org.carelens.portal.signin;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import org.carelens.portal.gateway.GatewayClient;
import org.carelens.portal.gateway.GatewayException;
import org.carelens.portal.launch.LaunchPage;
import org.carelens.portal.launch.LaunchServlet;
import org.carelens.portal.launch.LaunchSession;
import org.carelens.portal.launch.PortalSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /login} starts a sign-in: a fresh HTTP session remembers the {@link PendingSignIn} and
 * the browser is redirected to the provider's authorize endpoint. {@code GET /login/callback}
 * finishes it: the {@link OidcSignIn} checks state, PKCE, and the ID token; the gateway exchanges
 * the ID token for a session bound to no patient; a new HTTP session holds it (no session fixation)
 * and the user lands on the patient search. Every refusal is a plain page with its reason code;
 * tokens are never logged.
 */
public final class SignInServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(SignInServlet.class);

  private final transient java.util.function.Supplier<OidcSignIn> oidc;
  private final transient GatewayClient gateway;

  /**
   * @param oidc the sign-in client, made on first use (the portal's own URL, which the redirect URI
   *     is built from, may only be known once it listens)
   */
  public SignInServlet(java.util.function.Supplier<OidcSignIn> oidc, GatewayClient gateway) {
    this.oidc = Objects.requireNonNull(oidc, "oidc");
    this.gateway = Objects.requireNonNull(gateway, "gateway");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    if (request.getRequestURI().endsWith("/callback")) {
      callback(request, response);
    } else {
      start(request, response);
    }
  }

  private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
    OidcSignIn.Started started;
    try {
      started = oidc.get().begin();
    } catch (SignInException e) {
      LOG.warn("Sign-in could not start: {} {}", e.code(), e.getMessage());
      LaunchPage.send(
          response,
          HttpServletResponse.SC_BAD_GATEWAY,
          "Sign-in unavailable",
          e.getMessage(),
          e.code());
      return;
    }
    HttpSession previous = request.getSession(false);
    if (previous != null) {
      previous.invalidate();
    }
    HttpSession session = request.getSession(true);
    session.setMaxInactiveInterval((int) PortalSessions.IDLE_TIMEOUT.toSeconds());
    session.setAttribute(PendingSignIn.ATTRIBUTE, started.pending());
    response.setStatus(HttpServletResponse.SC_FOUND);
    response.setHeader("Location", started.authorizeUri().toString());
  }

  private void callback(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(false);
    Object attribute = session == null ? null : session.getAttribute(PendingSignIn.ATTRIBUTE);
    if (!(attribute instanceof PendingSignIn pending)) {
      LaunchPage.send(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "Sign-in expired",
          "This browser has no sign-in in progress (it may have expired). Sign in again from the"
              + " start.",
          "NO_SIGN_IN_IN_PROGRESS");
      return;
    }
    // Single use: a replayed callback finds nothing to complete.
    session.removeAttribute(PendingSignIn.ATTRIBUTE);
    String idToken;
    try {
      URI callback =
          URI.create(
              request.getRequestURL()
                  + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
      idToken = oidc.get().complete(callback, pending);
    } catch (SignInException e) {
      LOG.info("Sign-in refused: {}", e.code());
      LaunchPage.send(
          response,
          HttpServletResponse.SC_UNAUTHORIZED,
          "Sign-in refused",
          e.getMessage(),
          e.code());
      return;
    }
    LaunchSession signedIn;
    try {
      signedIn = LaunchSession.of(gateway.exchangeIdToken(idToken));
    } catch (GatewayException e) {
      LOG.info("Gateway refused the sign-in: {} {}", e.status(), e.code());
      LaunchPage.send(
          response,
          e.status() >= 400 && e.status() < 500
              ? HttpServletResponse.SC_UNAUTHORIZED
              : HttpServletResponse.SC_BAD_GATEWAY,
          "Sign-in refused",
          e.detail(),
          e.code());
      return;
    }
    session.invalidate();
    HttpSession fresh = request.getSession(true);
    // A fresh id, never the invalidated one (see LaunchServlet).
    request.changeSessionId();
    fresh.setMaxInactiveInterval((int) PortalSessions.IDLE_TIMEOUT.toSeconds());
    fresh.setAttribute(LaunchSession.ATTRIBUTE, signedIn);
    LOG.info("Signed in: {} ({})", signedIn.userName(), signedIn.userRole());
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + LaunchServlet.landingPath(signedIn));
  }
}
