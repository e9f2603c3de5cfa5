package org.carelens.simulators.launcher;

import java.net.URI;
import java.util.Objects;

/**
 * Where the launcher's tokens are for and where it sends the browser.
 *
 * @param issuer the out-of-hours system's {@code iss} (its keys at {@code
 *     <launcher>/.well-known/jwks.json}); each other launching system's is this plus its {@link
 *     LaunchingSystem#path()}, e.g. {@code <issuer>/pharmacy-system}
 * @param audience the tokens' {@code aud}
 * @param portalUrl the portal's base URL; launch forms post to {@code <portalUrl>/launch}
 */
public record LauncherConfig(String issuer, String audience, URI portalUrl) {

  public static final String DEFAULT_ISSUER = "http://localhost:8090";
  public static final String DEFAULT_AUDIENCE = "carelens-gateway";
  public static final URI DEFAULT_PORTAL_URL = URI.create("http://localhost:8080");

  public LauncherConfig {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(portalUrl, "portalUrl");
    if (issuer.isBlank() || audience.isBlank()) {
      throw new IllegalArgumentException("issuer and audience must not be blank");
    }
    if (!portalUrl.isAbsolute()) {
      throw new IllegalArgumentException("portal URL must be absolute, was '" + portalUrl + "'");
    }
  }

  public static LauncherConfig defaults() {
    return new LauncherConfig(DEFAULT_ISSUER, DEFAULT_AUDIENCE, DEFAULT_PORTAL_URL);
  }

  /** The URL launch forms post the token to. */
  public String portalLaunchUrl() {
    String base = portalUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/launch";
  }
}
