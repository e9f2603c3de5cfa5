package org.carelens.adapters.pds;

import java.net.URI;
import java.time.Duration;
import org.carelens.adapters.http.ConfigChecks;

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
    baseUrl =
        ConfigChecks.httpSource(
            sourceId, displayName, baseUrl, connectTimeout, requestTimeout, maxResponseBytes);
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
