package org.carelens.portal.signin;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import org.carelens.portal.gateway.GatewayClient;
import org.carelens.portal.gateway.GatewayException;
import org.carelens.portal.launch.LaunchPage;
import org.carelens.portal.launch.LaunchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /logout}: ends the gateway session ({@code DELETE /api/v1/sessions/current}) and the
 * portal's HTTP session, then says so. The portal session ends even if the gateway cannot be
 * reached (its session then ends at its idle timeout), and the page says which happened.
 */
public final class SignOutServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(SignOutServlet.class);

  private final transient GatewayClient gateway;

  public SignOutServlet(GatewayClient gateway) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    signOut(request, response);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    signOut(request, response);
  }

  private void signOut(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    HttpSession session = request.getSession(false);
    String gatewayOutcome = "";
    if (session != null) {
      Object attribute = session.getAttribute(LaunchSession.ATTRIBUTE);
      if (attribute instanceof LaunchSession launch) {
        try {
          gateway.endSession(launch.accessToken());
          gatewayOutcome = " The gateway session has ended too.";
        } catch (GatewayException e) {
          LOG.info("Gateway session could not be ended at sign-out: {} {}", e.status(), e.code());
          gatewayOutcome =
              e.status() == 401
                  ? " The gateway session had already ended."
                  : " The gateway could not be reached; its session ends by itself after 15"
                      + " minutes without use.";
        }
      }
      session.invalidate();
    }
    LaunchPage.send(
        response,
        HttpServletResponse.SC_OK,
        "You have signed out",
        "You have signed out of Carelens."
            + gatewayOutcome
            + " To look at a record again, sign in"
            + " again at /login or launch Carelens from your clinical system.");
  }
}
