package org.carelens.adapters.careplans;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach one NRL-style pointer service.
 *
 * @param sourceId the Carelens source id, e.g. {@code care-plans}
 * @param displayName what users read, e.g. "Care plans (National Record Locator)"
 * @param baseUrl the FHIR R4 base URL; pointers are searched at {@code {baseUrl}/DocumentReference}
 * @param serviceOds the ODS code of the organisation that runs the service (NHS England: {@code
 *     X26}); each plan names its own author
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout how long one fetch (both searches) or one document read may take in all
 * @param maxResponseBytes the largest body read; a larger one is a malformed payload
 */
public record CarePlansConfig(
    String sourceId,
    String displayName,
    URI baseUrl,
    String serviceOds,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxResponseBytes) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** Pointers are small; plan content (PDF or HTML) is read on demand within the same limit. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

  public CarePlansConfig {
    Objects.requireNonNull(sourceId, "sourceId must not be null");
    Objects.requireNonNull(displayName, "displayName must not be null");
    Objects.requireNonNull(baseUrl, "baseUrl must not be null");
    Objects.requireNonNull(serviceOds, "serviceOds must not be null");
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
    if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "baseUrl must be an absolute http or https URL, was '%s' (source %s)"
              .formatted(baseUrl, sourceId));
    }
    String text = baseUrl.toString();
    baseUrl = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : baseUrl;
    if (!serviceOds.matches("[A-Z0-9]{3,10}")) {
      throw new IllegalArgumentException(
          "serviceOds must be an ODS code, was '%s' (source %s)".formatted(serviceOds, sourceId));
    }
    if (!connectTimeout.isPositive() || !requestTimeout.isPositive() || maxResponseBytes <= 0) {
      throw new IllegalArgumentException(
          "timeouts and maxResponseBytes must be positive (source %s)".formatted(sourceId));
    }
  }

  public static CarePlansConfig withDefaults(
      String sourceId, String displayName, URI baseUrl, String serviceOds) {
    return new CarePlansConfig(
        sourceId,
        displayName,
        baseUrl,
        serviceOds,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_MAX_RESPONSE_BYTES);
  }

  public CarePlansConfig withTimeouts(Duration connectTimeout, Duration requestTimeout) {
    return new CarePlansConfig(
        sourceId,
        displayName,
        baseUrl,
        serviceOds,
        connectTimeout,
        requestTimeout,
        maxResponseBytes);
  }

  public CarePlansConfig withMaxResponseBytes(int maxResponseBytes) {
    return new CarePlansConfig(
        sourceId,
        displayName,
        baseUrl,
        serviceOds,
        connectTimeout,
        requestTimeout,
        maxResponseBytes);
  }
}
