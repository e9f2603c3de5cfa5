package org.carelens.portal.internal;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * When the portal session ends (idle past the launch's timeout, or ended by the portal when the
 * gateway session has), the browser goes straight to the "Your session has ended" page rather than
 * leaving a record on screen behind a notification. Found by Vaadin through {@code
 * META-INF/services}.
 */
public final class SessionEndService implements VaadinServiceInitListener {

  /** The route of the page a browser lands on when its session has ended. */
  public static final String SESSION_ENDED_ROUTE = "session-ended";

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event
        .getSource()
        .setSystemMessagesProvider(
            info -> {
              CustomizedSystemMessages messages = new CustomizedSystemMessages();
              messages.setSessionExpiredURL(SESSION_ENDED_ROUTE);
              messages.setSessionExpiredNotificationEnabled(false);
              return messages;
            });
  }
}
