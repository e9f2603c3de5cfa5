package org.carelens.portal.launch;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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

  /**
   * Replaces the launch in the current HTTP session, e.g. with a relationship the gateway has just
   * accepted.
   *
   * @throws IllegalStateException when there is no HTTP session on this thread
   */
  public static void replace(LaunchSession launch) {
    VaadinSession session = VaadinSession.getCurrent();
    @Nullable WrappedSession http = session == null ? null : session.getSession();
    if (http == null) {
      throw new IllegalStateException("No HTTP session to keep the launch in");
    }
    http.setAttribute(LaunchSession.ATTRIBUTE, launch);
  }
}
