package org.carelens.portal.launch;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.Optional;

/** The launch kept in the current browser's HTTP session, as views read it. */
public final class CurrentLaunch {

  private CurrentLaunch() {}

  /** The launch for the Vaadin session on this thread, if there is one. */
  public static Optional<LaunchSession> get() {
    VaadinSession session = VaadinSession.getCurrent();
    if (session == null) {
      return Optional.empty();
    }
    WrappedSession http = session.getSession();
    return http == null
        ? Optional.empty()
        : LaunchSession.fromAttribute(http.getAttribute(LaunchSession.ATTRIBUTE));
  }
}
