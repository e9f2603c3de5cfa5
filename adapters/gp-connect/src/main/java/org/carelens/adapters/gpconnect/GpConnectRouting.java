package org.carelens.adapters.gpconnect;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to find a patient's GP practice the way a real GP Connect consumer does: read the patient
 * from the demographics spine (PDS FHIR R4, {@code GET {pdsBaseUrl}/Patient/{nhsNumber}}) for the
 * registered practice's ODS code, then ask the endpoint directory (SDS FHIR R4, {@code GET
 * {directoryBaseUrl}/Endpoint?organization=...&identifier=...}) for that practice's GP Connect
 * endpoint, which must be on the allow-list ({@link #permits}).
 */
public record GpConnectRouting(
    URI pdsBaseUrl, URI directoryBaseUrl, List<String> endpointHosts, boolean allowHttp) {

  public GpConnectRouting {
    pdsBaseUrl = checked("pdsBaseUrl", pdsBaseUrl);
    directoryBaseUrl = checked("directoryBaseUrl", directoryBaseUrl);
    endpointHosts = List.copyOf(endpointHosts);
    if (endpointHosts.isEmpty()) {
      throw new IllegalArgumentException(
          "endpointHosts must name at least one host the directory may send requests to");
    }
    for (String pattern : endpointHosts) {
      if (!HOST_PATTERN.matcher(pattern).matches()) {
        throw new IllegalArgumentException(
            "endpointHosts: '%s' is not a host name, an IP address or '*.' and a domain"
                .formatted(pattern));
      }
    }
  }

  /**
   * Routing whose endpoints must be on the directory's own host, over the directory's own scheme
   * (http allowed only when the directory itself is reached over http, as in the simulators).
   */
  public GpConnectRouting(URI pdsBaseUrl, URI directoryBaseUrl) {
    this(
        pdsBaseUrl,
        directoryBaseUrl,
        List.of(Objects.requireNonNull(directoryBaseUrl, "directoryBaseUrl").getHost()),
        "http".equalsIgnoreCase(directoryBaseUrl.getScheme()));
  }

  private static final Pattern HOST_PATTERN =
      Pattern.compile(
          "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

  /**
   * Whether the gateway may send a patient's NHS number and the consumer JWT to an endpoint the
   * directory returned: https (or http where the deployment allows it), and a host matching one of
   * {@link #endpointHosts()} exactly or, for a {@code *.domain} pattern, as a subdomain. A
   * compromised or misconfigured directory can then not send the request anywhere else.
   */
  public boolean permits(URI endpoint) {
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
      return false;
    }
    String host = endpoint.getHost();
    if (host == null || endpoint.getRawUserInfo() != null) {
      return false;
    }
    String lower = host.toLowerCase(Locale.ROOT);
    for (String pattern : endpointHosts) {
      String p = pattern.toLowerCase(Locale.ROOT);
      if (p.startsWith("*.") ? lower.endsWith(p.substring(1)) : lower.equals(p)) {
        return true;
      }
    }
    return false;
  }

  private static URI checked(String name, URI url) {
    Objects.requireNonNull(url, name + " must not be null");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException(
          "%s must be an absolute http or https URL, was '%s'".formatted(name, url));
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "%s must not have a query or fragment, was '%s'".formatted(name, url));
    }
    String text = url.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
  }
}
