package org.carelens.portal.launch;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.time.Duration;

/** How long a portal session lives, and how one is ended. */
public final class PortalSessions {

  /**
   * A portal session ends after this long without use: the gateway session's idle timeout ({@code
   * carelens.session.idle-timeout}, 15 minutes), so a record never stays open in the portal after
   * the gateway would refuse to show it.
   */
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);

  private PortalSessions() {}

  /** Ends the current browser's portal session, launch and all. */
  public static void endCurrent() {
    VaadinSession session = VaadinSession.getCurrent();
    WrappedSession http = session == null ? null : session.getSession();
    if (http != null) {
      http.invalidate();
    }
  }
}
