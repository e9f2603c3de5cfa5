package org.carelens.portal.launch;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import org.carelens.portal.gateway.GatewayClient;
import org.carelens.portal.gateway.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /launch} with form field {@code token}: the in-context launch from a clinical system.
 *
 * <p>Exchanges the launch token with the gateway, keeps the resulting {@link LaunchSession} in a
 * freshly identified HTTP session and answers 303 See Other to the patient's record (IG officers
 * and the federation's IG lead: to the audit pages at {@code /ig}). A refused token gets a plain
 * 401 page with the gateway's reason; nothing is stored. The token is never logged.
 */
public final class LaunchServlet extends HttpServlet {

  /** The form field that carries the launch token. */
  public static final String TOKEN_FIELD = "token";

  private static final Logger LOG = LoggerFactory.getLogger(LaunchServlet.class);

  private final transient GatewayClient gateway;

  public LaunchServlet(GatewayClient gateway) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String token = request.getParameter(TOKEN_FIELD);
    if (token == null || token.isBlank()) {
      LaunchPage.send(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "Launch refused",
          "The launch request carried no token. Launch Carelens again from your clinical system.");
      return;
    }

    LaunchSession launch;
    try {
      launch = LaunchSession.of(gateway.exchangeLaunchToken(token.strip()));
    } catch (GatewayException e) {
      refuse(response, e);
      return;
    } catch (IllegalArgumentException e) {
      // The gateway's grant failed validation (e.g. a malformed NHS number): fail closed.
      LOG.warn("Launch failed: the gateway's session grant was invalid: {}", e.getMessage());
      LaunchPage.send(
          response,
          HttpServletResponse.SC_BAD_GATEWAY,
          "Launch failed",
          "Carelens could not complete the launch: the gateway's answer was invalid.");
      return;
    }

    // OWASP session management: every launch starts a new session and ends the old one, so neither
    // an id planted before the launch (session fixation) nor anything an earlier launch left in
    // the session (another patient, a claimed relationship) carries over.
    HttpSession previous = request.getSession(false);
    if (previous != null) {
      previous.invalidate();
    }
    HttpSession session = request.getSession(true);
    // Jetty may give the new session the id the request asked for (the one just invalidated). A
    // request still in flight from the previous page under that id (Vaadin's close beacon for its
    // UI, numbered like the new page's first UI) would then close the new page's UI, and the
    // doctor would land on "Your session has ended" just after the launch. A fresh id rules that
    // out.
    request.changeSessionId();
    session.setMaxInactiveInterval((int) PortalSessions.IDLE_TIMEOUT.toSeconds());
    session.setAttribute(LaunchSession.ATTRIBUTE, launch);
    LOG.info("Launch accepted for {} ({})", launch.userName(), launch.userRole());

    response.setHeader("Cache-Control", "no-store");
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    // LaunchSession has checked the NHS number is ten digits, so it is safe in a header. IG
    // officers audit access rather than read records, so they land on the audit pages.
    response.setHeader("Location", request.getContextPath() + landingPath(launch));
  }

  /**
   * Where a launch lands: the IG pages for IG roles, the patient's record for everyone else; a user
   * who signed in (no patient) lands on the patient search.
   */
  public static String landingPath(LaunchSession launch) {
    if (launch.auditsAccess()) {
      return "/ig";
    }
    return launch.signedIn() ? "/search" : "/patient/" + launch.nhsNumber();
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Allow", "POST");
    LaunchPage.send(
        response,
        HttpServletResponse.SC_METHOD_NOT_ALLOWED,
        "Launch Carelens from your clinical system",
        "This address receives launches from clinical systems. Open the patient's record in your"
            + " clinical system and choose Carelens from there.");
  }

  private static void refuse(HttpServletResponse response, GatewayException e) throws IOException {
    if (e.status() >= 400 && e.status() < 500) {
      LOG.info("Launch refused by the gateway: {} {}", e.status(), e.code());
      LaunchPage.send(
          response, HttpServletResponse.SC_UNAUTHORIZED, "Launch refused", e.detail(), e.code());
    } else {
      LOG.warn("Launch failed: {} {}", e.status(), e.code());
      LaunchPage.send(
          response,
          HttpServletResponse.SC_BAD_GATEWAY,
          "Launch failed",
          "Carelens could not complete the launch: " + e.detail(),
          e.code());
    }
  }
}
