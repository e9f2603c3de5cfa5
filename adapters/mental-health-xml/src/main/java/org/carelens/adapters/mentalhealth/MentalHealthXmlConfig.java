package org.carelens.adapters.mentalhealth;

import java.net.URI;
import java.time.Duration;
import org.carelens.adapters.http.ConfigChecks;
import org.carelens.sdk.model.NhsNumber;

/**
 * How to reach the mental health trust's XML API.
 *
 * @param sourceId the Carelens source id, e.g. {@code mental-health}
 * @param displayName what users read, e.g. "Mental health trust (RiO)"
 * @param baseUrl the API root (http or https, no query or fragment); the summary is read from
 *     {@code {baseUrl}/rio/api/v2/clients/{nhsNumber}/summary}
 * @param trustOds the trust's ODS code, e.g. {@code RXY}; the recording organisation when the
 *     document does not name one
 * @param apiKey sent as {@code X-Api-Key}; never printed by {@link #toString()}
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long the whole exchange (headers and body) may take
 * @param maxResponseBytes the largest body read; a larger one is a malformed payload
 */
public record MentalHealthXmlConfig(
    String sourceId,
    String displayName,
    URI baseUrl,
    String trustOds,
    String apiKey,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxResponseBytes) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

  public MentalHealthXmlConfig {
    baseUrl =
        ConfigChecks.httpSource(
            sourceId, displayName, baseUrl, connectTimeout, requestTimeout, maxResponseBytes);
    ConfigChecks.odsCode(sourceId, "trustOds", trustOds);
    // The key travels as a header value: refuse anything that could split a header, and say
    // nothing of its content.
    ConfigChecks.headerSafe(sourceId, "apiKey", apiKey, false);
  }

  /** A configuration with default timeouts and size limit. */
  public static MentalHealthXmlConfig withDefaults(
      String sourceId, String displayName, URI baseUrl, String trustOds, String apiKey) {
    return new MentalHealthXmlConfig(
        sourceId,
        displayName,
        baseUrl,
        trustOds,
        apiKey,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_MAX_RESPONSE_BYTES);
  }

  /** A copy with other timeouts. */
  public MentalHealthXmlConfig withTimeouts(Duration connectTimeout, Duration requestTimeout) {
    return new MentalHealthXmlConfig(
        sourceId,
        displayName,
        baseUrl,
        trustOds,
        apiKey,
        connectTimeout,
        requestTimeout,
        maxResponseBytes);
  }

  /** A copy with another response size limit. */
  public MentalHealthXmlConfig withMaxResponseBytes(int maxResponseBytes) {
    return new MentalHealthXmlConfig(
        sourceId,
        displayName,
        baseUrl,
        trustOds,
        apiKey,
        connectTimeout,
        requestTimeout,
        maxResponseBytes);
  }

  /** Where one client's summary is read. */
  public URI summaryUrl(NhsNumber nhsNumber) {
    return URI.create(baseUrl + "/rio/api/v2/clients/" + nhsNumber.value() + "/summary");
  }

  /** Everything but the API key. */
  @Override
  public String toString() {
    return "MentalHealthXmlConfig[sourceId=%s, baseUrl=%s, trustOds=%s, apiKey=***, connectTimeout=%s, requestTimeout=%s, maxResponseBytes=%d]"
        .formatted(sourceId, baseUrl, trustOds, connectTimeout, requestTimeout, maxResponseBytes);
  }
}
