package org.carelens.simulators.launcher;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** An extra API served on the launcher's port, such as the simulators' fault-profile admin API. */
@FunctionalInterface
public interface AdminRoute {

  /**
   * Answers the exchange if it is this route's, and says whether it did. The launcher closes the
   * exchange afterwards.
   */
  boolean handle(HttpExchange exchange) throws IOException;
}
