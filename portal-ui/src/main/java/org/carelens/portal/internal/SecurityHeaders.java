package org.carelens.portal.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Response headers on every portal response, the launch page and Vaadin's alike. The break-glass
 * and relationship dialogs must never be framed by another site (clickjacking), so framing is
 * refused twice: CSP {@code frame-ancestors 'none'} and the older {@code X-Frame-Options: DENY}.
 * The CSP's script and style allowances are what Vaadin Flow's bootstrap needs (inline bootstrap
 * script, {@code executeJs} through {@code Function}, inline styles); everything loads from the
 * portal itself, and push runs over a same-origin websocket.
 */
public final class SecurityHeaders implements Filter {

  /** The Content-Security-Policy header's value. */
  public static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'self'",
          "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
          "style-src 'self' 'unsafe-inline'",
          "img-src 'self' data:",
          "font-src 'self' data:",
          "connect-src 'self'",
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (response instanceof HttpServletResponse http) {
      http.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      http.setHeader("X-Frame-Options", "DENY");
      http.setHeader("X-Content-Type-Options", "nosniff");
      http.setHeader("Referrer-Policy", "no-referrer");
    }
    chain.doFilter(request, response);
  }
}
