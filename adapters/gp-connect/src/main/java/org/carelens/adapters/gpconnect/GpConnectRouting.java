package org.carelens.adapters.gpconnect;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * How to find a patient's GP practice the way a real GP Connect consumer does: read the patient
 * from the demographics spine (PDS FHIR R4, {@code GET {pdsBaseUrl}/Patient/{nhsNumber}}) for the
 * registered practice's ODS code, then ask the endpoint directory (SDS FHIR R4, {@code GET
 * {directoryBaseUrl}/Endpoint?organization=...&identifier=...}) for that practice's GP Connect
 * endpoint.
 */
public record GpConnectRouting(URI pdsBaseUrl, URI directoryBaseUrl) {

  public GpConnectRouting {
    pdsBaseUrl = checked("pdsBaseUrl", pdsBaseUrl);
    directoryBaseUrl = checked("directoryBaseUrl", directoryBaseUrl);
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
