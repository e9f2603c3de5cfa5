package org.carelens.adapters.careplans;

import java.net.URI;
import java.time.Duration;
import org.carelens.adapters.http.ConfigChecks;

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
    baseUrl =
        ConfigChecks.httpSource(
            sourceId, displayName, baseUrl, connectTimeout, requestTimeout, maxResponseBytes);
    ConfigChecks.odsCode(sourceId, "serviceOds", serviceOds);
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
