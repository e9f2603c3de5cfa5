package org.carelens.adapters.pharmacy;

import java.net.URI;
import java.time.Duration;
import org.carelens.adapters.http.ConfigChecks;

/**
 * How to reach one community pharmacy's dispensing API.
 *
 * @param sourceId the Carelens source id, e.g. {@code pharmacy}
 * @param displayName what users read, e.g. "Riverside Community Pharmacy"
 * @param baseUrl the API root; the record is read from {@code
 *     {baseUrl}/api/v1/patients/{nhsNumber}/dispensing}
 * @param pharmacyOds the pharmacy's ODS code, e.g. {@code FA123}
 * @param connectTimeout how long to wait for a TCP/TLS connection
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
    baseUrl =
        ConfigChecks.httpSource(
            sourceId, displayName, baseUrl, connectTimeout, requestTimeout, maxResponseBytes);
    ConfigChecks.odsCode(sourceId, "pharmacyOds", pharmacyOds);
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
