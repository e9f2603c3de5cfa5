package org.carelens.adapters.pharmacy;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach one community pharmacy's dispensing API.
 *
 * @param sourceId the Carelens source id, e.g. {@code pharmacy}
 * @param displayName what users read, e.g. "Riverside Community Pharmacy"
 * @param baseUrl the API root; the record is read from {@code
 *     {baseUrl}/api/v1/patients/{nhsNumber}/dispensing}
 * @param pharmacyOds the pharmacy's ODS code, e.g. {@code FA123}
 * @param requestTimeout how long the whole exchange may take
 * @param maxResponseBytes the largest body read; a larger one is a malformed payload
 */
public record PharmacyConfig(
    String sourceId,
    String displayName,
    URI baseUrl,
    String pharmacyOds,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxResponseBytes) {

  public PharmacyConfig {
    Objects.requireNonNull(sourceId, "sourceId must not be null");
    Objects.requireNonNull(displayName, "displayName must not be null");
    Objects.requireNonNull(baseUrl, "baseUrl must not be null");
    Objects.requireNonNull(pharmacyOds, "pharmacyOds must not be null");
    Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
    Objects.requireNonNull(requestTimeout, "requestTimeout must not be null");
    if (!sourceId.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "sourceId must be lower-case letters, digits and hyphens, was '" + sourceId + "'");
    }
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "baseUrl must be an absolute http or https URL, was '%s' (source %s)"
              .formatted(baseUrl, sourceId));
    }
    String text = baseUrl.toString();
    baseUrl = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : baseUrl;
    if (!pharmacyOds.matches("[A-Z0-9]{3,10}")) {
      throw new IllegalArgumentException(
          "pharmacyOds must be an ODS code, was '%s' (source %s)".formatted(pharmacyOds, sourceId));
    }
    if (!connectTimeout.isPositive() || !requestTimeout.isPositive() || maxResponseBytes <= 0) {
      throw new IllegalArgumentException(
          "timeouts and maxResponseBytes must be positive (source %s)".formatted(sourceId));
    }
  }

  public static PharmacyConfig withDefaults(
      String sourceId, String displayName, URI baseUrl, String pharmacyOds) {
    return new PharmacyConfig(
        sourceId,
        displayName,
        baseUrl,
        pharmacyOds,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        1024 * 1024);
  }

  public PharmacyConfig withLimits(Duration requestTimeout, int maxResponseBytes) {
    return new PharmacyConfig(
        sourceId,
        displayName,
        baseUrl,
        pharmacyOds,
        connectTimeout,
        requestTimeout,
        maxResponseBytes);
  }
}
