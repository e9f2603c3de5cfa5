package org.carelens.portal.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;

/**
 * Requests a page already open sends (Vaadin's server round trips, heartbeats and push, including
 * Atmosphere's close on leaving the page) belong to the session that page was opened in and never
 * start a new one. Vaadin already refuses to for round trips and heartbeats, but hands a push
 * request without a session to Atmosphere, whose session support creates one. Leaving a record page
 * sends such a close under the old session's cookie; when it reaches the portal after the next
 * launch has ended that session (seen under load), the new session's {@code Set-Cookie} replaced
 * the launch's cookie in the browser, and the page just launched lost its launch ("No active
 * session", or "Your session has ended" at the next click). Only page loads and the launch and
 * sign-in servlets may start a session.
 */
public final class NoSessionFromPageTraffic implements Filter {

  /** Vaadin's request-type parameter ({@code ApplicationConstants.REQUEST_TYPE_PARAMETER}). */
  static final String REQUEST_TYPE = "v-r";

  /** The request types a page sends once it is open. */
  static final Set<String> PAGE_TRAFFIC = Set.of("uidl", "heartbeat", "push");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && isPageTraffic(http.getQueryString())) {
      chain.doFilter(new ExistingSessionOnly(http), response);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether a query string names one of {@link #PAGE_TRAFFIC}'s request types. Read from the query
   * string, where Vaadin always puts it, so that a form body is never read here.
   */
  static boolean isPageTraffic(String query) {
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith(REQUEST_TYPE + "=")
          && PAGE_TRAFFIC.contains(pair.substring(REQUEST_TYPE.length() + 1))) {
        return true;
      }
    }
    return false;
  }

  /** A request whose session is the one it came with, or none. */
  private static final class ExistingSessionOnly extends HttpServletRequestWrapper {

    ExistingSessionOnly(HttpServletRequest request) {
      super(request);
    }

    @Override
    public HttpSession getSession() {
      return super.getSession(false);
    }

    @Override
    public HttpSession getSession(boolean create) {
      return super.getSession(false);
    }
  }
}
