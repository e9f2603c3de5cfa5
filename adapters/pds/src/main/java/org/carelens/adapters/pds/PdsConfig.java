package org.carelens.adapters.pds;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach the demographics spine.
 *
 * @param sourceId the Carelens source id, normally {@code pds}
 * @param displayName what users read, e.g. "Demographics (PDS)"
 * @param baseUrl the FHIR R4 root; the patient is read from {@code {baseUrl}/Patient/{nhsNumber}}
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long the whole exchange, body included, may take
 * @param maxResponseBytes the largest body read; a larger one is a malformed payload
 */
public record PdsConfig(
    String sourceId,
    String displayName,
    URI baseUrl,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxResponseBytes) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** A Patient is a few kilobytes; anything near this is not one. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

  public PdsConfig {
    Objects.requireNonNull(sourceId, "sourceId must not be null");
    Objects.requireNonNull(displayName, "displayName must not be null");
    Objects.requireNonNull(baseUrl, "baseUrl must not be null");
    Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
    Objects.requireNonNull(requestTimeout, "requestTimeout must not be null");
    if (!sourceId.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "sourceId must be lower-case letters, digits and hyphens, was '" + sourceId + "'");
    }
    if (displayName.isBlank()) {
      throw new IllegalArgumentException("displayName must not be blank (source " + sourceId + ")");
    }
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "baseUrl must be an absolute http or https URL, was '%s' (source %s)"
              .formatted(baseUrl, sourceId));
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "baseUrl must not have a query or fragment, was '%s' (source %s)"
              .formatted(baseUrl, sourceId));
    }
    String text = baseUrl.toString();
    baseUrl = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : baseUrl;
    if (!connectTimeout.isPositive() || !requestTimeout.isPositive()) {
      throw new IllegalArgumentException(
          "timeouts must be positive, were connect %s and request %s (source %s)"
              .formatted(connectTimeout, requestTimeout, sourceId));
    }
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException(
          "maxResponseBytes must be positive, was %d (source %s)"
              .formatted(maxResponseBytes, sourceId));
    }
  }

  /** Default timeouts and size limit. */
  public static PdsConfig withDefaults(String sourceId, String displayName, URI baseUrl) {
    return new PdsConfig(
        sourceId,
        displayName,
        baseUrl,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_MAX_RESPONSE_BYTES);
  }

  public PdsConfig withTimeouts(Duration connect, Duration request) {
    return new PdsConfig(sourceId, displayName, baseUrl, connect, request, maxResponseBytes);
  }

  public PdsConfig withMaxResponseBytes(int bytes) {
    return new PdsConfig(sourceId, displayName, baseUrl, connectTimeout, requestTimeout, bytes);
  }
}
